import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openEventStream, revisionOf, type EventStream } from '../src/server/test/sse.js';
import { freePort, startServer } from './lib.js';

// Two phones, one check: how long until one phone's confirmation shows on the other's live stream.
// Two sessions of one family (the same parent signed in on two phones, or two parents: the server
// does the same work); phone B holds GET /api/family/events open, phone A confirms a keepsake
// CHANGES times, one after another. Each time runs from A sending the confirmation to B's stream
// telling the new revision (what makes B's app ask again), so it includes A's own write.
//   SQLite: one server process.
//   PostgreSQL: two server processes on one database; A talks to the first, B's stream is on the
//   second, so every notice crosses instances by NOTIFY/LISTEN.
// Goal: p99 at most 2 s (issue 11). Prints p50 and p99 per database.
//   npm run bench:live                 both (PostgreSQL at $BENCH_DATABASE_URL, default the local test server)
//   npm run bench:live -- --sqlite     SQLite only
//   CHANGES=50 npm run bench:live      fewer changes

const CHANGES = Number(process.env.CHANGES ?? 200);
const PG_SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = new URL('..', import.meta.url).pathname;
const PASSWORD = 'a long and gentle password';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function server(
  work: string,
  databaseUrl: string | undefined,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = await startServer(
    ['--import', 'tsx', join(root, 'src/server/main.ts')],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: work,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    },
    /Alongside is ready/,
  );
  return { url: `http://127.0.0.1:${port}`, child };
}

type Headers = Record<string, string>;

async function signedIn(response: Response): Promise<Headers> {
  if (!response.ok) throw new Error(`signing in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

async function post<T>(url: string, headers: Headers, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Trip {
  trip: { id: string };
  travellers: Array<{ id: string }>;
  keepsakes: Array<{ id: string }>;
  legs: Array<{ checks: Array<{ id: string }> }>;
}

/** A family with Jack's box on a trip with one flight; two sessions of its parent. */
async function family(base: string) {
  const email = `olive-${Date.now()}@example.com`;
  const a = await signedIn(
    await fetch(`${base}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: 'Olive',
        email,
        password: PASSWORD,
        familyName: 'The Ellis family',
        homeZone: 'Europe/London',
      }),
    }),
  );
  const jack = await post<{ lovedOne: { id: string } }>(`${base}/api/loved-ones`, a, {
    name: 'Jack',
    kind: 'infant',
  });
  await post(`${base}/api/loved-ones/${jack.lovedOne.id}/keepsakes`, a, {
    name: "Jack's box",
    kind: 'ashes',
    container: 'wood',
    travelsWithUs: true,
  });
  const made = await post<Trip>(`${base}/api/trips`, a, {
    name: 'Coast',
    purpose: 'carry',
    requireTwoPeople: true,
  });
  const trip = await post<Trip>(`${base}/api/trips/${made.trip.id}/legs`, a, {
    mode: 'air',
    fromCountry: 'GB',
    toCountry: 'ES',
    carrier: 'BA',
    bag: 'carry_on',
    departureLocal: '2027-07-01T09:30',
    departureZone: 'Europe/London',
    isReturn: false,
  });
  const b = await signedIn(
    await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  const confirmation = {
    url: `${base}/api/leg-checks/${trip.legs[0]!.checks[0]!.id}/confirmations`,
    body: { travellerId: trip.travellers[0]!.id, tripKeepsakeIds: [trip.keepsakes[0]!.id] },
  };
  return { a, b, confirmation };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(database: 'sqlite' | 'postgres'): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'alongside-live-'));
  const runId = `alongside_live_${Date.now().toString(36)}`;
  const databaseUrl =
    database === 'postgres'
      ? Object.assign(new URL(PG_SERVER), { pathname: `/${runId}` }).toString()
      : undefined;
  const children: ChildProcess[] = [];
  let stream: EventStream | undefined;
  try {
    if (databaseUrl)
      await admin(`CREATE DATABASE ${runId}`).catch((error: Error) => {
        throw new Error(`bench:live on PostgreSQL needs a server at ${PG_SERVER}: ${error.message}`);
      });
    const first = await server(work, databaseUrl);
    children.push(first.child);
    // On PostgreSQL phone B's stream is on a second instance; on SQLite there is one process.
    const second = databaseUrl ? await server(work, databaseUrl) : first;
    if (second !== first) children.push(second.child);
    const { a, b, confirmation } = await family(first.url);

    stream = await openEventStream(second.url, b.cookie!);
    let seen = revisionOf(await stream.next(() => true));
    const times: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const sent = performance.now();
      await post(confirmation.url, a, confirmation.body);
      const event = await stream.next((e) => revisionOf(e) > seen, 30_000);
      seen = revisionOf(event);
      times.push(event.at - sent);
    }
    times.sort((x, y) => x - y);
    const over = times.filter((ms) => ms > 2000).length;
    console.log(
      `live ${database}${databaseUrl ? ' (two instances)' : ''} changes=${CHANGES} p50_ms=${percentile(times, 50).toFixed(1)} p99_ms=${percentile(times, 99).toFixed(1)} max_ms=${times.at(-1)!.toFixed(1)} over_2s=${over} goal: p99<=2000`,
    );
  } finally {
    stream?.close();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve))));
    if (databaseUrl) await admin(`DROP DATABASE IF EXISTS ${runId} WITH (FORCE)`).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

await measure('sqlite');
if (!process.argv.includes('--sqlite')) await measure('postgres');
