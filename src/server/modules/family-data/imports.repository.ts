import type { Kysely } from 'kysely';
import { importStates, type ImportResponse, type ImportState } from '../../../contracts/family-archive.js';
import type { Dialect } from '../../../db/connect.js';
import type { Database, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';

// The archives being brought in (migration 031). An import is its asker's alone: every read for a
// person names their account in the query itself. The job's writes name the try they belong to
// (`attempt`): a try that is no longer the latest (a retry after its lease was lost) writes nothing.
// The uploaded zip waits in `family_import_chunks` (migration 032), so whichever instance runs the
// job reads it: the request stores the row, then the pieces, then marks it whole and queues the job.

export interface ImportRecord {
  id: string;
  askedBy: string;
  state: ImportState;
  attempt: number;
  familyName: string;
  madeFamilyId: string | null;
  filesDone: number;
  filesTotal: number;
  result: Pick<ImportResponse, 'invited' | 'notes'> | null;
  message: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const importFromRow = (row: Row<'family_imports'>): ImportRecord => ({
  id: row.id,
  askedBy: row.asked_by,
  state: storedEnum(importStates, row.state, 'family_imports.state'),
  attempt: Number(row.attempt),
  familyName: row.family_name,
  madeFamilyId: row.made_family_id,
  filesDone: Number(row.files_done),
  filesTotal: Number(row.files_total),
  result: row.result === null ? null : (JSON.parse(row.result) as ImportRecord['result']),
  message: row.message,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

/** The database handle the import job hands to these repositories (outside a change: the pool). */
export type DbHandle = Kysely<Database>;

/** Thrown when a try is no longer the import's latest (a retry took over) or the import is gone. */
export class Superseded extends Error {
  constructor() {
    super('a newer try of this import took over, or the import is gone');
  }
}

/** How many of a person's imports are listed (the newest): enough to find the one just left. */
const LISTED = 20;

export function importsRepository(db: Kysely<Database>, dialect: Dialect) {
  // An import whose upload is not yet whole in the database is no one's to see.
  const mine = (userId: string) =>
    db
      .selectFrom('family_imports')
      .selectAll()
      .where('asked_by', '=', userId)
      .where('stored_at', 'is not', null);

  return {
    /** Stores the import, its upload not yet whole (`stored`, after its pieces, queues the job). */
    async insert(row: { id: string; askedBy: string; familyName: string; createdAt: string }): Promise<void> {
      await db
        .insertInto('family_imports')
        .values({
          id: row.id,
          asked_by: row.askedBy,
          file_path: '',
          state: 'queued',
          attempt: 0,
          family_name: row.familyName,
          made_family_id: null,
          files_done: 0,
          files_total: 0,
          result: null,
          message: null,
          created_at: row.createdAt,
          finished_at: null,
          stored_at: null,
        })
        .execute();
    },

    /** One piece of the upload, in a statement (so a transaction) of its own. */
    async addChunk(id: string, seq: number, data: Buffer): Promise<void> {
      await db.insertInto('family_import_chunks').values({ import_id: id, seq, data }).execute();
    },

    /**
     * Marks the upload whole and queues its job, together: the job never runs before every piece is
     * in. false if the import is gone meanwhile (its asker's account deleted).
     */
    async stored(id: string, storedAt: string, queue: JobQueue, job: NewJob): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('family_imports')
          .set({ stored_at: storedAt })
          .where('id', '=', id)
          .where('stored_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await queue.enqueue([job], trx);
        return true;
      });
    },

    /** Removes an import whose upload was refused or cut short, with its pieces. */
    async remove(id: string): Promise<void> {
      await db.deleteFrom('family_imports').where('id', '=', id).execute();
    },

    /** One piece of the upload (undefined past the last), read one at a time by the job. */
    async chunk(id: string, seq: number): Promise<Buffer | undefined> {
      const row = await db
        .selectFrom('family_import_chunks')
        .select('data')
        .where('import_id', '=', id)
        .where('seq', '=', seq)
        .executeTakeFirst();
      return row && Buffer.from(row.data);
    },

    async list(userId: string): Promise<ImportRecord[]> {
      const rows = await mine(userId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(LISTED)
        .execute();
      return rows.map(importFromRow);
    },

    async find(userId: string, id: string): Promise<ImportRecord | undefined> {
      const row = await mine(userId).where('id', '=', id).executeTakeFirst();
      return row && importFromRow(row);
    },

    /** For the job, which has no session. */
    async findForJob(id: string): Promise<ImportRecord | undefined> {
      const row = await db.selectFrom('family_imports').selectAll().where('id', '=', id).executeTakeFirst();
      return row && importFromRow(row);
    },

    /** Starts (or starts again) bringing the import in; answers this try's number. */
    async begin(id: string): Promise<number | undefined> {
      const row = await db
        .updateTable('family_imports')
        .set((eb) => ({
          state: 'working',
          attempt: eb('attempt', '+', 1),
          files_done: 0,
          message: null,
        }))
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'working'])
        .returning('attempt')
        .executeTakeFirst();
      return row && Number(row.attempt);
    },

    /**
     * Inside one of the job's transactions: whether `attempt` is still the import's latest try
     * (locked on PostgreSQL until `trx` ends, so a newer try starts only after this one's write).
     */
    async isCurrent(trx: Kysely<Database>, id: string, attempt: number): Promise<boolean> {
      let query = trx
        .selectFrom('family_imports')
        .select('id')
        .where('id', '=', id)
        .where('attempt', '=', attempt)
        .where('state', '=', 'working');
      if (dialect === 'postgres') query = query.forUpdate();
      return (await query.executeTakeFirst()) !== undefined;
    },

    /**
     * One try's writes: each in a short transaction that first checks the try still holds the job's
     * lease (`holdsLease`) and is the import's latest; `current` checks both inside a caller's.
     */
    tryOf(id: string, attempt: number, holdsLease: (trx: Kysely<Database>) => Promise<boolean>) {
      const current = async (trx: Kysely<Database>) =>
        (await holdsLease(trx)) && (await this.isCurrent(trx, id, attempt));
      return {
        current,
        async write<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
          return db.transaction().execute(async (trx) => {
            if (!(await current(trx))) throw new Superseded();
            return work(trx);
          });
        },
        async stillCurrent(): Promise<void> {
          if (!(await db.transaction().execute(current))) throw new Superseded();
        },
      };
    },

    /** Names the family this try is writing (in the transaction that makes its row). */
    async setFamily(trx: Kysely<Database>, id: string, familyId: string, filesTotal: number): Promise<void> {
      await trx
        .updateTable('family_imports')
        .set({ made_family_id: familyId, files_total: filesTotal })
        .where('id', '=', id)
        .execute();
    },

    /** false when a later try has taken over (or the import is gone): this try should stop. */
    async progress(id: string, attempt: number, filesDone: number): Promise<boolean> {
      const result = await db
        .updateTable('family_imports')
        .set({ files_done: filesDone })
        .where('id', '=', id)
        .where('attempt', '=', attempt)
        .where('state', '=', 'working')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Marks the import done, in the last short transaction (the one that makes the importer owner). */
    async finish(
      trx: Kysely<Database>,
      id: string,
      done: { result: NonNullable<ImportRecord['result']>; filesTotal: number; finishedAt: string },
    ): Promise<void> {
      await trx
        .updateTable('family_imports')
        .set({
          state: 'done',
          files_done: done.filesTotal,
          files_total: done.filesTotal,
          result: JSON.stringify(done.result),
          finished_at: done.finishedAt,
        })
        .where('id', '=', id)
        .execute();
      // The upload is no longer wanted: a made family is in the database as its own rows.
      await trx.deleteFrom('family_import_chunks').where('import_id', '=', id).execute();
    },

    /** Says which invited members were e-mailed their invite (once the e-mails have gone). */
    async markEmailed(id: string, result: NonNullable<ImportRecord['result']>): Promise<void> {
      await db
        .updateTable('family_imports')
        .set({ result: JSON.stringify(result) })
        .where('id', '=', id)
        .where('state', '=', 'done')
        .execute();
    },

    /** Gives up on the import, saying why (its half-made family is removed before, by the job). */
    async fail(id: string, message: string, finishedAt: string): Promise<void> {
      await db
        .updateTable('family_imports')
        .set({ state: 'failed', message, finished_at: finishedAt, made_family_id: null })
        .where('id', '=', id)
        .where('state', '<>', 'done')
        .execute();
      await db.deleteFrom('family_import_chunks').where('import_id', '=', id).execute();
    },

    /** Waits for another try (after a failure that may pass), with nothing of it left meanwhile. */
    async requeue(id: string, attempt: number): Promise<void> {
      await db
        .updateTable('family_imports')
        .set({ state: 'queued', files_done: 0 })
        .where('id', '=', id)
        .where('attempt', '=', attempt)
        .where('state', '=', 'working')
        .execute();
    },

    /** The imports whose zip may still be wanted on a disk: being received, waiting or being brought in. */
    async pending(): Promise<Set<string>> {
      const rows = await db
        .selectFrom('family_imports')
        .select('id')
        .where('state', 'in', ['queued', 'working'])
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    /** Removes imports whose upload a request began storing before `beforeIso` and never finished. */
    async removeUnstored(beforeIso: string): Promise<void> {
      await db
        .deleteFrom('family_imports')
        .where('stored_at', 'is', null)
        .where('created_at', '<', beforeIso)
        .execute();
    },
  };
}

export type ImportsRepository = ReturnType<typeof importsRepository>;
