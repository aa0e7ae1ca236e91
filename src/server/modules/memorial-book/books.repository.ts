import type { Kysely } from 'kysely';
import {
  bookItemKinds,
  bookStates,
  paperSizes,
  type BookState,
  type PaperSize,
} from '../../../contracts/memorial-book.js';
import type { Database, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';
import type { ChoiceRow } from './choice.js';

// Memorial books and their PDF pieces. Every family query names the family. A book holding its
// asker's private entries is read only for that asker (`visibleTo`), in the query itself. What the
// family chose for a book is kept with it (`memorial_book_entries`), removed with it.

/** Rows written per statement: well under SQLite's and PostgreSQL's limits on bound values. */
const CHOICE_BATCH = 300;

export interface BookRecord {
  id: string;
  familyId: string;
  lovedOneId: string;
  lovedOneName: string;
  askedBy: string;
  askedByName: string | null;
  from: string;
  to: string;
  paper: PaperSize;
  privateToAsker: boolean;
  state: BookState;
  pagesDone: number;
  pagesTotal: number | null;
  byteSize: number | null;
  createdAt: string;
  readyAt: string | null;
}

export interface NewBook {
  id: string;
  lovedOneId: string;
  askedBy: string;
  from: string;
  to: string;
  paper: PaperSize;
  privateToAsker: boolean;
  createdAt: string;
}

type JoinedRow = Row<'memorial_books'> & { loved_one_name: string; asked_by_name: string | null };

const bookFromRow = (row: JoinedRow): BookRecord => ({
  id: row.id,
  familyId: row.family_id,
  lovedOneId: row.loved_one_id,
  lovedOneName: row.loved_one_name,
  askedBy: row.asked_by,
  askedByName: row.asked_by_name,
  from: row.from_date,
  to: row.to_date,
  paper: storedEnum(paperSizes, row.paper, 'memorial_books.paper'),
  privateToAsker: Number(row.private_to_asker) === 1,
  state: storedEnum(bookStates, row.state, 'memorial_books.state'),
  pagesDone: Number(row.pages_done),
  pagesTotal: row.pages_total === null ? null : Number(row.pages_total),
  byteSize: row.byte_size === null ? null : Number(row.byte_size),
  createdAt: row.created_at,
  readyAt: row.ready_at,
});

export function booksRepository(db: Kysely<Database>) {
  const books = (familyId: string) =>
    db
      .selectFrom('memorial_books as b')
      .innerJoin('loved_ones as l', 'l.id', 'b.loved_one_id')
      .leftJoin('memberships as m', 'm.id', 'b.asked_by')
      .selectAll('b')
      .select(['l.name as loved_one_name', 'm.display_name as asked_by_name'])
      .where('b.family_id', '=', familyId);

  /** Books this member may see: the family's, less those private to another asker. */
  const visibleTo = (familyId: string, memberId: string) =>
    books(familyId).where((eb) => eb.or([eb('b.private_to_asker', '=', 0), eb('b.asked_by', '=', memberId)]));

  return {
    /** Queues the job in the same transaction as the book, so it never runs before the book exists. */
    enqueueJob: (queue: JobQueue, job: NewJob) => queue.enqueue([job], db),

    /** The book, and what the family chose for it, together. */
    async insert(familyId: string, book: NewBook, choice: readonly ChoiceRow[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('memorial_books')
          .values({
            id: book.id,
            family_id: familyId,
            loved_one_id: book.lovedOneId,
            asked_by: book.askedBy,
            from_date: book.from,
            to_date: book.to,
            paper: book.paper,
            private_to_asker: book.privateToAsker ? 1 : 0,
            state: 'waiting',
            attempt: 0,
            pages_done: 0,
            pages_total: null,
            byte_size: null,
            created_at: book.createdAt,
            ready_at: null,
          })
          .execute();
        for (let at = 0; at < choice.length; at += CHOICE_BATCH)
          await trx
            .insertInto('memorial_book_entries')
            .values(
              choice.slice(at, at + CHOICE_BATCH).map((row) => ({
                book_id: book.id,
                kind: row.kind,
                item_id: row.itemId,
                included: row.included ? 1 : 0,
              })),
            )
            .execute();
      });
    },

    /** What the family chose for the book (no rows: asked for before choosing, so everything). */
    async choice(id: string): Promise<ChoiceRow[]> {
      const rows = await db
        .selectFrom('memorial_book_entries')
        .select(['kind', 'item_id', 'included'])
        .where('book_id', '=', id)
        .execute();
      return rows.map((row) => ({
        kind: storedEnum(bookItemKinds, row.kind, 'memorial_book_entries.kind'),
        itemId: row.item_id,
        included: Number(row.included) === 1,
      }));
    },

    async list(familyId: string, memberId: string, lovedOneId: string): Promise<BookRecord[]> {
      const rows = await visibleTo(familyId, memberId)
        .where('b.loved_one_id', '=', lovedOneId)
        .orderBy('b.created_at', 'desc')
        .orderBy('b.id')
        .execute();
      return rows.map(bookFromRow);
    },

    async find(familyId: string, memberId: string, id: string): Promise<BookRecord | undefined> {
      const row = await visibleTo(familyId, memberId).where('b.id', '=', id).executeTakeFirst();
      return row && bookFromRow(row);
    },

    /** For the job, which has no session: the book as it was asked for. */
    async findForJob(familyId: string, id: string): Promise<BookRecord | undefined> {
      const row = await books(familyId).where('b.id', '=', id).executeTakeFirst();
      return row && bookFromRow(row);
    },

    async remove(familyId: string, id: string): Promise<void> {
      await db.deleteFrom('memorial_books').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    /**
     * Starts (or starts again) making a book; answers this try's number. Pieces are written under
     * it, and progress and the end count only while it is still the latest try.
     */
    async begin(id: string, pagesTotal: number): Promise<number | undefined> {
      const row = await db
        .updateTable('memorial_books')
        .set((eb) => ({
          state: 'making',
          attempt: eb('attempt', '+', 1),
          pages_done: 0,
          pages_total: pagesTotal,
          byte_size: null,
        }))
        .where('id', '=', id)
        .returning('attempt')
        .executeTakeFirst();
      return row && Number(row.attempt);
    },

    /** false when a later try has taken over the book (or it was removed): this try should stop. */
    async progress(id: string, attempt: number, pagesDone: number, pagesTotal: number): Promise<boolean> {
      const result = await db
        .updateTable('memorial_books')
        .set({ pages_done: pagesDone, pages_total: pagesTotal })
        .where('id', '=', id)
        .where('attempt', '=', attempt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async addChunk(id: string, attempt: number, seq: number, data: Buffer): Promise<void> {
      await db.insertInto('memorial_book_chunks').values({ book_id: id, attempt, seq, data }).execute();
    },

    /** Marks the book ready if this is still the latest try, and drops any other try's pieces. */
    async finish(
      id: string,
      attempt: number,
      pages: number,
      byteSize: number,
      readyAt: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('memorial_books')
        .set({
          state: 'ready',
          pages_done: pages,
          pages_total: pages,
          byte_size: byteSize,
          ready_at: readyAt,
        })
        .where('id', '=', id)
        .where('attempt', '=', attempt)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await db
        .deleteFrom('memorial_book_chunks')
        .where('book_id', '=', id)
        .where('attempt', '<>', attempt)
        .execute();
      return true;
    },

    /** The book could not be made (by this try, if it is still the latest; `null`: whichever). */
    async fail(id: string, attempt: number | null): Promise<void> {
      let query = db.updateTable('memorial_books').set({ state: 'failed' }).where('id', '=', id);
      if (attempt !== null) query = query.where('attempt', '=', attempt);
      await query.execute();
      if (attempt !== null)
        await db
          .deleteFrom('memorial_book_chunks')
          .where('book_id', '=', id)
          .where('attempt', '=', attempt)
          .execute();
    },

    /** One piece of a ready book's PDF (undefined past the last), read one at a time while it is sent. */
    async chunk(id: string, seq: number): Promise<Buffer | undefined> {
      const row = await db
        .selectFrom('memorial_book_chunks as c')
        .innerJoin('memorial_books as b', (join) =>
          join.onRef('b.id', '=', 'c.book_id').onRef('b.attempt', '=', 'c.attempt'),
        )
        .select('c.data')
        .where('c.book_id', '=', id)
        .where('c.seq', '=', seq)
        .executeTakeFirst();
      return row && Buffer.from(row.data);
    },
  };
}

export type BooksRepository = ReturnType<typeof booksRepository>;
