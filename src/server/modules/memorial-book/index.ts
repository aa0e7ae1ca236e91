import { defineModule } from '../module.js';
import { makeBookJob } from './book.job.js';
import { booksRepository } from './books.repository.js';
import { booksRoutes } from './books.routes.js';
import { booksService } from './books.service.js';

export type { BooksService } from './books.service.js';
export { MAKE_BOOK_QUEUE } from './book.job.js';

/**
 * The memorial book: a print-ready PDF of a loved one's letters and entries, tributes, rituals,
 * places, the children's drawings and photos over a range of dates, made in a background job with
 * progress, kept in pieces in the database for the family to download, and removable.
 */
export const memorialBookModule = defineModule({
  name: 'memorial-book',
  needs: ['accounts', 'loved-ones', 'media', 'rituals', 'places', 'memory-box', 'journal', 'tributes'],
  build({ db, clock, queue }, use) {
    const repo = booksRepository(db);
    const lovedOnes = use('loved-ones');
    const sources = {
      lovedOnes,
      journal: use('journal'),
      tributes: use('tributes'),
      rituals: use('rituals'),
      places: use('places'),
      memoryBox: use('memory-box'),
      media: use('media'),
    };
    const books = booksService({ repo, clock, queue, lovedOnes, sources });
    const job = makeBookJob({ repo, clock, accounts: use('accounts'), sources });
    return {
      services: books,
      routes: [(app) => app.register(booksRoutes, { books })],
      jobs: [job],
    };
  },
});
