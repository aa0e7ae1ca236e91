import { z } from 'zod';
import { flag, idSchema, localDate } from './fields.js';

// The memorial book (modules/memorial-book): a print-ready PDF of a loved one's letters and entries,
// tributes, rituals, places, the children's drawings and the family's photos over a range of dates,
// made in a background job and kept for the family to download.

export const paperSizes = ['A4', 'LETTER'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** The longest range one book covers: a long book is fine, a lifetime of photos is many books. */
export const MAX_BOOK_YEARS = 30;

export const makeBookBody = z
  .object({
    from: localDate('the first day of the book'),
    to: localDate('the last day of the book'),
    paper: z.enum(paperSizes, { error: 'Please choose A4 or US Letter.' }),
    /**
     * Also put in the asker's own private entries. The book is then the asker's alone: no other
     * member sees it, since it holds what only they may read.
     */
    withMyPrivateEntries: flag('whether to include your own private entries').default(false),
  })
  .strict()
  .refine((b) => b.from <= b.to, {
    path: ['to'],
    message: 'The last day of the book comes before its first day. Please check the dates.',
  })
  .refine((b) => Number(b.to.slice(0, 4)) - Number(b.from.slice(0, 4)) <= MAX_BOOK_YEARS, {
    path: ['to'],
    message: `A book covers at most ${MAX_BOOK_YEARS} years. Please choose a shorter range.`,
  });
export type MakeBookBody = z.input<typeof makeBookBody>;
export type MakeBook = z.output<typeof makeBookBody>;

export const bookStates = ['waiting', 'making', 'ready', 'failed'] as const;
export type BookState = (typeof bookStates)[number];

export const bookSchema = z.object({
  id: idSchema,
  lovedOneId: idSchema,
  lovedOneName: z.string(),
  from: z.string(),
  to: z.string(),
  paper: z.enum(paperSizes),
  /** Only the asker sees it: it holds their own private entries. */
  privateToAsker: z.boolean(),
  state: z.enum(bookStates),
  /** Pages made so far, and about how many there will be (exact once ready). */
  pagesDone: z.number().int(),
  pagesTotal: z.number().int().nullable(),
  byteSize: z.number().int().nullable(),
  askedByName: z.string().nullable(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  /** Where to download it, once ready. */
  fileUrl: z.string().nullable(),
});
export type Book = z.infer<typeof bookSchema>;

export const bookResponse = z.object({ book: bookSchema });
export const booksResponse = z.object({ books: z.array(bookSchema) });
export type BooksResponse = z.infer<typeof booksResponse>;
