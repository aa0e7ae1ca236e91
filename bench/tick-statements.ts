import Database from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { buildContainer } from '../src/server/container.js';
import type { Target } from './seed.js';

// Counts the SQL statements of one tick (PATCH /api/checklist-items/:id) on an in-process app over a
// seeded database, and on PostgreSQL its round trips: a statement sent while an earlier one of the
// same connection is still unanswered travels in the same round trip (pipeline mode,
// src/db/pg-pipelined.ts). Also counts the statements of the family's remembrance sync.

export interface TickStatements {
  /** Statements of the request, in order (session lookup to COMMIT). */
  request: string[];
  /** PostgreSQL: how many times the request waited for the database (null on SQLite). */
  roundTrips: number | null;
  /** Statements of one run of the family's remembrance sync (what the queued job does). */
  sync: number;
}

let recording: string[] | null = null;
/** PostgreSQL statements sent while none of the same connection was awaiting its answer. */
let roundTrips = 0;
let patched = false;
const inFlight = new WeakMap<object, number>();

/** Wraps pg's Client.query and better-sqlite3's statement calls so that they can be recorded. */
function patchDrivers(): void {
  if (patched) return;
  patched = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with apply(this) below
  const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    recording?.push(typeof first === 'string' ? first : String((first as { text?: string })?.text));
    const waiting = inFlight.get(this) ?? 0;
    if (recording && waiting === 0) roundTrips += 1;
    inFlight.set(this, waiting + 1);
    const result = pgQuery.apply(this, args) as Promise<unknown>;
    const done = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    result.then(done, done);
    return result;
  } as typeof pg.Client.prototype.query;

  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = statement[method] as (...args: unknown[]) => unknown;
    statement[method] = function (this: { source: string }, ...args: unknown[]) {
      recording?.push(this.source);
      return original.apply(this, args);
    };
  }
}

async function record(work: () => Promise<unknown>): Promise<string[]> {
  recording = [];
  roundTrips = 0;
  try {
    await work();
    return recording;
  } finally {
    recording = null;
  }
}

/**
 * Ticks (or unticks) the first unpinned item of each family in `families` once and answers its
 * statements. `dataDir` is the SQLite file's folder, or `databaseUrl` the PostgreSQL database.
 */
export async function tickStatements(
  where: { dataDir: string } | { databaseUrl: string },
  families: Target[],
): Promise<TickStatements[]> {
  patchDrivers();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JOBS: 'off',
    ...('databaseUrl' in where ? { DATABASE_URL: where.databaseUrl } : { DATA_DIR: where.dataDir }),
  });
  const container = await buildContainer(config);
  const app = await buildApp(container);
  try {
    const results: TickStatements[] = [];
    for (const family of families) {
      const item = family.items.find((i) => !i.pinned)!;
      const patch = (checked: boolean) =>
        app.inject({
          method: 'PATCH',
          url: `/api/checklist-items/${item.id}`,
          headers: {
            cookie: `alongside_session=${family.token}`,
            'x-csrf-token': family.csrf,
            'content-type': 'application/json',
          },
          payload: { checked },
        });
      // Once unrecorded (statement caches warm), then flip it back while recording.
      const first = await patch(true);
      if (first.statusCode !== 200) throw new Error(`tick answered ${first.statusCode}: ${first.body}`);
      let status = 0;
      const request = await record(async () => {
        status = (await patch(false)).statusCode;
      });
      const trips = 'databaseUrl' in where ? roundTrips : null;
      if (status !== 200) throw new Error(`tick answered ${status}`);
      const sync = await record(() => container.remembrance.syncFamily(family.familyId));
      results.push({ request, roundTrips: trips, sync: sync.length });
    }
    return results;
  } finally {
    await app.close();
    await container.close();
  }
}
