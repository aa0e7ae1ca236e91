import type { Kysely } from 'kysely';
import { exportStates, type ExportState } from '../../../contracts/family-archive.js';
import type { Database, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';

// A family's archives and their zip's pieces. An archive is its asker's alone: every read names the
// asker in the query itself.

export interface ExportRecord {
  id: string;
  familyId: string;
  askedBy: string;
  state: ExportState;
  filesDone: number;
  filesTotal: number | null;
  byteSize: number | null;
  createdAt: string;
  readyAt: string | null;
  expiresAt: string | null;
}

const exportFromRow = (row: Row<'family_exports'>): ExportRecord => ({
  id: row.id,
  familyId: row.family_id,
  askedBy: row.asked_by,
  state: storedEnum(exportStates, row.state, 'family_exports.state'),
  filesDone: Number(row.files_done),
  filesTotal: row.files_total === null ? null : Number(row.files_total),
  byteSize: row.byte_size === null ? null : Number(row.byte_size),
  createdAt: row.created_at,
  readyAt: row.ready_at,
  expiresAt: row.expires_at,
});

export function exportsRepository(db: Kysely<Database>) {
  const mine = (familyId: string, memberId: string) =>
    db
      .selectFrom('family_exports')
      .selectAll()
      .where('family_id', '=', familyId)
      .where('asked_by', '=', memberId);

  return {
    /** Queues the job in the same transaction as the export, so it never runs before the row exists. */
    enqueueJob: (queue: JobQueue, job: NewJob) => queue.enqueue([job], db),

    async insert(familyId: string, row: { id: string; askedBy: string; createdAt: string }): Promise<void> {
      await db
        .insertInto('family_exports')
        .values({
          id: row.id,
          family_id: familyId,
          asked_by: row.askedBy,
          state: 'waiting',
          attempt: 0,
          files_done: 0,
          files_total: null,
          byte_size: null,
          created_at: row.createdAt,
          ready_at: null,
          expires_at: null,
          link_hash: null,
          link_expires_at: null,
          link_used_at: null,
        })
        .execute();
    },

    async list(familyId: string, memberId: string): Promise<ExportRecord[]> {
      const rows = await mine(familyId, memberId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(exportFromRow);
    },

    async find(familyId: string, memberId: string, id: string): Promise<ExportRecord | undefined> {
      const row = await mine(familyId, memberId).where('id', '=', id).executeTakeFirst();
      return row && exportFromRow(row);
    },

    /** For the job, which has no session. */
    async findForJob(familyId: string, id: string): Promise<ExportRecord | undefined> {
      const row = await db
        .selectFrom('family_exports')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && exportFromRow(row);
    },

    async remove(familyId: string, id: string): Promise<void> {
      await db.deleteFrom('family_exports').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    /** Removes the archives whose week is over (with their pieces); answers how many. */
    async removeExpired(nowIso: string): Promise<number> {
      const result = await db
        .deleteFrom('family_exports')
        .where('expires_at', '<=', nowIso)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Starts (or starts again) making an archive; answers this try's number. */
    async begin(id: string, filesTotal: number): Promise<number | undefined> {
      const row = await db
        .updateTable('family_exports')
        .set((eb) => ({
          state: 'making',
          attempt: eb('attempt', '+', 1),
          files_done: 0,
          files_total: filesTotal,
          byte_size: null,
        }))
        .where('id', '=', id)
        .returning('attempt')
        .executeTakeFirst();
      return row && Number(row.attempt);
    },

    /** false when a later try has taken over (or the archive was removed): this try should stop. */
    async progress(id: string, attempt: number, filesDone: number): Promise<boolean> {
      const result = await db
        .updateTable('family_exports')
        .set({ files_done: filesDone })
        .where('id', '=', id)
        .where('attempt', '=', attempt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async addChunk(id: string, attempt: number, seq: number, data: Buffer): Promise<void> {
      await db.insertInto('family_export_chunks').values({ export_id: id, attempt, seq, data }).execute();
    },

    /** Marks the archive ready if this is still the latest try, and drops any other try's pieces. */
    async finish(
      id: string,
      attempt: number,
      done: { files: number; bytes: number; readyAt: string; expiresAt: string },
    ): Promise<boolean> {
      const result = await db
        .updateTable('family_exports')
        .set({
          state: 'ready',
          files_done: done.files,
          files_total: done.files,
          byte_size: done.bytes,
          ready_at: done.readyAt,
          expires_at: done.expiresAt,
        })
        .where('id', '=', id)
        .where('attempt', '=', attempt)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await db
        .deleteFrom('family_export_chunks')
        .where('export_id', '=', id)
        .where('attempt', '<>', attempt)
        .execute();
      return true;
    },

    async fail(id: string, attempt: number | null): Promise<void> {
      let query = db.updateTable('family_exports').set({ state: 'failed' }).where('id', '=', id);
      if (attempt !== null) query = query.where('attempt', '=', attempt);
      await query.execute();
      if (attempt !== null)
        await db
          .deleteFrom('family_export_chunks')
          .where('export_id', '=', id)
          .where('attempt', '=', attempt)
          .execute();
    },

    /** A new download link replaces any earlier one (only the hash of its token is kept). */
    async setLink(familyId: string, id: string, linkHash: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('family_exports')
        .set({ link_hash: linkHash, link_expires_at: expiresAt, link_used_at: null })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    /**
     * Uses the download link, once: true only for the first use of the current, unexpired link of a
     * ready archive of this asker. Two downloads racing with one link: one wins, in the update itself.
     */
    async useLink(
      familyId: string,
      memberId: string,
      id: string,
      linkHash: string,
      nowIso: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('family_exports')
        .set({ link_used_at: nowIso })
        .where('family_id', '=', familyId)
        .where('asked_by', '=', memberId)
        .where('id', '=', id)
        .where('state', '=', 'ready')
        .where('link_hash', '=', linkHash)
        .where('link_used_at', 'is', null)
        .where('link_expires_at', '>', nowIso)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** One piece of a ready archive (undefined past the last), read one at a time while it is sent. */
    async chunk(id: string, seq: number): Promise<Buffer | undefined> {
      const row = await db
        .selectFrom('family_export_chunks as c')
        .innerJoin('family_exports as e', (join) =>
          join.onRef('e.id', '=', 'c.export_id').onRef('e.attempt', '=', 'c.attempt'),
        )
        .select('c.data')
        .where('c.export_id', '=', id)
        .where('c.seq', '=', seq)
        .executeTakeFirst();
      return row && Buffer.from(row.data);
    },
  };
}

export type ExportsRepository = ReturnType<typeof exportsRepository>;
