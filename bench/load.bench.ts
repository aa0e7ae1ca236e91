import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connect } from '../src/db/connect.js';
import { freePort, hasCommand, startServer, wrk, type WrkResult } from './lib.js';
import { seed, type SeedInto, type Target } from './seed.js';

// `npm run bench:load`: many families using the app at once, on each database in turn. Seeds
// BENCH_FAMILIES families (a trip each: two flights with their departure checks, three travellers,
// twelve checklist items, the keepsake coming along), starts the real server at default settings
// (logging on, jobs on), and has wrk keep BENCH_CONNECTIONS clients busy for BENCH_SECONDS with a
// family's mix (load-mix.lua): read the trip, read its checklist, tick an item, confirm the
// keepsake at a check. Prints p50/p99, requests per second, errors, and the server's resident
// memory before and after (and its peak), with the load average, so a busy machine is visible.
// Exits 1 if any request failed (a non-2xx answer, a socket error or a wait past BENCH_TIMEOUT).
// BENCH_DATABASES (default "sqlite,postgres") chooses the databases; PostgreSQL is at
// BENCH_DATABASE_URL or TEST_DATABASE_URL (default the local server), in a fresh database dropped after.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 1000);
const TIMEOUT = process.env.BENCH_TIMEOUT ?? '10s';
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',').map((d) => d.trim());
const PG_SERVER =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));

for (const name of DATABASES)
  if (name !== 'sqlite' && name !== 'postgres') {
    console.error(`BENCH_DATABASES: "${name}" is neither sqlite nor postgres.`);
    process.exit(2);
  }
if (!hasCommand('wrk')) {
  console.error('npm run bench:load needs wrk (Debian: apt-get install wrk).');
  process.exit(2);
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_SERVER });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The server's resident memory now and at its peak, in MB (Linux /proc). */
function memoryOf(child: ChildProcess): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

/** The targets file load-mix.lua reads, with each item's stored state. */
async function writeTargets(where: SeedInto, targets: Target[], file: string): Promise<void> {
  const db = connect(where);
  const checked = new Set<string>();
  try {
    const ids = targets.flatMap((t) => t.items.map((i) => i.id));
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await db.kysely
        .selectFrom('checklist_items')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 1000))
        .where('checked_at', 'is not', null)
        .execute();
      for (const row of rows) checked.add(row.id);
    }
  } finally {
    await db.close();
  }
  const lines = targets.map((t) =>
    [
      t.token,
      t.csrf,
      t.tripId,
      t.confirm.travellerId,
      t.confirm.tripKeepsakeId,
      t.confirm.checkIds.join(','),
      t.items.map((i) => `${i.id}:${checked.has(i.id) ? 1 : 0}:${i.pinned ? 1 : 0}`).join(','),
    ].join(' '),
  );
  writeFileSync(file, lines.join('\n') + '\n');
}

async function run(database: 'sqlite' | 'postgres'): Promise<WrkResult> {
  const work = mkdtempSync(join(tmpdir(), 'alongside-load-'));
  const runId = `alongside_load_${Date.now().toString(36)}`;
  const databaseUrl =
    database === 'postgres'
      ? Object.assign(new URL(PG_SERVER), { pathname: `/${runId}` }).toString()
      : undefined;
  let server: ChildProcess | undefined;
  try {
    if (databaseUrl)
      await admin(`CREATE DATABASE ${runId}`).catch((error: Error) => {
        throw new Error(`bench:load on PostgreSQL needs a server at ${PG_SERVER}: ${error.message}`);
      });
    console.log(`\n${database}: seeding ${FAMILIES} families…`);
    const where: SeedInto = databaseUrl ? { databaseUrl } : { sqliteFile: join(work, 'alongside.sqlite') };
    const seeded = await seed(where, FAMILIES, { pastTrips: 0 });
    const targets = join(work, 'targets.txt');
    await writeTargets(where, seeded.targets, targets);

    const port = await freePort();
    server = await startServer(
      ['--import', 'tsx', join(root, 'src/server/main.ts')],
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: work,
        NODE_ENV: 'production',
        ...(databaseUrl && { DATABASE_URL: databaseUrl }),
      },
      /Alongside is ready/,
    );
    const before = memoryOf(server);
    const loadBefore = load();
    console.log(
      `${database}: ${CONNECTIONS} clients for ${SECONDS} s (load average ${loadBefore}, server ${before.rssMb} MB)…`,
    );
    const result = wrk(`http://127.0.0.1:${port}`, {
      seconds: SECONDS,
      connections: CONNECTIONS,
      script: join(here, 'load-mix.lua'),
      timeout: TIMEOUT,
      env: { TARGETS: targets },
    });
    const after = memoryOf(server);
    console.log(
      [
        `load_${database}`,
        `clients=${CONNECTIONS}`,
        `seconds=${SECONDS}`,
        `families=${FAMILIES}`,
        `rps=${result.requestsPerSecond.toFixed(0)}`,
        `p50_ms=${result.p50Ms.toFixed(1)}`,
        `p99_ms=${result.p99Ms.toFixed(1)}`,
        `non2xx=${result.non2xx}`,
        `socket_errors=${result.errors}`,
        `rss_start_mb=${before.rssMb}`,
        `rss_end_mb=${after.rssMb}`,
        `rss_peak_mb=${after.peakMb}`,
        `loadavg_start="${loadBefore}"`,
        `loadavg_end="${load()}"`,
      ].join(' '),
    );
    if (result.non2xx > 0 || result.errors > 0) console.log(result.output);
    return result;
  } finally {
    // Gone before its database is dropped (or it would report the dropped connections).
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill();
      await exited;
    }
    if (databaseUrl)
      await admin(`DROP DATABASE IF EXISTS ${runId} WITH (FORCE)`).catch((error: Error) =>
        console.warn(`could not drop ${runId}: ${error.message}`),
      );
    rmSync(work, { recursive: true, force: true });
  }
}

let failed = false;
for (const database of DATABASES as Array<'sqlite' | 'postgres'>) {
  const result = await run(database);
  if (result.non2xx > 0 || result.errors > 0) failed = true;
}
if (failed) {
  console.error('\n✖ Some requests failed (see above).');
  process.exit(1);
}
