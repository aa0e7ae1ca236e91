import {
  AbortedTransactionError,
  CompiledQuery,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * SQL that starts with this comment runs just before the transaction's COMMIT, in the same round
 * trip, and answers nothing (PostgreSQL; elsewhere it is an ordinary comment). For statements whose
 * answer nobody reads, such as raising the family's revision (family-changes.ts).
 */
export const AT_COMMIT = '/* at commit */ ';

/**
 * PostgreSQL with fewer round trips per transaction. Each statement Kysely sends waits for the
 * one before it, so a change costs BEGIN, its statements and COMMIT, one round trip each, holding
 * one of the pool's connections throughout. With node-postgres's pipeline mode (documented at
 * node-postgres.com/features/pipelining) several statements can be on the wire at once, so:
 *   - BEGIN is not sent alone: it goes out with the transaction's first statement;
 *   - statements marked AT_COMMIT go out with the COMMIT.
 * A checklist tick (one statement of its own, checklist.repository.ts) is then 3 round trips: the
 * session, BEGIN with the item's UPDATE, the revision with COMMIT (bench/README.md). Errors are
 * not hidden: a failed BEGIN or AT_COMMIT statement fails the statement or the COMMIT it travelled
 * with, and a COMMIT that PostgreSQL turned into a ROLLBACK fails as in Kysely's own driver.
 */
export class PipelinedPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new PipelinedPostgresDriver(this.#config);
  }
}

interface ConnectionState {
  /** The connection's own executeQuery (Kysely's). */
  send: (query: CompiledQuery) => Promise<QueryResult<unknown>>;
  inTransaction: boolean;
  beginPending: boolean;
  atCommit: CompiledQuery[];
}

const BEGIN = CompiledQuery.raw('begin');
const COMMIT = CompiledQuery.raw('commit');

class PipelinedPostgresDriver extends PostgresDriver {
  readonly #states = new WeakMap<DatabaseConnection, ConnectionState>();

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    if (!this.#states.has(connection)) {
      const state: ConnectionState = {
        send: connection.executeQuery.bind(connection),
        inTransaction: false,
        beginPending: false,
        atCommit: [],
      };
      this.#states.set(connection, state);
      connection.executeQuery = <R>(query: CompiledQuery) =>
        this.#execute(state, query) as Promise<QueryResult<R>>;
    }
    return connection;
  }

  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const state = this.#state(connection);
    if (settings.isolationLevel || settings.accessMode) await super.beginTransaction(connection, settings);
    else state.beginPending = true;
    state.inTransaction = true;
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const state = this.#state(connection);
    const queued = [...(state.beginPending ? [BEGIN] : []), ...state.atCommit];
    const nothingSent = state.beginPending;
    this.#reset(state);
    if (nothingSent && queued.length === 1) return; // no statement ran: there is nothing to commit
    const results = await Promise.allSettled([...queued, COMMIT].map((query) => state.send(query)));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const commit = results.at(-1) as PromiseFulfilledResult<QueryResult<{ command?: string }>>;
    if (commit.value.rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const state = this.#state(connection);
    const nothingSent = state.beginPending;
    this.#reset(state);
    if (!nothingSent)
      await super.rollbackTransaction(connection as Parameters<PostgresDriver['rollbackTransaction']>[0]);
  }

  async #execute(state: ConnectionState, query: CompiledQuery): Promise<QueryResult<unknown>> {
    if (state.inTransaction && query.sql.startsWith(AT_COMMIT)) {
      state.atCommit.push(query);
      return { rows: [] };
    }
    if (!state.beginPending) return state.send(query);
    state.beginPending = false;
    const [begin, result] = await Promise.allSettled([state.send(BEGIN), state.send(query)]);
    if (begin.status === 'rejected') throw begin.reason;
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  #state(connection: DatabaseConnection): ConnectionState {
    const state = this.#states.get(connection);
    if (!state) throw new Error('a connection this driver did not hand out');
    return state;
  }

  #reset(state: ConnectionState): void {
    state.inTransaction = false;
    state.beginPending = false;
    state.atCommit = [];
  }
}
