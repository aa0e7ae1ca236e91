import type { Kysely } from 'kysely';
import type { Dialect } from '../../../db/connect.js';
import type { Database, Row } from '../../../db/schema.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';
import type { Completer } from '../../jobs/runner.js';
import {
  storedReplyStatus,
  storedSupporterStatus,
  type ReplyRecord,
  type SupporterDayRecord,
  type SupporterRecord,
} from './supporters.records.js';

// Supporters, the days they hear about, and their replies. A clash on a unique key comes back as
// 'taken' (ON CONFLICT DO NOTHING), never as a database error that would spoil the transaction.

const supporterFromRow = (row: Row<'supporters'>): SupporterRecord => ({
  id: row.id,
  familyId: row.family_id,
  name: row.name,
  email: row.email,
  zone: row.zone,
  status: storedSupporterStatus(row.status),
  confirmTokenHash: row.confirm_token_hash,
  confirmExpiresAt: row.confirm_expires_at,
  confirmedAt: row.confirmed_at,
  unsubscribedAt: row.unsubscribed_at,
  addedBy: row.added_by,
  createdAt: row.created_at,
});

const dayFromRow = (row: Row<'supporter_days'>): SupporterDayRecord => ({
  id: row.id,
  familyId: row.family_id,
  supporterId: row.supporter_id,
  dayId: row.day_id,
  suggestion: row.suggestion,
  nextDueUtc: row.next_due_utc === null ? null : Number(row.next_due_utc),
  occurrenceDate: row.occurrence_date,
  signature: row.signature,
  updatedAt: row.updated_at,
});

const replyFromRow = (row: Row<'supporter_replies'>): ReplyRecord => ({
  id: row.id,
  familyId: row.family_id,
  supporterId: row.supporter_id,
  supporterDayId: row.supporter_day_id,
  occurrenceDate: row.occurrence_date,
  dayTitle: row.day_title,
  message: row.message,
  status: storedReplyStatus(row.status),
  createdAt: row.created_at,
  decidedAt: row.decided_at,
  decidedBy: row.decided_by,
  mediaId: row.media_id,
});

export interface Reschedule {
  id: string;
  nextDueUtc: number | null;
  occurrenceDate: string | null;
  signature: string;
}

function repositoryOn(db: Kysely<Database>, dialect: Dialect) {
  return {
    async insertSupporter(s: SupporterRecord): Promise<'added' | 'taken'> {
      const result = await db
        .insertInto('supporters')
        .values({
          id: s.id,
          family_id: s.familyId,
          name: s.name,
          email: s.email,
          zone: s.zone,
          status: s.status,
          confirm_token_hash: s.confirmTokenHash,
          confirm_expires_at: s.confirmExpiresAt,
          confirmed_at: s.confirmedAt,
          unsubscribed_at: s.unsubscribedAt,
          added_by: s.addedBy,
          created_at: s.createdAt,
        })
        .onConflict((oc) => oc.columns(['family_id', 'email']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? 'added' : 'taken';
    },

    async listSupporters(familyId: string): Promise<SupporterRecord[]> {
      const rows = await db
        .selectFrom('supporters')
        .selectAll()
        .where('family_id', '=', familyId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(supporterFromRow);
    },

    async findSupporter(familyId: string, id: string): Promise<SupporterRecord | undefined> {
      const row = await db
        .selectFrom('supporters')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && supporterFromRow(row);
    },

    /** A supporter named by a link (no family known yet). */
    async findSupporterById(id: string): Promise<SupporterRecord | undefined> {
      const row = await db.selectFrom('supporters').selectAll().where('id', '=', id).executeTakeFirst();
      return row && supporterFromRow(row);
    },

    async findByConfirmHash(hash: string): Promise<SupporterRecord | undefined> {
      const row = await db
        .selectFrom('supporters')
        .selectAll()
        .where('confirm_token_hash', '=', hash)
        .executeTakeFirst();
      return row && supporterFromRow(row);
    },

    setConfirmToken(id: string, hash: string, expiresAt: string): Promise<unknown> {
      return db
        .updateTable('supporters')
        .set({ confirm_token_hash: hash, confirm_expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },

    /** Marks a supporter confirmed or stopped; answers whether a row changed. */
    async setStatus(id: string, status: 'confirmed' | 'unsubscribed', atIso: string): Promise<boolean> {
      const result = await db
        .updateTable('supporters')
        .set(status === 'confirmed' ? { status, confirmed_at: atIso } : { status, unsubscribed_at: atIso })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    deleteSupporter(familyId: string, id: string): Promise<unknown> {
      return db.deleteFrom('supporters').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    async listDays(familyId: string, supporterId?: string): Promise<SupporterDayRecord[]> {
      let query = db.selectFrom('supporter_days').selectAll().where('family_id', '=', familyId);
      if (supporterId) query = query.where('supporter_id', '=', supporterId);
      return (await query.orderBy('id').execute()).map(dayFromRow);
    },

    async findDay(id: string): Promise<SupporterDayRecord | undefined> {
      const row = await db.selectFrom('supporter_days').selectAll().where('id', '=', id).executeTakeFirst();
      return row && dayFromRow(row);
    },

    async insertDays(days: SupporterDayRecord[]): Promise<void> {
      if (days.length === 0) return;
      await db
        .insertInto('supporter_days')
        .values(
          days.map((d) => ({
            id: d.id,
            family_id: d.familyId,
            supporter_id: d.supporterId,
            day_id: d.dayId,
            suggestion: d.suggestion,
            next_due_utc: d.nextDueUtc,
            occurrence_date: d.occurrenceDate,
            signature: d.signature,
            updated_at: d.updatedAt,
          })),
        )
        .execute();
    },

    async deleteDays(familyId: string, ids: string[]): Promise<void> {
      if (ids.length === 0) return;
      await db
        .deleteFrom('supporter_days')
        .where('family_id', '=', familyId)
        .where('id', 'in', ids)
        .execute();
    },

    setSuggestion(id: string, suggestion: string, nowIso: string): Promise<unknown> {
      return db
        .updateTable('supporter_days')
        .set({ suggestion, updated_at: nowIso })
        .where('id', '=', id)
        .execute();
    },

    async reschedule(changes: Reschedule[], nowIso: string): Promise<void> {
      for (const c of changes) {
        await db
          .updateTable('supporter_days')
          .set({
            next_due_utc: c.nextDueUtc,
            occurrence_date: c.occurrenceDate,
            signature: c.signature,
            updated_at: nowIso,
          })
          .where('id', '=', c.id)
          .execute();
      }
    },

    /** Every planned e-mail of one supporter stops (they stopped, or are no longer confirmed). */
    clearSchedule(supporterId: string, nowIso: string): Promise<unknown> {
      return db
        .updateTable('supporter_days')
        .set({ next_due_utc: null, occurrence_date: null, updated_at: nowIso })
        .where('supporter_id', '=', supporterId)
        .execute();
    },

    /**
     * The tick's read: days whose e-mail is due, of confirmed supporters. On PostgreSQL the rows are
     * locked with SKIP LOCKED, so instances ticking at once each take different ones.
     */
    async takeDue(now: number, limit: number, ids?: string[]): Promise<SupporterDayRecord[]> {
      let query = db
        .selectFrom('supporter_days')
        .selectAll()
        .where('next_due_utc', '<=', now)
        .where('supporter_id', 'in', (eb) =>
          eb.selectFrom('supporters').select('id').where('status', '=', 'confirmed'),
        );
      if (ids) query = query.where('id', 'in', ids.length > 0 ? ids : ['-']);
      query = query.orderBy('next_due_utc').limit(limit);
      if (dialect === 'postgres') query = query.forUpdate().skipLocked();
      return (await query.execute()).map(dayFromRow);
    },

    async insertReply(reply: ReplyRecord): Promise<'added' | 'taken'> {
      const result = await db
        .insertInto('supporter_replies')
        .values({
          id: reply.id,
          family_id: reply.familyId,
          supporter_id: reply.supporterId,
          supporter_day_id: reply.supporterDayId,
          occurrence_date: reply.occurrenceDate,
          day_title: reply.dayTitle,
          message: reply.message,
          status: reply.status,
          created_at: reply.createdAt,
          decided_at: null,
          decided_by: null,
          media_id: null,
        })
        .onConflict((oc) => oc.columns(['supporter_day_id', 'occurrence_date']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? 'added' : 'taken';
    },

    async hasReply(supporterDayId: string, occurrenceDate: string): Promise<boolean> {
      const row = await db
        .selectFrom('supporter_replies')
        .select('id')
        .where('supporter_day_id', '=', supporterDayId)
        .where('occurrence_date', '=', occurrenceDate)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Newest first. */
    async listReplies(familyId: string): Promise<ReplyRecord[]> {
      const rows = await db
        .selectFrom('supporter_replies')
        .selectAll()
        .where('family_id', '=', familyId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return rows.map(replyFromRow);
    },

    async findReply(familyId: string, id: string): Promise<ReplyRecord | undefined> {
      const row = await db
        .selectFrom('supporter_replies')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && replyFromRow(row);
    },

    /** Accepts or declines a reply still waiting; answers whether it was still waiting. */
    async decideReply(
      familyId: string,
      id: string,
      status: 'accepted' | 'declined',
      byMemberId: string,
      atIso: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('supporter_replies')
        .set({ status, decided_at: atIso, decided_by: byMemberId })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Remembers the family's photo an accepted reply's photo became. */
    async setReplyMedia(familyId: string, id: string, mediaId: string): Promise<void> {
      await db
        .updateTable('supporter_replies')
        .set({ media_id: mediaId })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    enqueueJobs: (queue: JobQueue, jobs: NewJob[]) => queue.enqueue(jobs, db),
    completeJobs: (complete: Completer, ids: string[]) => complete(ids, db),
    /** The family-changed job's check, in this repository's transaction. */
    checkStillCurrent: (stillCurrent: (trx: Kysely<Database>) => Promise<void>) => stillCurrent(db),
  };
}

export type SupportersRepository = ReturnType<typeof repositoryOn> & {
  /** Runs work in one transaction over this repository. */
  transaction<T>(work: (repo: SupportersRepository) => Promise<T>): Promise<T>;
};

export function supportersRepository(db: Kysely<Database>, dialect: Dialect): SupportersRepository {
  return {
    ...repositoryOn(db, dialect),
    transaction: (work) => db.transaction().execute((trx) => work(supportersRepository(trx, dialect))),
  };
}
