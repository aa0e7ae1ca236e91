import { migrationNames } from '../migrate.js';

/**
 * What every backup records about itself, whatever its format: inside an SQLite backup as the
 * `alongside_backup` table, as the first line of a logical dump, and as a comment on the first line
 * of a pg_dump file.
 */
export interface BackupHeader {
  alongside: 'backup';
  /** Of this record; a restore refuses a version it does not know. */
  formatVersion: 1;
  /** The store it was taken from. */
  store: 'sqlite' | 'postgres';
  /** How: `sqlite-online-backup`, `pg_dump` or `logical` (see docs/backups.md). */
  method: 'sqlite-online-backup' | 'pg_dump' | 'logical';
  /** The newest migration the database had, and all of them, oldest first. */
  schemaVersion: string;
  migrations: string[];
  /**
   * ISO-8601 UTC, just before its snapshot was taken: every change answered before this time is in
   * the backup (some answered a little after it may be too).
   */
  takenAt: string;
  /** The tool's version, for pg_dump (e.g. "pg_dump (PostgreSQL) 15.20"). */
  tool?: string;
}

/** Bad input to backup or restore (a target that is not empty, a file that is not a backup): exit 2. */
export class BackupInputError extends Error {}

const methods = new Set(['sqlite-online-backup', 'pg_dump', 'logical']);

/** Reads a header from JSON, or says plainly why it is not one. */
export function parseHeader(json: string, where: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new BackupInputError(`${where} does not start with an Alongside backup record.`);
  }
  const h = value as Partial<BackupHeader>;
  if (typeof value !== 'object' || value === null || h.alongside !== 'backup') {
    throw new BackupInputError(`${where} does not start with an Alongside backup record.`);
  }
  if (h.formatVersion !== 1) {
    throw new BackupInputError(
      `${where} is a backup of format ${String(h.formatVersion)}, which this version of Alongside cannot read. Please update Alongside, then restore.`,
    );
  }
  const migrations = h.migrations;
  if (
    (h.store !== 'sqlite' && h.store !== 'postgres') ||
    !methods.has(String(h.method)) ||
    typeof h.schemaVersion !== 'string' ||
    typeof h.takenAt !== 'string' ||
    !Array.isArray(migrations) ||
    !migrations.every((m) => typeof m === 'string') ||
    migrations.at(-1) !== h.schemaVersion
  ) {
    throw new BackupInputError(`${where} has a damaged backup record.`);
  }
  return h as BackupHeader;
}

/**
 * A backup can be restored here when its migrations are this version's first ones: the same
 * schema, or an older one that migrating brings up to date. One made by a newer Alongside cannot.
 */
export function checkRestorable(migrations: readonly string[], where: string): void {
  if (migrations.length === 0) {
    throw new BackupInputError(`${where} holds no Alongside data: its database was never set up.`);
  }
  const known = migrations.every((name, i) => migrationNames[i] === name);
  if (!known) {
    throw new BackupInputError(
      `${where} was made by a newer or different version of Alongside (its schema is ${migrations.at(-1)}; ` +
        `this version knows up to ${migrationNames.at(-1)}). Please update Alongside, then restore.`,
    );
  }
}
