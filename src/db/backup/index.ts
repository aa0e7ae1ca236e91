import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pendingFile, lineWriter } from './files.js';
import { BackupInputError, type BackupHeader } from './header.js';
import { readCatalog } from './catalog.js';
import { writeLogical } from './logical.js';
import { appliedMigrations } from '../migrate.js';
import { backupLogically, backupWithPgDump, serverMajor, toolVersion } from './postgres.js';
import { backupSqlite } from './sqlite.js';
import { readTables } from './tables-io.js';
import { inOneTransaction, openTool, type Store } from './tool-connection.js';

export { BackupInputError, type BackupHeader } from './header.js';
export { restoreStore, type RestoreResult } from './restore.js';
export type { Store } from './tool-connection.js';

export interface BackupOptions {
  /** Make a logical dump (docs/backups.md) even where SQLite's backup or pg_dump is at hand. */
  logical?: boolean;
  now?: () => Date;
}

export interface BackupResult {
  header: BackupHeader;
  file: string;
  bytes: number;
  /** Why a logical dump was made when pg_dump was not used, if it was not asked for. */
  note?: string;
}

/**
 * Backs up a running installation's database to `file`: SQLite's online backup, pg_dump, or a
 * logical dump. The file appears under its name only once complete (files.ts).
 */
export async function backupStore(
  store: Store,
  file: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const target = resolve(file);
  const takenAt = () => (options.now?.() ?? new Date()).toISOString();
  if (store.kind === 'sqlite' && !existsSync(store.file)) {
    throw new BackupInputError(
      `There is no database at ${store.file}. Is DATA_DIR set as the server has it?`,
    );
  }
  const pending = pendingFile(target);
  try {
    let header: BackupHeader;
    let note: string | undefined;
    if (store.kind === 'sqlite' && !options.logical) {
      header = await backupSqlite(store.file, pending.temp, takenAt);
    } else {
      const tool = openTool(store);
      try {
        const pgDump = store.kind === 'postgres' && !options.logical ? toolVersion('pg_dump') : null;
        const major = pgDump ? await serverMajor(tool.db) : 0;
        if (store.kind === 'postgres' && pgDump && pgDump.major >= major) {
          header = await backupWithPgDump(tool.db, store.url, pending.temp, takenAt, pgDump.text);
        } else {
          if (store.kind === 'postgres' && !options.logical) {
            note = pgDump
              ? `pg_dump on PATH (${pgDump.text}) is older than the server (PostgreSQL ${major}), so a logical dump was made instead.`
              : 'pg_dump is not on PATH, so a logical dump was made instead.';
          }
          const out = lineWriter(pending.temp);
          try {
            header =
              store.kind === 'postgres'
                ? await backupLogically(tool.db, out, takenAt)
                : await sqliteLogically(tool.db, out, takenAt);
          } finally {
            await out.close();
          }
        }
      } finally {
        await tool.close();
      }
    }
    pending.finish();
    return { header, file: target, bytes: statSync(target).size, ...(note && { note }) };
  } catch (error) {
    pending.abandon();
    throw error;
  }
}

/** SQLite's logical dump (to move to PostgreSQL): one read transaction is one snapshot in WAL mode. */
async function sqliteLogically(
  db: ReturnType<typeof openTool>['db'],
  out: ReturnType<typeof lineWriter>,
  takenAt: () => string,
): Promise<BackupHeader> {
  const before = takenAt();
  return inOneTransaction(db, 'begin', async (tx) => {
    const migrations = await appliedMigrations(tx);
    if (migrations.length === 0) {
      throw new BackupInputError(
        'The database has never been set up (no migrations applied): there is nothing to back up.',
      );
    }
    const header: BackupHeader = {
      alongside: 'backup',
      formatVersion: 1,
      store: 'sqlite',
      method: 'logical',
      schemaVersion: migrations.at(-1)!,
      migrations,
      takenAt: before,
    };
    await writeLogical(out, header, readTables(tx, 'sqlite', await readCatalog(tx, 'sqlite')));
    return header;
  });
}
