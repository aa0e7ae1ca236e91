import { Readable } from 'node:stream';
import type {
  Book,
  BookCandidatesRequest,
  BookCandidatesResponse,
  MakeBook,
} from '../../../contracts/memorial-book.js';
import type { Clock } from '../../clock.js';
import { isoNow } from '../../clock.js';
import { notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import { MAKE_BOOK_QUEUE, type MakeBookPayload } from './book.job.js';
import type { BookRecord, BooksRepository } from './books.repository.js';
import { choiceRows, presentCandidates } from './choice.js';
import { readCandidates, type ContentSources } from './contents.js';

export function presentBook(book: BookRecord): Book {
  return {
    id: book.id,
    lovedOneId: book.lovedOneId,
    lovedOneName: book.lovedOneName,
    from: book.from,
    to: book.to,
    paper: book.paper,
    privateToAsker: book.privateToAsker,
    state: book.state,
    pagesDone: book.pagesDone,
    pagesTotal: book.pagesTotal,
    byteSize: book.byteSize,
    askedByName: book.askedByName,
    createdAt: book.createdAt,
    readyAt: book.readyAt,
    fileUrl: book.state === 'ready' ? `/api/books/${book.id}/file` : null,
  };
}

/** A file name with the loved one's name, in plain letters (the header's own name is ASCII). */
export function bookFileName(book: BookRecord): { ascii: string; utf8: string } {
  const base = `${book.lovedOneName} ${book.from.slice(0, 4)}${book.to.slice(0, 4) === book.from.slice(0, 4) ? '' : `-${book.to.slice(0, 4)}`}`;
  const ascii =
    base
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9 -]/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'memorial-book';
  return { ascii: `${ascii}.pdf`, utf8: `${base}.pdf` };
}

/**
 * Memorial books: a parent asks for one, a background job makes it (book.job.ts), the family
 * follows its progress and downloads it. A book holding its asker's private entries is theirs alone.
 */
export function booksService(deps: {
  repo: BooksRepository;
  clock: Clock;
  queue: JobQueue;
  lovedOnes: LovedOnesService;
  sources: ContentSources;
}) {
  const { repo, clock, queue, lovedOnes, sources } = deps;

  async function found(auth: AuthContext, id: string): Promise<BookRecord> {
    const book = await repo.find(auth.familyId, auth.memberId, id);
    if (!book) throw notFound();
    return book;
  }

  return {
    async list(auth: AuthContext, lovedOneId: string): Promise<Book[]> {
      await lovedOnes.get(auth, lovedOneId);
      return (await repo.list(auth.familyId, auth.memberId, lovedOneId)).map(presentBook);
    },

    /** What the asker could put in a book for these days, to choose from. */
    async candidates(
      auth: AuthContext,
      lovedOneId: string,
      query: BookCandidatesRequest,
    ): Promise<BookCandidatesResponse> {
      const { from, to, mine } = query;
      return presentCandidates(
        await readCandidates(sources, auth, { lovedOneId, from, to, withMyPrivateEntries: mine === 'yes' }),
      );
    },

    async make(auth: AuthContext, lovedOneId: string, body: MakeBook): Promise<Book> {
      // The choice is checked against what the asker may read for these days, now.
      const offered = await readCandidates(sources, auth, {
        lovedOneId,
        from: body.from,
        to: body.to,
        withMyPrivateEntries: body.withMyPrivateEntries,
      });
      const choice = choiceRows(offered, body.chosen);
      const id = newId();
      await repo.insert(
        auth.familyId,
        {
          id,
          lovedOneId,
          askedBy: auth.memberId,
          from: body.from,
          to: body.to,
          paper: body.paper,
          privateToAsker: body.withMyPrivateEntries,
          createdAt: isoNow(clock),
        },
        choice,
      );
      const payload: MakeBookPayload = { familyId: auth.familyId, bookId: id };
      await repo.enqueueJob(queue, {
        queue: MAKE_BOOK_QUEUE,
        dedupeKey: `memorial-book:${id}`,
        payload,
        runAt: clock.now(),
      });
      return presentBook(await found(auth, id));
    },

    get: async (auth: AuthContext, id: string): Promise<Book> => presentBook(await found(auth, id)),

    async remove(auth: AuthContext, id: string): Promise<void> {
      await found(auth, id);
      await repo.remove(auth.familyId, id);
    },

    /** A ready book's PDF, read from the store one piece at a time as it is sent. */
    async file(auth: AuthContext, id: string): Promise<{ book: BookRecord; stream: Readable }> {
      const book = await found(auth, id);
      if (book.state !== 'ready') throw notFound();
      async function* pieces() {
        for (let seq = 0; ; seq++) {
          const piece = await repo.chunk(id, seq);
          if (!piece) return;
          yield piece;
        }
      }
      return { book, stream: Readable.from(pieces(), { objectMode: false }) };
    },
  };
}

export type BooksService = ReturnType<typeof booksService>;
