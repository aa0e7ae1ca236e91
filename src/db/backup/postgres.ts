import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { sql } from 'kysely';
import { appliedMigrations } from '../migrate.js';
import { readCatalog } from './catalog.js';
import { BackupInputError, type BackupHeader } from './header.js';
import { writeLogical, type LineSink } from './logical.js';
import { readTables } from './tables-io.js';
import { inOneTransaction, type AnyKysely } from './tool-connection.js';

/** The first line of a pg_dump backup: an SQL comment, so the file stays a script psql can run. */
export const PG_DUMP_MARK = '-- Alongside backup: ';

/**
 * A connection string for the PostgreSQL tools, with the password moved out of it into their
 * environment: a command line can be read by anyone on the machine (`ps`), the environment cannot.
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password && { PGPASSWORD: password }) } };
}

/** The major version of a PostgreSQL client tool on PATH, or null when it is not there. */
export function toolVersion(tool: 'pg_dump' | 'psql'): { text: string; major: number } | null {
  const result = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const text = result.stdout.trim();
  const major = Number(/(\d+)(?:\.\d+)?/.exec(text)?.[1]);
  return Number.isFinite(major) ? { text, major } : null;
}

export async function serverMajor(db: AnyKysely): Promise<number> {
  const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Math.floor(Number(rows[0]!.v) / 10000);
}

const header = (
  migrations: string[],
  takenAt: string,
  method: BackupHeader['method'],
  tool?: string,
): BackupHeader => {
  if (migrations.length === 0) {
    throw new BackupInputError(
      'The database has never been set up (no migrations applied): there is nothing to back up.',
    );
  }
  return {
    alongside: 'backup',
    formatVersion: 1,
    store: 'postgres',
    method,
    schemaVersion: migrations.at(-1)!,
    migrations,
    takenAt,
    ...(tool && { tool }),
  };
};

/**
 * pg_dump's own consistent snapshot, shared: a REPEATABLE READ transaction here exports its snapshot,
 * reads which migrations the database has, and pg_dump dumps that same snapshot (`--snapshot`), so
 * the record at the top of the file says exactly what the dump holds. Plain SQL, without owners or
 * grants, so it restores into a database owned by anyone.
 */
export async function backupWithPgDump(
  db: AnyKysely,
  url: string,
  temp: string,
  takenAt: () => string,
  tool: string,
): Promise<BackupHeader> {
  const before = takenAt(); // every change answered before this is in the snapshot taken next
  return inOneTransaction(db, 'begin isolation level repeatable read read only', async (tx) => {
    const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(tx);
    const record = header(await appliedMigrations(tx), before, 'pg_dump', tool);
    const out = createWriteStream(temp, { flags: 'w' });
    await new Promise<void>((resolve, reject) =>
      out.write(`${PG_DUMP_MARK}${JSON.stringify(record)}\n`, (e) => (e ? reject(e) : resolve())),
    );
    const { dbname, env } = toolConnection(url);
    const args = [
      '--format=plain',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${rows[0]!.id}`,
      `--dbname=${dbname}`,
    ];
    await runTool('pg_dump', args, env, { stdout: out });
    return record;
  });
}

/**
 * A logical dump (logical.ts) from one REPEATABLE READ, READ ONLY transaction: every table read
 * from the same snapshot, through cursors a batch at a time, photos and recordings included.
 */
export async function backupLogically(
  db: AnyKysely,
  out: LineSink,
  takenAt: () => string,
): Promise<BackupHeader> {
  const before = takenAt();
  return inOneTransaction(db, 'begin isolation level repeatable read read only', async (tx) => {
    const record = header(await appliedMigrations(tx), before, 'logical');
    const catalog = await readCatalog(tx, 'postgres');
    await writeLogical(out, record, readTables(tx, 'postgres', catalog));
    return record;
  });
}

/** The tables, views and sequences in the database's schema: a restore goes only where there are none. */
export async function postgresObjects(db: AnyKysely): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/** Runs a pg_dump backup file through psql in one transaction: all of it is restored, or nothing. */
export async function restoreWithPsql(url: string, file: string): Promise<void> {
  const { dbname, env } = toolConnection(url);
  const args = [
    '--no-psqlrc',
    '--quiet',
    '--single-transaction',
    '--set=ON_ERROR_STOP=1',
    `--dbname=${dbname}`,
    '--file=-',
  ];
  await runTool('psql', args, env, { stdin: file });
}

/** Empties the schema again after a restore that failed once psql had committed. */
export async function dropEverything(db: AnyKysely): Promise<void> {
  await inOneTransaction(db, 'begin', async (tx) => {
    for (const name of await postgresObjects(tx)) {
      const { rows } = await sql<{ kind: string }>`
        select c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relname = ${name}`.execute(tx);
      const kind = rows[0]?.kind;
      if (!kind) continue; // gone with a table it belonged to
      const what =
        kind === 'v'
          ? 'view'
          : kind === 'm'
            ? 'materialized view'
            : kind === 'S'
              ? 'sequence'
              : kind === 'f'
                ? 'foreign table'
                : 'table';
      await sql.raw(`drop ${what} if exists "${name.replaceAll('"', '""')}" cascade`).execute(tx);
    }
  });
}

function runTool(
  tool: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  io: { stdout?: NodeJS.WritableStream; stdin?: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, {
      env,
      stdio: [io.stdin ? 'pipe' : 'ignore', io.stdout ? 'pipe' : 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (errors.length < 4000) errors += chunk.toString();
    });
    if (io.stdout) child.stdout!.pipe(io.stdout);
    if (io.stdin)
      createReadStream(io.stdin)
        .on('error', reject)
        .pipe(child.stdin!)
        .on('error', () => undefined);
    child.on('error', (error) => reject(new Error(`${tool} could not be started: ${error.message}`)));
    child.on('close', (code) => {
      if (code !== 0)
        return reject(new Error(`${tool} stopped (exit ${String(code)}): ${errors.trim() || 'no message'}`));
      if (!io.stdout) return resolve();
      // pipe() ends the file when pg_dump's output ends; wait until everything is on its way to disk.
      const out = io.stdout as NodeJS.WritableStream & { writableFinished?: boolean };
      if (out.writableFinished) resolve();
      else out.once('finish', resolve).once('error', reject);
    });
  });
}
