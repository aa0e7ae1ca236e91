import { z } from 'zod';
import { idSchema, localDate, optionalText } from './fields.js';

// Tributes (modules/tributes): a picture and a few words for a loved one on a day that matters,
// rendered to PNG in the three sizes people post (Instagram's 4:5 portrait, a square, a story), with
// a caption the family may change, and unlisted pages reached by a share link. Nothing is ever
// posted for the family: they share the picture themselves, or send the link.

/** The three sizes, exactly as the pictures are rendered (width × height). */
export const tributeSizes = {
  portrait: { width: 1080, height: 1350 },
  square: { width: 1080, height: 1080 },
  story: { width: 1080, height: 1920 },
} as const;
export type TributeSize = keyof typeof tributeSizes;
export const tributeSizeNames = Object.keys(tributeSizes) as TributeSize[];

/** Calm backgrounds, used when there is no photo (or the photo has since been removed). */
export const tributeBackgrounds = ['dawn', 'sea', 'stone', 'night'] as const;
export type TributeBackground = (typeof tributeBackgrounds)[number];

/**
 * How the dates are said, the family's choice: "would have been 6 today", "6 years since …",
 * the dates themselves, or the name alone (domain/tributes/wording.ts).
 */
export const tributeWordings = ['would_have_been', 'years_since', 'dates', 'name_only'] as const;
export type TributeWording = (typeof tributeWordings)[number];

export const tributeBody = z
  .object({
    lovedOneId: idSchema,
    /** A photo of the family's own (GET /api/media), or none for a calm background. */
    mediaId: idSchema.nullable().optional(),
    background: z.enum(tributeBackgrounds, { error: 'Please choose a background.' }),
    words: optionalText('the words', 400),
    wording: z.enum(tributeWordings, { error: 'Please choose how to say the dates.' }),
    /** The day the tribute is for (an anniversary, a birthday). */
    forDate: localDate('the day this tribute is for'),
    /** Left out, the suggested caption is used. */
    caption: optionalText('the caption', 1000),
  })
  .strict();
export type TributeBody = z.input<typeof tributeBody>;

export const tributeSchema = z.object({
  id: idSchema,
  lovedOneId: idSchema,
  lovedOneName: z.string(),
  mediaId: idSchema.nullable(),
  background: z.enum(tributeBackgrounds),
  words: z.string().nullable(),
  wording: z.enum(tributeWordings),
  forDate: z.string(),
  /** The dates as they are drawn ("Would have been 6 today · 14 March 2026"); null for the name alone. */
  datesLine: z.string().nullable(),
  caption: z.string(),
  /** What the family would be offered had they left the caption out. */
  suggestedCaption: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tribute = z.infer<typeof tributeSchema>;

export const tributeResponse = z.object({ tribute: tributeSchema });
export const tributesResponse = z.object({ tributes: z.array(tributeSchema) });
export type TributesResponse = z.infer<typeof tributesResponse>;

export const tributeImageQuery = z
  .object({ size: z.enum(['portrait', 'square', 'story'], { error: 'Please choose a size.' }).optional() })
  .strict();

/** Making a share link: an optional expiry and an optional password. */
export const tributeLinkBody = z
  .object({
    expiresInDays: z
      .number({ error: 'Please give the number of days the link works.' })
      .int('Please give a whole number of days.')
      .min(1, 'A link works for at least 1 day.')
      .max(365, 'A link can work for up to 365 days.')
      .nullable()
      .optional(),
    password: z
      .string({ error: 'The password should be text.' })
      .min(8, 'Please use a password of at least 8 characters.')
      .max(200, 'Please keep the password under 200 characters.')
      .nullable()
      .optional(),
  })
  .strict();
export type TributeLinkBody = z.infer<typeof tributeLinkBody>;

export const tributeLinkSchema = z.object({
  id: idSchema,
  tributeId: idSchema,
  hasPassword: z.boolean(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TributeLink = z.infer<typeof tributeLinkSchema>;

export const tributeLinksResponse = z.object({ links: z.array(tributeLinkSchema) });
/** A new link: its address is shown this once (only a hash of its token is kept). */
export const createdTributeLinkResponse = z.object({ link: tributeLinkSchema, url: z.string() });
export type CreatedTributeLink = z.infer<typeof createdTributeLinkResponse>;

/** What an unlisted page shows, and nothing more: no ids, no other family data. */
export const sharedTributeSchema = z.object({
  name: z.string(),
  datesLine: z.string().nullable(),
  words: z.string().nullable(),
  forDate: z.string(),
});
export const sharedTributeResponse = z.object({ tribute: sharedTributeSchema });
export type SharedTribute = z.infer<typeof sharedTributeSchema>;

export const tributeLinkResponse = z.object({ link: tributeLinkSchema });

/** A visitor's browser asking for the tribute behind a link (the token in the body, not the URL). */
export const sharedTributeBody = z
  .object({
    token: z
      .string({ error: 'This link looks incomplete.' })
      .regex(/^[A-Za-z0-9_-]{43}$/, 'This link looks incomplete.'),
    password: z
      .string({ error: 'The password should be text.' })
      .max(200, 'Please keep the password under 200 characters.')
      .optional(),
  })
  .strict();
