import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import type { Dialect } from '../db/connect.js';
import { AT_COMMIT } from '../db/pg-pipelined.js';
import type { Database } from '../db/schema.js';
import type { Clock } from './clock.js';
import type { JobQueue } from './jobs/queue.js';

/** The queue of the job that runs what modules do after a family's data changed. */
export const FAMILY_CHANGED_QUEUE = 'family.changed';
/** One key per family: changes made while its job waits or runs fold into one more run. */
export const familyChangedKey = (familyId: string) => `family-changed:${familyId}`;
/**
 * The PostgreSQL channel a committed change is announced on ("<familyId> <revision>"), so every
 * instance can tell its open streams (modules/live). NOTIFY is sent inside the change's transaction,
 * so PostgreSQL delivers it only if, and once, the change commits.
 */
export const FAMILY_NOTICE_CHANNEL = 'alongside_family_changed';

/** A family's change, committed: its new revision (null where the database did not say: PostgreSQL). */
export type CommittedListener = (familyId: string, revision: number | null) => void;

interface Unit {
  familyId: string;
  trx: ControlledTransaction<Database>;
  open: boolean;
}

/**
 * A change to one family's data as one transaction: the writes, the family's revision (which names
 * every cached view of it), and the job that brings derived data (calendar, reminders) up to date
 * all commit together, or none of them does. So a cached answer can never outlive the data, and a
 * change is never stored without the work that follows it, even if the process dies after answering.
 *
 * Services do not pass the transaction around: they are built on `scoped`, a database handle that
 * uses the transaction of the unit in progress (found through AsyncLocalStorage) and the pool
 * otherwise. A `transaction()` inside a unit joins the unit's transaction.
 */
export function familyChanges({
  db,
  queue,
  clock,
  dialect = 'sqlite',
}: {
  db: Kysely<Database>;
  queue: JobQueue;
  clock: Clock;
  dialect?: Dialect;
}) {
  const storage = new AsyncLocalStorage<Unit>();
  const committedListeners: CommittedListener[] = [];

  const current = (): Unit | undefined => {
    const unit = storage.getStore();
    return unit?.open ? unit : undefined;
  };

  const scoped = new Proxy(db, {
    get(target, property) {
      const unit = current();
      const real: Kysely<Database> = unit ? unit.trx : target;
      if (unit && property === 'transaction') {
        // Joins the unit's transaction: the unit commits or rolls back as a whole.
        const builder = {
          execute: <T>(work: (trx: Kysely<Database>) => Promise<T>) => work(unit.trx),
          setIsolationLevel: () => builder,
        };
        return () => builder;
      }
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
  });

  async function begin(familyId: string): Promise<Unit> {
    return { familyId, trx: await db.startTransaction().execute(), open: true };
  }

  /**
   * Raises the revision and, unless the change is one no module follows up (`followUp: false`: a
   * checklist tick, which nothing derived depends on), queues the family's job inside the unit;
   * then commits it.
   */
  async function commit(unit: Unit, { followUp = true }: { followUp?: boolean } = {}): Promise<void> {
    unit.open = false;
    let revision: number | null = null;
    try {
      const now = clock.now();
      if (dialect === 'postgres') {
        // One statement, travelling with the COMMIT in the same round trip (db/pg-pipelined.ts):
        // the revision is raised and its notice queued together (a statement fewer for
        // PostgreSQL to parse and run on every change); the notice is delivered to every listening
        // instance once the change has committed, never before.
        await sql`${sql.raw(AT_COMMIT)}with raised as (update families set revision = revision + 1 where id = ${unit.familyId} returning id, revision) select pg_notify(${sql.lit(FAMILY_NOTICE_CHANNEL)}, id || ' ' || revision::text) from raised`.execute(
          unit.trx,
        );
      } else {
        const { rows } = await sql<{
          revision: number;
        }>`update families set revision = revision + 1 where id = ${unit.familyId} returning revision`.execute(
          unit.trx,
        );
        revision = rows[0] ? Number(rows[0].revision) : null;
      }
      if (followUp) {
        await queue.signal(
          {
            queue: FAMILY_CHANGED_QUEUE,
            dedupeKey: familyChangedKey(unit.familyId),
            payload: { familyId: unit.familyId },
            runAt: now,
          },
          unit.trx,
        );
      }
      await unit.trx.commit().execute();
    } catch (error) {
      await unit.trx.rollback().execute();
      throw error;
    }
    for (const listener of committedListeners) listener(unit.familyId, revision);
  }

  async function rollback(unit: Unit): Promise<void> {
    if (!unit.open) return;
    unit.open = false;
    await unit.trx.rollback().execute();
  }

  return {
    /** The database handle every module is built on (see above). */
    scoped,

    /** Opens a unit for a request; `run` carries it through the rest of the request. */
    begin,
    run<T>(unit: Unit, work: () => T): T {
      return storage.run(unit, work);
    },
    commit,
    rollback,

    /** Runs `work` as one change to a family's data (for changes not made through a signed-in request). */
    async within<T>(familyId: string, work: () => Promise<T>): Promise<T> {
      const unit = await begin(familyId);
      let result: T;
      try {
        result = await storage.run(unit, work);
      } catch (error) {
        await rollback(unit);
        throw error;
      }
      await commit(unit);
      return result;
    },

    /**
     * Called after a unit commits (the job runner of this process wakes to take the job at once; on
     * SQLite, the family's open streams are told: modules/live).
     */
    onCommitted(listener: CommittedListener): void {
      committedListeners.push(listener);
    },
  };
}

export type FamilyChanges = ReturnType<typeof familyChanges>;
export type FamilyUnit = Unit;
