import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Dialect } from '../connect.js';

/** Where an installation keeps its data: the SQLite file under DATA_DIR, or a PostgreSQL database. */
export type Store = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

// Loosely typed on purpose: a backup holds whatever tables its version had.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

export interface ToolConnection {
  db: AnyKysely;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * One plain connection for backing up and restoring: no group commit, no pipelining, no prepared
 * statement cache (connect.ts is made for the app's many small requests). Its work runs inside
 * `oneConnection`, so a transaction begun with SQL stays on it.
 */
export function openTool(store: Store): ToolConnection {
  if (store.kind === 'sqlite') {
    const database = new Database(store.file);
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    const db: AnyKysely = new Kysely({ dialect: new SqliteDialect({ database }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: store.url, max: 1, types: { getTypeParser } });
  pool.on('error', () => undefined); // an idle connection closed by the server; the next use reconnects
  const db: AnyKysely = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** bigint (int8) as a number, as the app reads it (connect.ts), but never rounded: beyond 2^53, text. */
const INT8 = 20;
const int8 = (value: string) => (Number.isSafeInteger(Number(value)) ? Number(value) : value);
const getTypeParser = ((oid: number, format: 'text' | 'binary' = 'text') =>
  oid === INT8
    ? int8
    : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof pg.types.getTypeParser;

/** Runs `work` on one connection inside one transaction of its own, rolled back if `work` throws. */
export async function inOneTransaction<T>(
  db: AnyKysely,
  begin: 'begin' | 'begin isolation level repeatable read read only',
  work: (db: AnyKysely) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql.raw(begin).execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
