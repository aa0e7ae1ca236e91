import { z } from 'zod';
import type { Clock } from '../../clock.js';
import { isoNow } from '../../clock.js';
import type { JobDefinition } from '../../jobs/runner.js';
import { actingFor, type AccountsServices, type AuthContext } from '../accounts/index.js';
import { can } from '../../../contracts/permissions.js';
import type { BooksRepository } from './books.repository.js';
import { chunkSink } from '../../chunk-sink.js';
import { chosenFrom } from './choice.js';
import { gatherContents, type ContentSources } from './contents.js';
import { estimatePages, renderBook } from './book.pdf.js';

/** Thrown inside a try that is no longer the latest: it stops quietly. */
class Superseded extends Error {}

export const MAKE_BOOK_QUEUE = 'memorial-book.make';

const payload = z.object({ familyId: z.string(), bookId: z.string() });
export type MakeBookPayload = z.infer<typeof payload>;

/** Progress is written at most this often (a page of text takes a moment; a photo page longer). */
const PROGRESS_EVERY_MS = 500;

/**
 * Makes one book: reads what goes in it as the parent who asked (their role now, read afresh: a
 * parent who has since left or become a viewer gets no book), draws the PDF page by page and stores
 * it in pieces as it goes, with the pages done so far for the app to show. A book removed while it
 * was being made is simply not finished. One job at a time: a book is heavy work for a small server.
 */
export function makeBookJob(deps: {
  repo: BooksRepository;
  clock: Clock;
  accounts: AccountsServices;
  sources: ContentSources;
}): JobDefinition<MakeBookPayload> {
  const { repo, clock, accounts, sources } = deps;

  async function asker(familyId: string, memberId: string): Promise<AuthContext | undefined> {
    const member = await accounts.memberships.findActive(familyId, memberId);
    return member && can(member.role, 'books.make') ? actingFor(member, 'memorial-book') : undefined;
  }

  async function make({ familyId, bookId }: MakeBookPayload): Promise<void> {
    const book = await repo.findForJob(familyId, bookId);
    if (!book || book.state === 'ready') return;
    const auth = await asker(familyId, book.askedBy);
    if (!auth) return repo.fail(bookId, null);
    const contents = await gatherContents(
      sources,
      auth,
      {
        lovedOneId: book.lovedOneId,
        from: book.from,
        to: book.to,
        withMyPrivateEntries: book.privateToAsker,
      },
      chosenFrom(await repo.choice(bookId)),
    );
    const attempt = await repo.begin(bookId, estimatePages(contents));
    if (attempt === undefined) return; // removed meanwhile
    const sink = chunkSink((seq, data) => repo.addChunk(bookId, attempt, seq, data));
    let reportedAt = 0;
    try {
      const pages = await renderBook(contents, book.paper, {
        write: sink.write,
        settle: sink.settle,
        async progress(done, total) {
          if (clock.now() - reportedAt < PROGRESS_EVERY_MS) return;
          reportedAt = clock.now();
          if (!(await repo.progress(bookId, attempt, done, total))) throw new Superseded();
        },
      });
      const bytes = await sink.end();
      await repo.finish(bookId, attempt, pages, bytes, isoNow(clock));
    } catch (error) {
      if (error instanceof Superseded) return; // a later try, or the family removed the book
      await repo.fail(bookId, attempt).catch(() => undefined);
      throw error;
    }
  }

  return {
    queue: MAKE_BOOK_QUEUE,
    version: 1,
    payload,
    batchSize: 1,
    maxAttempts: 2,
    async handle(jobs, complete) {
      for (const { row, payload: job } of jobs) {
        // On failure the family sees "we could not make this book" and the runner tries once more;
        // the runner logs the error's message (never the book's words).
        await make(job);
        await complete([row.id]);
      }
    },
  };
}
