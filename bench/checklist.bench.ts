import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { connect, type Db } from '../src/db/connect.js';
import { freePort, hasCommand, median, startServer, wrk, type WrkResult } from './lib.js';
import { seed, type Target } from './seed.js';
import { tickStatements } from './tick-statements.js';

// `npm run bench` (SQLite) or `npm run bench -- --pg` (PostgreSQL at BENCH_DATABASE_URL or
// TEST_DATABASE_URL, default the local server; a fresh database per run, dropped after). On 1,000
// seeded families, our real server (default settings: logging on, jobs on) against the machine's
// ceiling (bare Fastify + one database call: see ceiling-server.ts), interleaved round by round so
// that both see the same machine; wrk runs in its own process. Ratios are paired within a round.
//   checklist_read:  an authenticated read of a whole trip checklist vs a primary-key read.
//   checklist_read_phone: the same read with a phone browser's Accept-Encoding (so compressed).
//   trip_read:       an authenticated read of a trip's own answer (`GET /api/trips/:id`: legs,
//                    checks and when they open, travellers, keepsakes; kept in no cache), as a
//                    phone asks, vs the same primary-key read. No goal is set; it is measured.
//   checklist_tick:  an authenticated tick/untick of one item (every request a real write; the
//                    requests in flight belong to different families) vs a single-row UPDATE with
//                    the app's durability settings.
//   checklist_tick_history: one connection ticking one family's items, median latency for a family
//                    with one trip vs one with the same trip and 50 past trips.
// Before every load the server's job queue is let drain (each tick queues its family's
// remembrance sync), so no run pays for the one before.

const PG = process.argv.includes('--pg');
const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const HISTORY_SECONDS = Number(process.env.BENCH_HISTORY_SECONDS ?? 3);
const JOBS = process.env.BENCH_JOBS === 'off' ? 'off' : 'on';
const PAST_TRIPS = Number(process.env.BENCH_PAST_TRIPS ?? 50);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PG_SERVER =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = PG ? '_pg' : '';
const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

if (!hasCommand('wrk')) {
  console.error(
    'npm run bench needs wrk (Debian: apt-get install wrk); autocannon saturates below this machine’s ceiling.',
  );
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'alongside-bench-'));
const runId = `alongside_bench_${Date.now().toString(36)}`;
const pgUrl = (name: string) => Object.assign(new URL(PG_SERVER), { pathname: `/${name}` }).toString();
const appDatabase = PG ? pgUrl(runId) : undefined;
const ceilingDatabase = PG ? pgUrl(`${runId}_ceiling`) : join(work, 'ceiling.sqlite');
const children: ChildProcess[] = [];
let probe: Db | undefined;

async function admin(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

try {
  if (PG)
    await admin([`CREATE DATABASE ${runId}`, `CREATE DATABASE ${runId}_ceiling`]).catch((error: Error) => {
      throw new Error(`npm run bench -- --pg needs PostgreSQL at ${PG_SERVER}: ${error.message}`);
    });
  console.log(
    `Seeding ${FAMILIES} families (and two more, with 1 and ${PAST_TRIPS} + 1 trips)${PG ? ' into PostgreSQL' : ''}…`,
  );
  const where = appDatabase ? { databaseUrl: appDatabase } : { sqliteFile: join(work, 'alongside.sqlite') };
  const seeded = await seed(where, FAMILIES, { pastTrips: PAST_TRIPS });
  probe = connect(where);
  const db = probe;
  const readTargets = join(work, 'read-targets.txt');
  writeFileSync(readTargets, seeded.targets.map((t) => `${t.token} ${t.tripId}`).join('\n') + '\n');

  const ourPort = await freePort();
  const ceilingPort = await freePort();
  children.push(
    await startServer(
      ['--import', 'tsx', join(root, 'src/server/main.ts')],
      {
        PORT: String(ourPort),
        DATA_DIR: work,
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        // BENCH_JOBS=off runs the server without its job runner (to see what the queued syncs cost).
        JOBS,
        ...(appDatabase && { DATABASE_URL: appDatabase }),
      },
      /Alongside is ready/,
    ),
    await startServer(
      ['--import', 'tsx', join(here, 'ceiling-server.ts'), ceilingDatabase, String(ceilingPort)],
      {},
      /ready/,
    ),
  );
  const ours = `http://127.0.0.1:${ourPort}`;
  const ceiling = `http://127.0.0.1:${ceilingPort}`;

  /** Waits until no job is queued or running (the syncs that earlier ticks queued); answers ms. */
  async function idle(): Promise<number> {
    const started = performance.now();
    if (JOBS === 'off') return 0; // nothing would take them
    for (;;) {
      const row = await db.kysely
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['queued', 'running'])
        .executeTakeFirst();
      if (Number(row?.n ?? 0) === 0) return performance.now() - started;
      if (performance.now() - started > 60_000) {
        console.warn(`  (still ${row?.n} jobs pending after 60 s; carrying on)`);
        return performance.now() - started;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Writes the tick targets of `families` with their items' current state, item by item across
   * families (so that the requests in flight at once belong to different families).
   */
  async function tickTargets(families: Target[], file: string): Promise<string> {
    const states = new Map<string, boolean>();
    const ids = families.flatMap((f) => f.items.map((i) => i.id));
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await db.kysely
        .selectFrom('checklist_items')
        .select(['id', 'checked_at'])
        .where('id', 'in', ids.slice(i, i + 1000))
        .execute();
      for (const row of rows) states.set(row.id, row.checked_at !== null);
    }
    const lines: string[] = [];
    for (let position = 0; position < 12; position++)
      for (const f of families) {
        const item = f.items[position]!;
        lines.push(`${f.token} ${f.csrf} ${item.id} ${states.get(item.id) ? 1 : 0} ${item.pinned ? 1 : 0}`);
      }
    const path = join(work, file);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  }

  const load = async (
    url: string,
    script: string,
    options: { seconds?: number; connections?: number; env?: Record<string, string> } = {},
  ): Promise<WrkResult> => {
    await idle();
    const result = wrk(url, {
      seconds: options.seconds ?? SECONDS,
      connections: options.connections ?? CONNECTIONS,
      script: join(here, script),
      timeout: '30s',
      ...(options.env && { env: options.env }),
    });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(
        `${url} ${script}: ${result.non2xx} non-2xx, ${result.errors} socket errors\n${result.output}`,
      );
    return result;
  };
  const readOurs = () => load(ours, 'checklist-targets.lua', { env: { TARGETS: readTargets } });
  // The same read as a phone's browser asks for it: compressed (brotli, as the browser prefers).
  const readOursAsPhone = () =>
    load(ours, 'checklist-targets.lua', {
      env: { TARGETS: readTargets, ACCEPT_ENCODING: 'gzip, deflate, br' },
    });
  const readTripAsPhone = () =>
    load(ours, 'checklist-targets.lua', {
      env: { TARGETS: readTargets, ACCEPT_ENCODING: 'gzip, deflate, br', READ: 'trip' },
    });
  const readCeiling = () => load(ceiling, 'ceiling-targets.lua');
  const tickOurs = async (seconds?: number) =>
    load(ours, 'checklist-tick.lua', {
      ...(seconds && { seconds }),
      env: { TARGETS: await tickTargets(seeded.targets, 'tick-targets.txt') },
    });
  const tickCeiling = (seconds?: number) => load(ceiling, 'ceiling-tick.lua', seconds ? { seconds } : {});

  /** Paired rounds, alternating which goes first; answers the median ratio and our median p99. */
  async function paired(
    name: string,
    ourRun: () => Promise<WrkResult>,
    ceilingRun: () => Promise<WrkResult>,
  ): Promise<{ ratio: number; p99: number }> {
    const rounds: Array<{ ours: WrkResult; ceiling: WrkResult; ratio: number; drainMs: number }> = [];
    for (let round = 1; round <= ROUNDS; round++) {
      let o: WrkResult;
      let c: WrkResult;
      let drainMs: number;
      // Alternate which goes first, so neither always gets the cooler machine.
      if (round % 2) {
        o = await ourRun();
        drainMs = await idle();
        c = await ceilingRun();
      } else {
        c = await ceilingRun();
        o = await ourRun();
        drainMs = await idle();
      }
      const result = { ours: o, ceiling: c, ratio: o.requestsPerSecond / c.requestsPerSecond, drainMs };
      rounds.push(result);
      console.log(
        `round ${round}: ${name} ${o.requestsPerSecond.toFixed(0)} req/s (p50 ${o.p50Ms.toFixed(2)} ms, p99 ${o.p99Ms.toFixed(2)} ms${name.includes('tick') ? `, jobs drained ${(drainMs / 1000).toFixed(1)} s after` : ''}) | ceiling ${c.requestsPerSecond.toFixed(0)} req/s (p99 ${c.p99Ms.toFixed(2)} ms) | ratio ${result.ratio.toFixed(3)}`,
      );
    }
    return { ratio: median(rounds.map((r) => r.ratio)), p99: median(rounds.map((r) => r.ours.p99Ms)) };
  }

  console.log('Warming up…');
  await readOurs();
  await readCeiling();
  await tickOurs(3);
  await tickCeiling(3);

  const read = await paired('checklist', readOurs, readCeiling);
  const readAsPhone = await paired('checklist as a phone asks', readOursAsPhone, readCeiling);
  const tripAsPhone = await paired('trip as a phone asks', readTripAsPhone, readCeiling);
  const tick = await paired(
    'tick',
    () => tickOurs(),
    () => tickCeiling(),
  );

  // One connection ticking one family's items, back to back: each tick queues the family's
  // remembrance sync, which runs in the same process while the next tick is served.
  const history = { one: [] as number[], past: [] as number[] };
  const historyRun = async (family: Target, file: string) =>
    (
      await load(ours, 'checklist-tick.lua', {
        seconds: HISTORY_SECONDS,
        connections: 1,
        env: { TARGETS: await tickTargets([family], file) },
      })
    ).p50Ms;
  for (let round = 1; round <= ROUNDS; round++) {
    const runOne = async () => history.one.push(await historyRun(seeded.history.oneTrip, 'history-1.txt'));
    const runPast = async () =>
      history.past.push(await historyRun(seeded.history.pastTrips, 'history-n.txt'));
    if (round % 2) {
      await runOne();
      await runPast();
    } else {
      await runPast();
      await runOne();
    }
    console.log(
      `round ${round}: tick median, 1 trip ${history.one.at(-1)!.toFixed(2)} ms | ${PAST_TRIPS} past trips ${history.past.at(-1)!.toFixed(2)} ms`,
    );
  }
  await idle();

  const counted = await tickStatements(appDatabase ? { databaseUrl: appDatabase } : { dataDir: work }, [
    seeded.history.oneTrip,
    seeded.history.pastTrips,
  ]);
  const [one, past] = counted as [(typeof counted)[0], (typeof counted)[0]];
  console.log(
    `statements of one tick${PG ? ` (${one.roundTrips} round trips)` : ''}: ${one.request.length}: ${one.request.map((s) => s.replace(/\s+/g, ' ').slice(0, 60)).join(' | ')}`,
  );
  console.log(
    `statements of the remembrance sync a family change queues (a tick no longer does): ${one.sync} (1 trip), ${past.sync} (${PAST_TRIPS} past trips)`,
  );

  const oneMedian = median(history.one);
  const pastMedian = median(history.past);
  const historyRatio = pastMedian / oneMedian;
  console.log(
    `items per checklist: ${seeded.items / FAMILIES}; connections: ${CONNECTIONS}; rounds: ${ROUNDS} × ${SECONDS} s (history ${ROUNDS} × ${HISTORY_SECONDS} s, 1 connection)`,
  );
  console.log(
    `targets: read ratio >= 0.5 and p99 <= 25 ms — ${read.ratio >= 0.5 && read.p99 <= 25 ? 'met' : 'NOT met'}; history within 20 % — ${historyRatio <= 1.2 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `checklist_tick_history${suffix} median_1trip_ms=${oneMedian.toFixed(2)} median_${PAST_TRIPS}trips_ms=${pastMedian.toFixed(2)} ratio=${historyRatio.toFixed(3)}`,
  );
  console.log(`checklist_tick${suffix} ratio=${tick.ratio.toFixed(3)} p99_ms=${tick.p99.toFixed(2)}`);
  console.log(
    `checklist_read_phone${suffix} ratio=${readAsPhone.ratio.toFixed(3)} p99_ms=${readAsPhone.p99.toFixed(2)}`,
  );
  console.log(
    `trip_read${suffix} ratio=${tripAsPhone.ratio.toFixed(3)} p99_ms=${tripAsPhone.p99.toFixed(2)}`,
  );
  console.log(`checklist_read${suffix} ratio=${read.ratio.toFixed(3)} p99_ms=${read.p99.toFixed(2)}`);
} finally {
  for (const child of children) child.kill();
  await probe?.close();
  if (PG)
    await admin([
      `DROP DATABASE IF EXISTS ${runId} WITH (FORCE)`,
      `DROP DATABASE IF EXISTS ${runId}_ceiling WITH (FORCE)`,
    ]).catch((error: Error) => console.warn(`could not drop the benchmark databases: ${error.message}`));
  rmSync(work, { recursive: true, force: true });
}
