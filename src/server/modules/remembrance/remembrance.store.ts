import type { Kysely } from 'kysely';
import type { Dialect } from '../../../db/connect.js';
import { isUniqueViolation } from '../../../db/dialect.js';
import type { Database } from '../../../db/schema.js';
import type { FamilyChangedListener } from '../../jobs/family-changed.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';
import type { Completer } from '../../jobs/runner.js';
import { daysRepository } from './days.repository.js';
import { feedTokensRepository } from './feed-tokens.repository.js';
import { inboxRepository } from './inbox.repository.js';
import { remindersRepository } from './reminders.repository.js';
import { tickRepository } from './tick.repository.js';

/** Called last inside the sync's write transaction; throws when a newer change superseded the run. */
export type StillCurrent = Parameters<FamilyChangedListener>[1];

/**
 * The remembrance module's repositories, plus one way to use them all inside a single transaction:
 * the sync rewrites a family's days and reminders whole, and the tick takes due reminders, queues
 * their deliveries and moves them on, all or nothing. The job queue's own steps that must commit
 * with that work (queueing, completing, the family-changed job's check) run on the same transaction
 * through `enqueueJobs`, `completeJobs` and `checkStillCurrent`.
 */
export interface RemembranceStore {
  /** The calendar: remembrance days, derived and custom. */
  days: ReturnType<typeof daysRepository>;
  /** Reminder preferences and the reminder schedule (every write of a next due time). */
  reminders: ReturnType<typeof remindersRepository>;
  /** The tick's locked read of due reminders. */
  tick: ReturnType<typeof tickRepository>;
  inbox: ReturnType<typeof inboxRepository>;
  feedTokens: ReturnType<typeof feedTokensRepository>;
  transaction<T>(work: (store: RemembranceStore) => Promise<T>): Promise<T>;
  /** Queues jobs (skipping known dedupe keys) in this store's transaction; answers how many were new. */
  enqueueJobs(queue: JobQueue, jobs: NewJob[]): Promise<number>;
  /** Marks jobs done in this store's transaction, so "done" commits with the work. */
  completeJobs(complete: Completer, ids: string[]): Promise<number>;
  /** The family-changed job's check, in this store's transaction (see jobs/family-changed.ts). */
  checkStillCurrent(stillCurrent: StillCurrent): Promise<void>;
  /** True when a write failed on a unique key, on either database (e.g. two syncs of one family at once). */
  isUniqueViolation(error: unknown): boolean;
}

export function remembranceStore(db: Kysely<Database>, dialect: Dialect): RemembranceStore {
  return {
    days: daysRepository(db),
    reminders: remindersRepository(db, dialect),
    tick: tickRepository(db, dialect),
    inbox: inboxRepository(db),
    feedTokens: feedTokensRepository(db),
    transaction: (work) => db.transaction().execute((trx) => work(remembranceStore(trx, dialect))),
    enqueueJobs: (queue, jobs) => queue.enqueue(jobs, db),
    completeJobs: (complete, ids) => complete(ids, db),
    checkStillCurrent: (stillCurrent) => stillCurrent(db),
    isUniqueViolation,
  };
}
