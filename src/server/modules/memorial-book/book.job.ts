import { z } from 'zod';
import type { Clock } from '../../clock.js';
import { isoNow } from '../../clock.js';
import { chunkedFileJob } from '../../jobs/chunked-file-job.js';
import type { JobDefinition } from '../../jobs/runner.js';
import type { AccountsServices } from '../accounts/index.js';
import type { BooksRepository } from './books.repository.js';
import { chosenFrom } from './choice.js';
import { gatherContents, type ContentSources } from './contents.js';
import { estimatePages, renderBook } from './book.pdf.js';

export const MAKE_BOOK_QUEUE = 'memorial-book.make';

const payload = z.object({ familyId: z.string(), bookId: z.string() });
export type MakeBookPayload = z.infer<typeof payload>;

/**
 * Makes one book (`jobs/chunked-file-job.ts`): reads what goes in it as the parent who asked (their
 * role now, read afresh: a parent who has since left or become a viewer gets no book), draws the PDF
 * page by page and stores it in pieces as it goes, with the pages done so far for the app to show. A
 * book removed while it was being made is simply not finished. On failure the family sees "we could
 * not make this book" and the runner tries once more.
 */
export function makeBookJob(deps: {
  repo: BooksRepository;
  clock: Clock;
  accounts: AccountsServices;
  sources: ContentSources;
}): JobDefinition<MakeBookPayload> {
  const { repo, clock, accounts, sources } = deps;
  return chunkedFileJob({
    queue: MAKE_BOOK_QUEUE,
    payload,
    clock,
    store: repo,
    fileId: (job) => job.bookId,
    asker: (familyId, memberId) =>
      accounts.memberships.actingFor(familyId, memberId, 'books.make', 'memorial-book'),
    async gather(book, auth) {
      const contents = await gatherContents(
        sources,
        auth,
        {
          lovedOneId: book.lovedOneId,
          from: book.from,
          to: book.to,
          withMyPrivateEntries: book.privateToAsker,
        },
        chosenFrom(await repo.choice(book.id)),
      );
      return { contents, total: estimatePages(contents) };
    },
    write: (book, { id, attempt, contents, sink, progress }) =>
      renderBook(contents, book.paper, {
        write: sink.write,
        settle: sink.settle,
        progress: (done, total) => progress(() => repo.progress(id, attempt, done, total)),
      }),
    finish: (_book, { id, attempt }, { result: pages, bytes }) =>
      repo.finish(id, attempt, pages, bytes, isoNow(clock)),
  });
}
