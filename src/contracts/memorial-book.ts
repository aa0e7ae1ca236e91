import { z } from 'zod';
import { flag, idSchema, localDate } from './fields.js';

// The memorial book (modules/memorial-book): a print-ready PDF of a loved one's letters and entries,
// tributes, rituals, places, the children's drawings and the family's photos over a range of dates,
// made in a background job and kept for the family to download.

export const paperSizes = ['A4', 'LETTER'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** The longest range one book covers: a long book is fine, a lifetime of photos is many books. */
export const MAX_BOOK_YEARS = 30;

/** What a book is for: its days, and whether the asker's own private entries may go in. */
const bookRange = {
  from: localDate('the first day of the book'),
  to: localDate('the last day of the book'),
  /**
   * Also put in the asker's own private entries. The book is then the asker's alone: no other
   * member sees it, since it holds what only they may read.
   */
  withMyPrivateEntries: flag('whether to include your own private entries').default(false),
};

/** The things a family chooses one by one for a book (places and the loved one's page always go in). */
export const bookItemKinds = ['entries', 'tributes', 'rituals', 'drawings', 'photos'] as const;
export type BookItemKind = (typeof bookItemKinds)[number];

/** The most of one kind a book may name: far more than a year holds. */
const MAX_CHOSEN = 20_000;
const chosenIds = z.array(idSchema).max(MAX_CHOSEN, { error: 'That is more than one book can hold.' });

/** The ids of what the family chose to put in, kind by kind. */
export const bookChoice = z
  .object({
    entries: chosenIds,
    tributes: chosenIds,
    rituals: chosenIds,
    drawings: chosenIds,
    photos: chosenIds,
  })
  .strict();
export type BookChoice = z.infer<typeof bookChoice>;

const rangeChecked = <S extends z.ZodType<{ from: string; to: string }>>(schema: S) =>
  schema
    .refine((b) => b.from <= b.to, {
      path: ['to'],
      message: 'The last day of the book comes before its first day. Please check the dates.',
    })
    .refine((b) => Number(b.to.slice(0, 4)) - Number(b.from.slice(0, 4)) <= MAX_BOOK_YEARS, {
      path: ['to'],
      message: `A book covers at most ${MAX_BOOK_YEARS} years. Please choose a shorter range.`,
    });

/**
 * What would go in a book for these days: asked before making it, to choose from (a GET, so asking
 * changes nothing: `?from=…&to=…&mine=yes` to see the asker's own private entries too).
 */
export const bookCandidatesQuery = rangeChecked(
  z
    .object({
      from: bookRange.from,
      to: bookRange.to,
      mine: z
        .enum(['yes', 'no'], { error: 'Please say yes or no for your own private entries.' })
        .default('no'),
    })
    .strict(),
);
export type BookCandidatesQuery = z.input<typeof bookCandidatesQuery>;
export type BookCandidatesRequest = z.output<typeof bookCandidatesQuery>;

export const makeBookBody = rangeChecked(
  z
    .object({
      ...bookRange,
      paper: z.enum(paperSizes, { error: 'Please choose A4 or US Letter.' }),
      /**
       * What goes in, chosen from the candidates (`bookCandidatesBody`): only ids the asker may read
       * for these days. Left out, everything the days hold goes in.
       */
      chosen: bookChoice.optional(),
    })
    .strict(),
);
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

/** One thing that could go in a book, as the family sees it when choosing. */
export const bookCandidateSchema = z.object({
  id: idSchema,
  /** The day it belongs to (written for, made for, done, added). */
  date: z.string(),
  /** "A letter", a ritual's title, "By Ellie, 7"… */
  label: z.string(),
  /** A few words of it, or who took part; null when there is nothing more to say. */
  detail: z.string().nullable(),
  /** A small picture of it, for drawings and photos. */
  thumbnailUrl: z.string().nullable(),
  /** One of the asker's own private entries (in only when they asked for them). */
  privateToMe: z.boolean(),
});
export type BookCandidate = z.infer<typeof bookCandidateSchema>;

export const bookCandidatesResponse = z.object({
  entries: z.array(bookCandidateSchema),
  tributes: z.array(bookCandidateSchema),
  rituals: z.array(bookCandidateSchema),
  drawings: z.array(bookCandidateSchema),
  photos: z.array(bookCandidateSchema),
});
export type BookCandidatesResponse = z.infer<typeof bookCandidatesResponse>;

/** The choice to ask for: everything offered, less what the family left out. */
export function choiceLeavingOut(offered: BookCandidatesResponse, leftOut: ReadonlySet<string>): BookChoice {
  const keep = (list: ReadonlyArray<{ id: string }>) =>
    list.map((item) => item.id).filter((id) => !leftOut.has(id));
  return {
    entries: keep(offered.entries),
    tributes: keep(offered.tributes),
    rituals: keep(offered.rituals),
    drawings: keep(offered.drawings),
    photos: keep(offered.photos),
  };
}
