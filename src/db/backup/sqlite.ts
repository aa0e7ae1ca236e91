import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { BackupInputError, parseHeader, type BackupHeader } from './header.js';

/** The table inside an SQLite backup that records where it came from (removed again by a restore). */
const RECORD_TABLE = 'alongside_backup';

/**
 * Copies a live SQLite database with SQLite's online backup API, while the server goes on writing.
 * The copy is made in a single step, that is inside one read transaction: in WAL mode a reader
 * never blocks writers (nor they it), so the server is not held up at all, and the copy is the
 * database as it was at one moment. (Copying a few pages per step instead lets a write from the
 * server restart the copy from the beginning, which under steady writes may never finish.)
 */
export async function backupSqlite(
  source: string,
  temp: string,
  takenAt: () => string,
): Promise<BackupHeader> {
  if (!existsSync(source)) {
    throw new BackupInputError(`There is no database at ${source}. Is DATA_DIR set as the server has it?`);
  }
  const live = new Database(source, { fileMustExist: true });
  let header: BackupHeader;
  try {
    live.pragma('busy_timeout = 5000');
    let started = '';
    await live.backup(temp, {
      // Called once the copy is set up; the read transaction begins with the step that follows.
      progress: () => {
        started ||= takenAt();
        return 0x7fffffff; // every remaining page in the next step
      },
    });
    header = {
      alongside: 'backup',
      formatVersion: 1,
      store: 'sqlite',
      method: 'sqlite-online-backup',
      ...migrationsIn(temp),
      takenAt: started || takenAt(),
    };
  } finally {
    live.close();
  }
  const copy = new Database(temp);
  try {
    // One file, with no write-ahead log beside it, so the backup can be copied on its own.
    copy.pragma('journal_mode = DELETE');
    copy.exec(`create table ${RECORD_TABLE} (key text primary key, value text not null)`);
    copy.prepare(`insert into ${RECORD_TABLE} (key, value) values ('record', ?)`).run(JSON.stringify(header));
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed SQLite's check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return header;
}

function migrationsIn(file: string): Pick<BackupHeader, 'schemaVersion' | 'migrations'> {
  const db = new Database(file, { readonly: true });
  try {
    const hasTable = db
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    if (!hasTable)
      throw new BackupInputError(
        'The database has never been set up (no migrations applied): there is nothing to back up.',
      );
    const names = (
      db.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>
    ).map((r) => r.name);
    return { schemaVersion: names.at(-1) ?? '', migrations: names };
  } finally {
    db.close();
  }
}

/**
 * Readies a copy of an SQLite backup (or of an Alongside database file) at `temp` for use: checks
 * every page, takes out the backup's record, and answers what it holds.
 */
export function prepareSqliteCopy(
  file: string,
  temp: string,
): { header: BackupHeader | null; migrations: string[] } {
  copyFileSync(file, temp);
  const db = new Database(temp);
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') {
      throw new BackupInputError(
        `The backup file is damaged (SQLite's check says: ${String(check)}). Please use another copy.`,
      );
    }
    db.pragma('journal_mode = DELETE');
    const record = db
      .prepare(`select 1 from sqlite_master where type = 'table' and name = ?`)
      .get(RECORD_TABLE)
      ? (db.prepare(`select value from ${RECORD_TABLE} where key = 'record'`).get() as
          { value: string } | undefined)
      : undefined;
    const header = record ? parseHeader(record.value, 'The backup file') : null;
    db.exec(`drop table if exists ${RECORD_TABLE}`);
    const hasMigrations = db
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    if (!hasMigrations) {
      throw new BackupInputError(
        "The file is an SQLite database, but not one of Alongside's (it has no migrations table).",
      );
    }
    const migrations = (
      db.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>
    ).map((r) => r.name);
    return { header, migrations };
  } catch (error) {
    if (error instanceof Error && /file is not a database|malformed/i.test(error.message)) {
      throw new BackupInputError(`The backup file is damaged: ${error.message}. Please use another copy.`);
    }
    throw error;
  } finally {
    db.close();
  }
}
