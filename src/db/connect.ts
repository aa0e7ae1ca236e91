import Database from 'better-sqlite3';
import { CompiledQuery, Kysely } from 'kysely';
import pg from 'pg';
import { GroupCommitSqliteDialect } from './group-commit.js';
import { PipelinedPostgresDialect } from './pg-pipelined.js';
import { prepareRepeatedStatements } from './pg-prepared.js';
import type { Database as Tables } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Tables>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only), for backups and integrity checks. */
  sqlite: Database.Database | null;
  /**
   * Runs a read on the hot path of every request (the session, an id's owner). On SQLite it runs the
   * cached prepared statement directly, skipping Kysely's driver (about 3x cheaper, research/
   * performance.md §1); note that it may then see a transaction in progress on the same connection,
   * so use it only for lookups where that is harmless. On PostgreSQL it is an ordinary query.
   */
  readFirst<Row>(query: { compile(): CompiledQuery }): Promise<Row | undefined>;
  /** The same, for SQL compiled earlier (see prepared.ts). */
  readFirstCompiled<Row>(sql: string, parameters: readonly unknown[]): Promise<Row | undefined>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** `postgres://…` selects PostgreSQL; otherwise `sqliteFile` is opened. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  poolSize?: number;
}

// int8 (e.g. count(*)) arrives as a string from pg; our counts always fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function connect(options: ConnectOptions): Db {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    return connectPostgres(options.databaseUrl, options.poolSize ?? 10);
  }
  if (!options.sqliteFile) throw new Error('connect() needs a databaseUrl or an sqliteFile');
  return connectSqlite(options.sqliteFile);
}

function connectPostgres(connectionString: string, max: number): Db {
  // Pipeline mode lets a statement go out before the one ahead of it has answered (pg-pipelined.ts).
  const pool = new pg.Pool({ connectionString, max, pipeline: true });
  // An idle connection can be closed by the server (restart, failover, admin shutdown). pg reports
  // that on the pool; without a listener Node would end the process. The pool replaces the
  // connection on next use, so there is nothing to do but carry on.
  pool.on('error', () => undefined);
  prepareRepeatedStatements(pool);
  const kysely = new Kysely<Tables>({ dialect: new PipelinedPostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    sqlite: null,
    readFirst: async <Row>(query: { compile(): CompiledQuery }) =>
      (await kysely.executeQuery<Row>(query.compile())).rows[0],
    readFirstCompiled: async <Row>(sql: string, parameters: readonly unknown[]) =>
      (await kysely.executeQuery<Row>(CompiledQuery.raw(sql, [...parameters]))).rows[0],
    close: () => kysely.destroy(),
  };
}

function connectSqlite(file: string): Db {
  const sqlite = new Database(file);
  // WAL for concurrent readers; FULL so an acknowledged write survives power loss, not only a crash
  // (docs: NORMAL in WAL mode may roll back the last commits after a power cut).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = cachingPrepare(sqlite);
  // Transactions that end while others wait share one COMMIT (group-commit.ts).
  const kysely = new Kysely<Tables>({ dialect: new GroupCommitSqliteDialect(sqlite, statements) });
  return {
    kysely,
    dialect: 'sqlite',
    sqlite,
    readFirst: <Row>(query: { compile(): CompiledQuery }) => {
      const { sql, parameters } = query.compile();
      return Promise.resolve(statements.prepare(sql).get(parameters) as Row | undefined);
    },
    readFirstCompiled: <Row>(sql: string, parameters: readonly unknown[]) =>
      Promise.resolve(statements.prepare(sql).get(parameters) as Row | undefined),
    close: () => kysely.destroy(),
  };
}

/**
 * Kysely's SQLite driver calls `prepare()` for every query; preparing costs about as much as running
 * a primary-key read (research/performance.md §1). Our queries are built from a fixed set of shapes,
 * so caching statements by SQL text keeps the cache small; the bound is a guard, not a tuning knob.
 */
function cachingPrepare(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= 1000) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
