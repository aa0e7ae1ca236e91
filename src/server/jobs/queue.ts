import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../db/connect.js';
import type { Database, NewRow, Row } from '../../db/schema.js';
import { newId } from '../secrets.js';

export type JobRow = Row<'jobs'>;

export interface NewJob {
  queue: string;
  /** Unique forever: enqueuing the same key twice stores one job (e.g. "reminder:<id>:<date>:<lead>:email"). */
  dedupeKey: string;
  payload: unknown;
  runAt: number;
}

const rowOf = (job: NewJob): NewRow<'jobs'> => ({
  id: newId(),
  queue: job.queue,
  dedupe_key: job.dedupeKey,
  payload: JSON.stringify(job.payload),
  state: 'queued',
  run_at: job.runAt,
  attempts: 0,
  locked_by: null,
  locked_until: null,
  last_error: null,
  created_at: job.runAt,
  done_at: null,
});

/**
 * The job queue, on the application's own database. On PostgreSQL any number of instances claim
 * jobs with FOR UPDATE SKIP LOCKED, so each job goes to one instance at a time; on SQLite the one
 * process claims them inside a write transaction. A claim is a lease: a job whose instance died
 * before completing it goes back to the queue when the lease runs out.
 */
export function jobQueue(db: Kysely<Database>, dialect: Dialect) {
  return {
    /** Stores jobs, skipping any whose dedupe key exists; returns how many were new. */
    async enqueue(jobs: NewJob[], trx: Kysely<Database> = db): Promise<number> {
      let inserted = 0;
      for (let i = 0; i < jobs.length; i += 500) {
        const chunk = jobs.slice(i, i + 500);
        const result = await trx
          .insertInto('jobs')
          .values(chunk.map(rowOf))
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return inserted;
    },

    /**
     * Asks for a job to run (again) after this moment, whatever state its key is in: a waiting job
     * stays one job, a finished or failed one is queued again, and a running one is taken back (its
     * worker can no longer complete it, see `holdsLease`) so that it runs once more and sees this
     * change. On PostgreSQL the row stays locked until `trx` commits, so no worker claims the job
     * before the change it stands for is visible.
     */
    async signal(job: NewJob, trx: Kysely<Database> = db): Promise<void> {
      const row = rowOf(job);
      // An existing row goes back to the state of a new job (keeping its id, key and payload).
      const { state, run_at, attempts, locked_by, locked_until, last_error, done_at } = row;
      const fresh = { state, run_at, attempts, locked_by, locked_until, last_error, done_at };
      await trx
        .insertInto('jobs')
        .values(row)
        .onConflict((oc) => oc.column('dedupe_key').doUpdateSet(fresh))
        .execute();
    },

    /**
     * Inside the transaction that did a job's work: whether `worker` still holds the job. On
     * PostgreSQL the row is locked until that transaction ends, so a `signal` waits for it and then
     * queues the job again; work done for a job that was taken back should be rolled back.
     */
    async holdsLease(id: string, worker: string, trx: Kysely<Database>): Promise<boolean> {
      let query = trx.selectFrom('jobs').select('id').where('id', '=', id).where('locked_by', '=', worker);
      if (dialect === 'postgres') query = query.forUpdate();
      return (await query.executeTakeFirst()) !== undefined;
    },

    /** Leases up to `limit` ready jobs of a queue to `worker` until `now + leaseMs`. */
    async claim(
      queue: string,
      limit: number,
      worker: string,
      now: number,
      leaseMs: number,
    ): Promise<JobRow[]> {
      const lease = { state: 'running', locked_by: worker, locked_until: now + leaseMs };
      if (dialect === 'postgres') {
        const result = await sql<JobRow>`
          UPDATE jobs SET state = ${lease.state}, locked_by = ${worker}, locked_until = ${lease.locked_until},
                 attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM jobs
            WHERE queue = ${queue} AND state = 'queued' AND run_at <= ${now}
            ORDER BY run_at LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING *`.execute(db);
        return result.rows;
      }
      return db.transaction().execute(async (trx) => {
        const ready = await trx
          .selectFrom('jobs')
          .select('id')
          .where('queue', '=', queue)
          .where('state', '=', 'queued')
          .where('run_at', '<=', now)
          .orderBy('run_at')
          .limit(limit)
          .execute();
        if (ready.length === 0) return [];
        const ids = ready.map((r) => r.id);
        await trx
          .updateTable('jobs')
          .set((eb) => ({ ...lease, attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', ids)
          .execute();
        return trx.selectFrom('jobs').selectAll().where('id', 'in', ids).execute();
      });
    },

    /**
     * Extends to `now + leaseMs` the leases `worker` still holds among `ids` (a job taken back by a
     * `signal`, completed, or reclaimed after its lease ran out is left alone) and answers the ids
     * it still holds. On PostgreSQL a row locked at this moment by a transaction (the handler's own,
     * checking `holdsLease`, or a `signal` taking it back) is not waited for: it counts as held if
     * it was before that transaction, and is renewed next time, or found lost then.
     */
    async renew(ids: string[], worker: string, now: number, leaseMs: number): Promise<string[]> {
      if (ids.length === 0) return [];
      let mine = db.selectFrom('jobs').select('id').where('id', 'in', ids).where('locked_by', '=', worker);
      if (dialect === 'postgres') mine = mine.forUpdate().skipLocked();
      const renewed = await db
        .updateTable('jobs')
        .set({ locked_until: now + leaseMs })
        .where('id', 'in', mine)
        .returning('id')
        .execute();
      if (renewed.length === ids.length || dialect !== 'postgres') return renewed.map((r) => r.id);
      const skipped = ids.filter((id) => !renewed.some((r) => r.id === id));
      const busy = await db
        .selectFrom('jobs')
        .select('id')
        .where('id', 'in', skipped)
        .where('locked_by', '=', worker)
        .execute();
      return [...renewed, ...busy].map((r) => r.id);
    },

    /** Marks leased jobs done. Pass the transaction that did the work to make both one commit. */
    async complete(ids: string[], worker: string, now: number, trx: Kysely<Database> = db): Promise<number> {
      if (ids.length === 0) return 0;
      const result = await trx
        .updateTable('jobs')
        .set({ state: 'done', done_at: now, locked_by: null, locked_until: null })
        .where('id', 'in', ids)
        .where('locked_by', '=', worker)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Puts a job back for a later try, or gives up on it after its last attempt. */
    async fail(id: string, worker: string, error: string, retryAt: number | null): Promise<void> {
      await db
        .updateTable('jobs')
        .set({
          state: retryAt === null ? 'failed' : 'queued',
          run_at: retryAt ?? sql<number>`run_at`,
          last_error: error.slice(0, 1000),
          locked_by: null,
          locked_until: null,
        })
        .where('id', '=', id)
        .where('locked_by', '=', worker)
        .execute();
    },

    /**
     * Returns jobs whose lease ran out (their instance died or hung) to the queue, but for `inHand`:
     * the jobs the calling instance is itself running (its renewal, late after a stall, catches up).
     */
    async reclaimExpired(now: number, inHand: readonly string[] = []): Promise<number> {
      let query = db
        .updateTable('jobs')
        .set({ state: 'queued', locked_by: null, locked_until: null })
        .where('state', '=', 'running')
        .where('locked_until', '<', now);
      if (inHand.length > 0) query = query.where('id', 'not in', inHand);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Done jobs older than `before` are removed; their dedupe keys are kept by the reminders themselves. */
    async pruneDone(before: number): Promise<number> {
      const result = await db
        .deleteFrom('jobs')
        .where('state', '=', 'done')
        .where('done_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    counts(queue: string) {
      return db
        .selectFrom('jobs')
        .select((eb) => ['state', eb.fn.countAll<number>().as('n')])
        .where('queue', '=', queue)
        .groupBy('state')
        .execute();
    },
  };
}

export type JobQueue = ReturnType<typeof jobQueue>;
