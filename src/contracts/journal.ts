import { z } from 'zod';
import { localDate, optionalText, text } from './fields.js';

// The journal (modules/journal): entries and letters to a loved one ("Dear Jack, …"), private to
// the writer until they share one with the family's adults. Gentle prompts are optional, one at a
// time, always with "not today"; "quiet years" turns them off. Nothing here is counted.

export const entryKinds = ['entry', 'letter'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** Long letters are welcome; the cap keeps one well inside a request (about 25 printed pages, and under the 256 kB body limit even in four-byte characters). */
export const ENTRY_TEXT_MAX = 50_000;

/** Writing or changing an entry (a change sends the whole entry again). */
export const entryBody = z
  .object({
    kind: z.enum(entryKinds, { error: 'Please choose an entry or a letter.' }),
    title: optionalText('the title', 200),
    text: text('what you wrote', ENTRY_TEXT_MAX),
    /** The day it is written for; today in the family's zone when left out. */
    writtenFor: localDate('the day it is for').optional(),
  })
  .strict();
export type EntryBody = z.infer<typeof entryBody>;

export const shareEntryBody = z
  .object({
    shared: z.boolean({ error: 'Please say whether to share this with the family’s adults.' }),
  })
  .strict();
export type ShareEntryBody = z.infer<typeof shareEntryBody>;

/** Photos on one entry: a few, not an album (the family's photos are for albums). */
export const ENTRY_PHOTOS_MAX = 12;

/**
 * A photo on an entry, as private as the entry. It is served only by the journal's own routes,
 * never by the media routes, so it reaches exactly those who may read the entry.
 */
export const entryPhotoSchema = z.object({
  id: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  url: z.string(),
  thumbnailUrl: z.string(),
  createdAt: z.string(),
});
export type EntryPhoto = z.infer<typeof entryPhotoSchema>;

export const entryPhotoUrlsOf = (id: string) => ({
  url: `/api/journal-photos/${id}/file`,
  thumbnailUrl: `/api/journal-photos/${id}/thumbnail`,
});

export const entryPhotoResponse = z.object({ photo: entryPhotoSchema });

export const entrySchema = z.object({
  id: z.string(),
  lovedOneId: z.string(),
  kind: z.enum(entryKinds),
  title: z.string().nullable(),
  text: z.string(),
  writtenFor: z.string(),
  /** The reader wrote it: only then can they change, share or delete it. */
  mine: z.boolean(),
  authorName: z.string(),
  /** When it was shared with the family's adults; null while it is private to its writer. */
  sharedAt: z.string().nullable(),
  /** Its photos, oldest first. */
  photos: z.array(entryPhotoSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Entry = z.infer<typeof entrySchema>;

export const promptSchema = z.object({ id: z.string(), text: z.string() });
export type Prompt = z.infer<typeof promptSchema>;

/** A member's own journal settings. */
export const journalSettingsSchema = z.object({
  /** false: "quiet years", no prompts until the member turns them on again. */
  prompts: z.boolean(),
  /** The day across the years is hidden for this member (its links are not shown). */
  acrossYearsHidden: z.boolean(),
});
export type JournalSettings = z.infer<typeof journalSettingsSchema>;

export const journalSettingsBody = z
  .object({
    prompts: z.boolean({ error: 'Please say whether to show gentle prompts.' }).optional(),
    acrossYearsHidden: z
      .boolean({ error: 'Please say whether to hide the day across the years.' })
      .optional(),
  })
  .strict();
export type JournalSettingsBody = z.infer<typeof journalSettingsBody>;

/** A loved one's journal as the reader may read it: their own entries and those shared with them. */
export const journalResponse = z.object({
  lovedOneName: z.string(),
  entries: z.array(entrySchema),
  /** At most one gentle prompt, or none (prompts off, or put aside for today). */
  prompt: promptSchema.nullable(),
  settings: journalSettingsSchema,
});
export type JournalResponse = z.infer<typeof journalResponse>;

export const entryResponse = z.object({ entry: entrySchema });
export type EntryResponse = z.infer<typeof entryResponse>;

export const journalSettingsResponse = z.object({ settings: journalSettingsSchema });

/** "Not today" for prompts: the prompt goes away until tomorrow, and nothing is counted. */
export const promptRestResponse = z.object({ prompt: promptSchema.nullable() });

/** A loved one's remembrance days, to choose one to look at across the years. */
export const acrossYearsDaysResponse = z.object({
  hidden: z.boolean(),
  days: z.array(z.object({ dayId: z.string(), title: z.string(), anchorDate: z.string() })),
});
export type AcrossYearsDaysResponse = z.infer<typeof acrossYearsDaysResponse>;

/** One year of a remembrance day: what the reader may read of what was written, done and where. */
export const acrossYearsYearSchema = z.object({
  year: z.number(),
  date: z.string(),
  entries: z.array(entrySchema),
  rituals: z.array(
    z.object({ title: z.string(), tookPart: z.string().nullable(), line: z.string().nullable() }),
  ),
  trips: z.array(z.object({ tripId: z.string(), name: z.string(), places: z.array(z.string()) })),
});

export const acrossYearsResponse = z.object({
  hidden: z.boolean(),
  title: z.string(),
  lovedOneName: z.string().nullable(),
  /** Newest first; only years with something in them (an empty year is never listed or counted). */
  years: z.array(acrossYearsYearSchema),
});
export type AcrossYearsResponse = z.infer<typeof acrossYearsResponse>;
