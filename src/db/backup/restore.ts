import { existsSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Dialect } from '../connect.js';
import { migrateKyselyTo, migrateKyselyToLatest } from '../migrate.js';
import { readCatalog } from './catalog.js';
import { pendingFile } from './files.js';
import { BackupInputError, checkRestorable, parseHeader, type BackupHeader } from './header.js';
import { openLogical, readFirstLine } from './logical.js';
import { dropEverything, PG_DUMP_MARK, postgresObjects, restoreWithPsql, toolVersion } from './postgres.js';
import { prepareSqliteCopy } from './sqlite.js';
import { insertRows, readTables, type RowBatch } from './tables-io.js';
import { inOneTransaction, openTool, type AnyKysely, type Store } from './tool-connection.js';

export type BackupKind = 'sqlite' | 'pg_dump' | 'logical';

export interface RestoreResult {
  kind: BackupKind;
  /** The backup's own record (null for a plain copy of an Alongside SQLite file). */
  header: BackupHeader | null;
  /** The schema it held, and the migrations applied after it to bring it up to date. */
  schemaVersion: string;
  migrated: string[];
}

/** What a file is, from its first bytes. */
export function backupKind(file: string): BackupKind {
  const fd = openSync(file, 'r');
  const start = Buffer.alloc(64);
  try {
    readSync(fd, start, 0, start.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = start.toString('latin1');
  if (text.startsWith('SQLite format 3\0')) return 'sqlite';
  if (text.startsWith(PG_DUMP_MARK)) return 'pg_dump';
  if (text.startsWith('{"alongside":"backup"')) return 'logical';
  throw new BackupInputError(
    `${file} is not an Alongside backup (an SQLite file, a pg_dump file or a logical dump made by "alongside backup").`,
  );
}

/**
 * Restores a backup into an empty store, then migrates it to this version. Nothing is left half
 * done: on SQLite everything happens in a new file that takes the database's name only at the end;
 * on PostgreSQL in one transaction (a pg_dump file: psql's, then the migration, emptied again if
 * that fails).
 */
export async function restoreStore(store: Store, file: string): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupInputError(`There is no file at ${file}.`);
  const kind = backupKind(file);
  return store.kind === 'sqlite'
    ? restoreIntoSqlite(store.file, file, kind)
    : restoreIntoPostgres(store.url, file, kind);
}

async function restoreIntoSqlite(target: string, file: string, kind: BackupKind): Promise<RestoreResult> {
  if (kind === 'pg_dump') {
    throw new BackupInputError(
      'This backup was made by pg_dump, so it restores only into PostgreSQL (set DATABASE_URL). ' +
        'To move to SQLite, make the backup with "alongside backup --logical".',
    );
  }
  const leftovers = ['', '-wal', '-journal'].map((s) => `${target}${s}`).filter((f) => existsSync(f));
  if (leftovers.length > 0) {
    throw new BackupInputError(
      `The data directory already holds a database (${leftovers[0]}). Restore only into an empty data directory: ` +
        'stop Alongside and move that folder aside, or set DATA_DIR to a new folder.',
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const pending = pendingFile(target, `${target} appeared while restoring.`);
  try {
    let result: RestoreResult;
    if (kind === 'sqlite') {
      const { header, migrations } = prepareSqliteCopy(file, pending.temp);
      checkRestorable(migrations, 'The backup');
      const migrated = await withTool({ kind: 'sqlite', file: pending.temp }, (db) =>
        inOneTransaction(db, 'begin', (tx) => migrateKyselyToLatest(tx, { inCallersTransaction: true })),
      );
      result = { kind, header, schemaVersion: migrations.at(-1)!, migrated };
    } else {
      const { header, batches } = await openLogical(file);
      checkRestorable(header.migrations, 'The backup');
      const migrated = await withTool({ kind: 'sqlite', file: pending.temp }, (db) =>
        inOneTransaction(db, 'begin', (tx) => load(tx, 'sqlite', header.migrations, batches)),
      );
      result = { kind, header, schemaVersion: header.schemaVersion, migrated };
    }
    pending.finish();
    return result;
  } catch (error) {
    pending.abandon();
    throw error;
  }
}

async function restoreIntoPostgres(url: string, file: string, kind: BackupKind): Promise<RestoreResult> {
  return withTool({ kind: 'postgres', url }, async (db) => {
    const refuseIfNotEmpty = async (tx: AnyKysely) => {
      const objects = await postgresObjects(tx);
      if (objects.length > 0) {
        throw new BackupInputError(
          `The database in DATABASE_URL is not empty (it holds ${objects.slice(0, 3).join(', ')}${objects.length > 3 ? ', …' : ''}). ` +
            'Restore only into an empty database: create a new one (for example "createdb alongside_restored") and point DATABASE_URL at it.',
        );
      }
    };
    if (kind === 'pg_dump') {
      const header = parseHeader((await readFirstLine(file)).slice(PG_DUMP_MARK.length), 'The backup file');
      checkRestorable(header.migrations, 'The backup');
      await refuseIfNotEmpty(db);
      if (!toolVersion('psql')) {
        throw new Error(
          "This backup was made by pg_dump; restoring it needs psql (PostgreSQL's client tools) on PATH.",
        );
      }
      await restoreWithPsql(url, file);
      try {
        const migrated = await inOneTransaction(db, 'begin', (tx) =>
          migrateKyselyToLatest(tx, { inCallersTransaction: true }),
        );
        return { kind, header, schemaVersion: header.schemaVersion, migrated };
      } catch (error) {
        await dropEverything(db);
        throw error;
      }
    }
    if (kind === 'logical') {
      const { header, batches } = await openLogical(file);
      checkRestorable(header.migrations, 'The backup');
      const migrated = await inOneTransaction(db, 'begin', async (tx) => {
        await refuseIfNotEmpty(tx);
        return load(tx, 'postgres', header.migrations, batches);
      });
      return { kind, header, schemaVersion: header.schemaVersion, migrated };
    }
    // An SQLite backup into PostgreSQL: its rows, read from a checked copy, loaded as a logical dump's are.
    const scratch = mkdtempSync(join(tmpdir(), 'alongside-restore-'));
    try {
      const copy = join(scratch, 'backup.sqlite');
      const { header, migrations } = prepareSqliteCopy(file, copy);
      checkRestorable(migrations, 'The backup');
      const migrated = await withTool({ kind: 'sqlite', file: copy }, (source) =>
        inOneTransaction(source, 'begin', async (read) => {
          const batches = readTables(read, 'sqlite', await readCatalog(read, 'sqlite'));
          return inOneTransaction(db, 'begin', async (tx) => {
            await refuseIfNotEmpty(tx);
            return load(tx, 'postgres', migrations, batches);
          });
        }),
      );
      return { kind, header, schemaVersion: migrations.at(-1)!, migrated };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/**
 * Builds the backup's schema by migrating to its version, inserts its rows table by table, then
 * migrates to this version (or to `upTo`); all inside the caller's transaction. Answers the
 * migrations applied after the backup's own.
 */
export async function load(
  tx: AnyKysely,
  dialect: Dialect,
  migrations: readonly string[],
  batches: AsyncIterable<RowBatch>,
  upTo?: string,
): Promise<string[]> {
  const version = migrations.at(-1)!;
  await migrateKyselyTo(tx, version, { inCallersTransaction: true });
  const tables = new Map((await readCatalog(tx, dialect)).map((t) => [t.name, t]));
  const checked = new Set<string>();
  for await (const batch of batches) {
    if (!checked.has(batch.table)) {
      const table = tables.get(batch.table);
      const expected = table?.columns
        .map((c) => c.name)
        .sort()
        .join(',');
      if (
        !table ||
        expected !==
          batch.columns
            .map((c) => c.name)
            .sort()
            .join(',')
      ) {
        throw new BackupInputError(
          `The backup's table ${batch.table} does not match the schema it names (${version}): the file is damaged or was edited.`,
        );
      }
      checked.add(batch.table);
    }
    if (batch.rows.length > 0) await insertRows(tx, dialect, batch.table, batch.columns.length, batch.rows);
  }
  return upTo
    ? migrateKyselyTo(tx, upTo, { inCallersTransaction: true })
    : migrateKyselyToLatest(tx, { inCallersTransaction: true });
}

async function withTool<T>(store: Store, work: (db: AnyKysely) => Promise<T>): Promise<T> {
  const tool = openTool(store);
  try {
    return await work(tool.db);
  } finally {
    await tool.close();
  }
}
