import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, clientFor, type Client, type TestApp } from './test/app.js';
import { createTestDatabase, testDialect, type TestDatabase } from './test/database.js';
import { createFamily, createTripWithFlights, type Family } from './test/factories.js';
import { jpegWithGps, uploadPhoto } from './test/images.js';
import { populateFamily, type ResourceIds } from './test/populate.js';
import { envFor } from './test/stores.js';

// The restore drill. A real server takes writes from several families without pause (checklist
// items added and ticked, photos uploaded) while the real `alongside backup` runs beside it; the
// backup is restored into a new, empty store by the real `alongside restore`, and a second server
// started on it. Then, through the API:
//   - families at rest read the same on both servers, route by route (every GET in the route
//     table, photos, voice notes and books included);
//   - each busy family reads on the second server exactly as it did on the first after some write
//     of its own: the backup is one moment of the database, never half a write;
//   - and that write is no earlier than the last one acknowledged before the backup began.

const dialect = testDialect();
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the real command, as cron would; answers what it printed. */
function alongside(args: string[], database: TestDatabase): Promise<string> {
  return new Promise((resolve, reject) => {
    // Only what a cron job would have (the test runner's own variables would reach the settings).
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...envFor(database) };
    const child = spawn(join(root, 'bin/alongside'), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(said) : reject(new Error(`alongside ${args[0]} exited ${code}: ${said}`)),
    );
  });
}

interface Busy {
  family: Family;
  tripId: string;
  /** What the family read after each of its writes (index 0: before any), and when it was answered. */
  reads: string[];
  answeredAt: number[];
  mediaIds: string[];
}

/** What a busy family's writes change, read through the API: its checklist and its photos. */
async function readBusy(client: Client, tripId: string): Promise<string> {
  const checklist = await client.get(`/api/trips/${tripId}/checklist`);
  const media = await client.get('/api/media');
  if (checklist.statusCode !== 200 || media.statusCode !== 200) {
    throw new Error(`reading failed: ${checklist.statusCode} ${media.statusCode}`);
  }
  return `${checklist.body}\n${media.body}`;
}

/** One family's writes, one after another, each waited for, until `stop` says so. */
async function keepWriting(busy: Busy, stop: () => boolean, photo: Buffer): Promise<void> {
  const { client } = busy.family;
  for (let i = 0; !stop(); i++) {
    if (i % 4 === 3) {
      const uploaded = await uploadPhoto(client, photo);
      if (uploaded.statusCode !== 201)
        throw new Error(`upload failed: ${uploaded.statusCode} ${uploaded.body}`);
      busy.mediaIds.push(uploaded.json<{ media: { id: string } }>().media.id);
    } else {
      const added = await client.post(`/api/trips/${busy.tripId}/checklist`, {
        label: `Item ${i} 🕯️ for Zoë`,
        scope: 'shared',
      });
      if (added.statusCode !== 201) throw new Error(`adding failed: ${added.statusCode} ${added.body}`);
      if (i % 2 === 1) {
        const { id } = added.json<{ item: { id: string } }>().item;
        // Its own write: adding and ticking are two, each answered before the next is sent.
        busy.reads.push(await readBusy(client, busy.tripId));
        busy.answeredAt.push(Date.now());
        const ticked = await client.patch(`/api/checklist-items/${id}`, { checked: true });
        if (ticked.statusCode !== 200) throw new Error(`ticking failed: ${ticked.statusCode} ${ticked.body}`);
      }
    }
    busy.reads.push(await readBusy(client, busy.tripId));
    busy.answeredAt.push(Date.now());
  }
}

let a: TestApp;
let scratch: string;
const atRest: Array<{ family: Family; ids: ResourceIds }> = [];
const busy: Busy[] = [];

beforeAll(async () => {
  a = await buildTestApp();
  for (const [name, person] of [
    ['Jack', 'Anna'],
    ['Zoë', 'Bea'],
  ] as const) {
    const family = await createFamily(a.app, { displayName: person, familyName: `${name}'s family` });
    atRest.push({ family, ids: await populateFamily(family, name, a.container.db.kysely) });
  }
  for (const person of ['Cora', 'Dev', 'Eli']) {
    const family = await createFamily(a.app, { displayName: person, familyName: `${person}'s family` });
    const { trip } = await createTripWithFlights(family.client, { name: `${person}'s trip` });
    busy.push({ family, tripId: trip.id, reads: [], answeredAt: [], mediaIds: [] });
  }
  await a.caughtUp();
  scratch = mkdtempSync(join(tmpdir(), 'alongside-drill-'));
}, 180_000);
afterAll(async () => {
  await a?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const methods: Array<[string, string[]]> =
  dialect === 'sqlite'
    ? [["SQLite's online backup", []]]
    : [
        ['pg_dump', []],
        ['a logical dump', ['--logical']],
      ];

describe.each(methods)('the restore drill, with %s', (method, flags) => {
  it(
    'restores a moment of the database taken under writes, with every write answered before it began',
    { timeout: 300_000 },
    async () => {
      const photo = await jpegWithGps(64, 48);
      for (const b of busy) {
        b.reads = [await readBusy(b.family.client, b.tripId)];
        b.answeredAt = [Date.now()];
      }
      let stopping = false;
      const writers = busy.map((b) => keepWriting(b, () => stopping, photo));
      try {
        // Let the writes get going, then back up while they go on.
        while (busy.some((b) => b.reads.length < 4)) await new Promise((r) => setTimeout(r, 20));
        const file = join(scratch, `drill-${method.replace(/\W+/g, '-')}.backup`);
        const backupBegan = Date.now();
        const said = await alongside(['backup', ...flags, file], a.database);
        const backupEnded = Date.now();
        // When it took its snapshot (after starting up): what was answered before then must be in it.
        const snapshot = Date.parse(/Snapshot: (\S+),/.exec(said)![1]!);
        expect(snapshot).toBeGreaterThanOrEqual(backupBegan - 1000);
        expect(said).toContain(
          flags.length > 0
            ? 'with a logical dump'
            : dialect === 'sqlite'
              ? "with SQLite's online backup"
              : 'with pg_dump',
        );
        // Writes went on while the backup ran (the server was not stopped or held for it).
        const duringBackup = busy.flatMap((b) =>
          b.answeredAt.filter((at) => at > backupBegan && at < backupEnded),
        );
        expect(duringBackup.length).toBeGreaterThan(0);
        stopping = true;
        await Promise.all(writers);

        const target = await createTestDatabase();
        const restoredSaid = await alongside(['restore', file], target);
        expect(restoredSaid).toMatch(/^Restored /);
        const b2 = await buildTestApp({ database: target });
        const report: string[] = [];
        try {
          for (const b of busy) {
            // The same sessions work on the second server: they were restored with everything else.
            const there = clientFor(b2.app, b.family.cookie, b.family.session.csrfToken);
            const read = await readBusy(there, b.tripId);
            const moment = b.reads.indexOf(read);
            const answeredBefore = b.answeredAt.filter((at) => at < snapshot).length - 1;
            const answeredByTheEnd = b.answeredAt.filter((at) => at <= backupEnded).length - 1;
            expect(
              moment,
              `${b.family.session.family.name} reads as it did after one of its writes`,
            ).toBeGreaterThanOrEqual(0);
            expect(moment, 'every write answered before the snapshot is there').toBeGreaterThanOrEqual(
              answeredBefore,
            );
            expect(moment, 'and none answered after the backup ended').toBeLessThanOrEqual(answeredByTheEnd);
            expect(answeredBefore).toBeGreaterThan(0);
            report.push(`${moment}/${b.reads.length - 1} (${answeredBefore} answered before the snapshot)`);
            // Photos come back byte for byte.
            const media = (await there.get('/api/media')).json<{ media: Array<{ id: string }> }>().media;
            for (const { id } of media) {
              const here = await b.family.client.get(`/api/media/${id}/file`);
              const restored = await there.get(`/api/media/${id}/file`);
              expect(restored.statusCode).toBe(200);
              expect(restored.rawPayload.equals(here.rawPayload)).toBe(true);
            }
          }
          for (const { family, ids } of atRest) await expectSameEverywhere(a, b2, family, ids);
          console.log(
            `restore drill (${dialect}, ${method}): backup took ${Math.round(backupEnded - backupBegan)} ms under ` +
              `${duringBackup.length} answered writes (snapshot ${snapshot - backupBegan} ms after it began); ` +
              `each busy family restored as after its write ${report.join(', ')}`,
          );
        } finally {
          await b2.close();
        }
      } finally {
        stopping = true;
        await Promise.allSettled(writers);
      }
    },
  );
});

/** A PDF made on request says when it was made (twice), with an id made from that; the rest must match. */
const comparable = (response: { headers: Record<string, unknown>; rawPayload: Buffer }) =>
  String(response.headers['content-type']).startsWith('application/pdf')
    ? Buffer.from(
        response.rawPayload
          .toString('latin1')
          .replace(/\(D:\d{14}Z\)/g, '(D:)')
          .replace(/<xmp:(\w+)Date>[^<]*</g, '<xmp:$1Date><')
          .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/gi, '/ID []'),
        'latin1',
      )
    : response.rawPayload;

/** Every GET route in the table, filled with the family's ids, answers the same on both servers. */
async function expectSameEverywhere(first: TestApp, second: TestApp, family: Family, ids: ResourceIds) {
  const fill = (url: string) =>
    url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? `missing-${name}`);
  const here = family.client;
  const there = clientFor(second.app, family.cookie, family.session.csrfToken);
  const routes = first.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
  expect(routes.length).toBeGreaterThan(30);
  let answered = 0;
  for (const route of routes) {
    const url = fill(route.url);
    const [x, y] = [await here.get(url), await there.get(url)];
    expect(y.statusCode, `GET ${route.url}`).toBe(x.statusCode);
    expect(y.headers['content-type'], `GET ${route.url}`).toBe(x.headers['content-type']);
    expect(comparable(y).equals(comparable(x)), `GET ${route.url} answers the same`).toBe(true);
    if (x.statusCode === 200) answered += 1;
  }
  expect(answered).toBeGreaterThan(25);
}
