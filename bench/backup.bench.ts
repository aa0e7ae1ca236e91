import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connect } from '../src/db/connect.js';
import type { NewRow } from '../src/db/schema.js';
import { newId } from '../src/server/secrets.js';
import { seed, type SeedInto } from './seed.js';

// `npm run bench:backup [-- --pg]`: how long `alongside backup` and `alongside restore` take on a
// seeded database, run as cron would run them (the real command, its own process). BENCH_FAMILIES
// families (200) with trips and checklists (bench/seed.ts), and BENCH_PHOTOS photos (300) of about
// 300 kB each with a 20 kB thumbnail, random bytes (as incompressible as a JPEG). On SQLite, then
// with --pg on PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres):
// each method backs up and restores into an empty place. Prints sizes and times; asserts nothing.

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 200);
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 300);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'alongside-backup-bench-'));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function addPhotos(into: SeedInto, familyIds: string[]): Promise<void> {
  const db = connect(
    'databaseUrl' in into ? { databaseUrl: into.databaseUrl } : { sqliteFile: into.sqliteFile },
  );
  try {
    for (let i = 0; i < PHOTOS; i += 20) {
      const rows: NewRow<'media'>[] = [];
      for (let j = i; j < Math.min(PHOTOS, i + 20); j++) {
        const data = randomBytes(300_000);
        const thumbnail = randomBytes(20_000);
        rows.push({
          id: newId(),
          family_id: familyIds[j % familyIds.length]!,
          kind: 'photo',
          content_type: 'image/jpeg',
          width: 2560,
          height: 1920,
          byte_size: data.length,
          data,
          thumbnail_content_type: 'image/webp',
          thumbnail,
          thumbnail_byte_size: thumbnail.length,
          digest: newId(),
          added_by: null,
          created_at: '2026-11-27T09:00:00.000Z',
          from_name: null,
        });
      }
      await db.kysely.insertInto('media').values(rows).execute();
    }
  } finally {
    await db.close();
  }
}

/** Runs the real command; answers its wall time and the time it reported for its own work. */
function alongside(args: string[], env: Record<string, string>): { wall: number; own: number; said: string } {
  const started = performance.now();
  const result = spawnSync(join(root, 'bin/alongside'), args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`alongside ${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
  const own = Number(/Took ([\d.]+) s/.exec(result.stdout)?.[1]);
  return { wall, own, said: result.stdout };
}

async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabases(names: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

const lines: string[] = [];
const report = (
  store: string,
  method: string,
  size: string,
  file: number,
  b: ReturnType<typeof alongside>,
  r: ReturnType<typeof alongside>,
) =>
  lines.push(
    `| ${store} | ${method} | ${size} | ${mb(file)} | ${b.own.toFixed(1)} s (${b.wall.toFixed(1)} s) | ${r.own.toFixed(1)} s (${r.wall.toFixed(1)} s) |`,
  );

async function onSqlite(): Promise<void> {
  const data = join(work, 'sqlite-source');
  mkdirSync(data);
  const file = join(data, 'alongside.sqlite');
  const seeded = await seed({ sqliteFile: file }, FAMILIES, { pastTrips: 5 });
  await addPhotos(
    { sqliteFile: file },
    seeded.targets.map((t) => t.familyId),
  );
  const size = mb(statSync(file).size);
  for (const [method, flags] of [
    ["SQLite's online backup", []],
    ['logical dump', ['--logical']],
  ] as const) {
    const out = join(work, `sqlite-${flags.length}.backup`);
    const b = alongside(['backup', ...flags, out], { DATA_DIR: data });
    const r = alongside(['restore', out], { DATA_DIR: join(work, `sqlite-restored-${flags.length}`) });
    report('SQLite', method, size, statSync(out).size, b, r);
  }
}

async function onPostgres(): Promise<void> {
  const names = ['alongside_bench_backup', 'alongside_bench_restored_0', 'alongside_bench_restored_1'];
  try {
    const url = await createDatabase(names[0]!);
    const seeded = await seed({ databaseUrl: url }, FAMILIES, { pastTrips: 5 });
    await addPhotos(
      { databaseUrl: url },
      seeded.targets.map((t) => t.familyId),
    );
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const size = mb(
      Number(
        (await client.query<{ n: string }>('select pg_database_size(current_database()) as n')).rows[0]!.n,
      ),
    );
    await client.end();
    for (const [i, method, flags] of [
      [0, 'pg_dump', []],
      [1, 'logical dump', ['--logical']],
    ] as const) {
      const out = join(work, `pg-${i}.backup`);
      const b = alongside(['backup', ...flags, out], { DATABASE_URL: url });
      const target = await createDatabase(names[i + 1]!);
      const r = alongside(['restore', out], { DATABASE_URL: target });
      report('PostgreSQL', method, size, statSync(out).size, b, r);
    }
  } finally {
    await dropDatabases(names);
  }
}

try {
  await onSqlite();
  if (process.argv.includes('--pg')) await onPostgres();
  const load = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
  process.stdout.write(
    `\n${FAMILIES} families, ${PHOTOS} photos. Times: the command's own (its whole run, start-up included).\n` +
      `machine: ${load}\n\n| store | method | database | file | backup | restore |\n| --- | --- | --- | --- | --- | --- |\n${lines.join('\n')}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
