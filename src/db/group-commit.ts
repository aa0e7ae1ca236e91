import type Database from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteDialect,
  type CompiledQuery,
  type DialectAdapter,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';

/** The statements of the connection, prepared once per SQL text (connect.ts). */
export interface PreparedStatements {
  prepare(sql: string): Database.Statement;
}

/** The most transactions one commit carries: bounds how long the first of them waits. */
export const MAX_GROUP = 64;
const UNIT = 'alongside_unit';

/**
 * SQLite with group commit. The app has one SQLite connection, and with `synchronous = FULL` every
 * COMMIT waits for the disk (an fsync): that wait, not the SQL, is most of a write's cost. So a
 * transaction does not commit on its own: its work is kept (`RELEASE SAVEPOINT`) inside one open
 * transaction, the transactions that start before that one commits run in savepoints of the same
 * transaction, and one COMMIT (one fsync) stores them all, after the event loop has taken in
 * what arrived meanwhile, or at once when MAX_GROUP have joined. Nobody is answered before the COMMIT that holds their work has returned, so an answered
 * write is exactly as durable as before; a transaction that fails rolls back to its own savepoint
 * and takes no one else's work with it. If the COMMIT itself fails (the disk is full), every
 * transaction in the group gets the error. PostgreSQL does the same on its own (`commit_delay`).
 *
 * A query outside a transaction that runs while a group is open is part of it too: it waits for
 * the group's commit before it answers, so it never hands out data that might not be stored.
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #sqlite: Database.Database;
  readonly #statements: PreparedStatements;

  constructor(sqlite: Database.Database, statements: PreparedStatements) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
    this.#statements = statements;
  }

  override createDriver(): Driver {
    return new GroupCommitDriver(this.#sqlite, this.#statements);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * SQLite changes its schema inside a transaction and rolls the change back with it, as PostgreSQL
 * does. Kysely's adapter says otherwise (so that migrations may run PRAGMAs a transaction refuses),
 * and its migrator then runs migrations with none: one failing midway would leave the tables and
 * rows it had already changed. Ours run no such PRAGMA, so the pending migrations run in one
 * transaction here too, and a failed run leaves the database as it was (schema-fixtures.api.test.ts).
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** One COMMIT shared by the transactions that ended while others waited. */
class Group {
  /** Transactions whose work is in the group and who wait for its commit. */
  members = 0;
  commitScheduled = false;
  readonly durable: Promise<void>;
  settle!: (error?: Error) => void;

  constructor() {
    this.durable = new Promise<void>((resolve, reject) => {
      this.settle = (error?: Error) => (error === undefined ? resolve() : reject(error));
    });
    this.durable.catch(() => undefined); // each member sees the error where it awaits
  }
}

/** The connection handed to one holder of the lock (Kysely passes it back on release). */
class Lease implements DatabaseConnection {
  released = false;
  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return Promise.resolve(this.driver.run<R>(query.sql, query.parameters));
  }

  // eslint-disable-next-line require-yield -- the app streams no query; say so loudly if one starts
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on SQLite here');
  }
}

/** A first-come, first-served lock that hands itself straight to the next in line. */
class Lock {
  #held = false;
  readonly #queue: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#queue.push(resolve));
  }

  /** Hands the lock to the next in line, if any. */
  release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#held = false;
  }

  get held(): boolean {
    return this.#held;
  }
}

class GroupCommitDriver implements Driver {
  readonly #lock = new Lock();
  #group: Group | undefined;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly statements: PreparedStatements,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire();
    return new Lease(this);
  }

  /** Runs one statement; if SQLite dropped the whole transaction on an error, the group fails. */
  run<R>(sql: string, parameters: readonly unknown[]): QueryResult<R> {
    try {
      const statement = this.statements.prepare(sql);
      if (statement.reader) return { rows: statement.all(parameters) as R[] };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    } catch (error) {
      if (this.#group && !this.sqlite.inTransaction) this.#abandon(error);
      throw error;
    }
  }

  async beginTransaction(): Promise<void> {
    if (!this.#group) {
      this.run('begin', []);
      this.#group = new Group();
    }
    this.run(`savepoint ${UNIT}`, []);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const group = this.#group;
    if (!group) throw new Error('the transaction was lost before its commit');
    this.run(`release savepoint ${UNIT}`, []);
    await this.#leave(connection as Lease, group);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.released) return; // a failed commit already let go (Kysely may roll back after it)
    const group = this.#group;
    if (group && this.sqlite.inTransaction) {
      this.run(`rollback to savepoint ${UNIT}`, []);
      this.run(`release savepoint ${UNIT}`, []);
    }
    lease.released = true;
    this.#handOn(); // nothing of ours is left in the group to wait for
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.released) return;
    const group = this.#group;
    if (!group) {
      lease.released = true;
      this.#handOn();
      return;
    }
    await this.#leave(lease, group); // what it read or wrote is the group's, so wait for its commit
  }

  async destroy(): Promise<void> {
    if (this.#group) this.#commit(this.#group);
    this.sqlite.close();
  }

  /** Hands the connection on and waits for the commit that holds this transaction's work. */
  async #leave(lease: Lease, group: Group): Promise<void> {
    lease.released = true;
    group.members += 1;
    if (group.members >= MAX_GROUP) this.#commit(group);
    this.#handOn();
    await group.durable;
  }

  /**
   * Lets the next one in. With no one waiting, the open group commits once the event loop has
   * taken in what arrived meanwhile (`setImmediate`): with a synchronous driver a request runs
   * from its first statement to its commit without yielding, so requests only meet here, in the
   * group left open for one turn of the loop.
   */
  #handOn(): void {
    this.#lock.release();
    const group = this.#group;
    if (!group || this.#lock.held || group.commitScheduled) return;
    group.commitScheduled = true;
    setImmediate(() => {
      group.commitScheduled = false;
      // Whoever holds the connection now is in the group, and schedules it again when they leave.
      if (this.#group === group && !this.#lock.held) this.#commit(group);
    });
  }

  #commit(group: Group): void {
    if (this.#group !== group) return;
    this.#group = undefined;
    try {
      this.statements.prepare('commit').run();
      group.settle();
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.prepare('rollback').run();
      group.settle(asError(error));
    }
  }

  #abandon(error: unknown): void {
    const group = this.#group;
    this.#group = undefined;
    group?.settle(asError(error));
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
