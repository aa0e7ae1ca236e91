import { z } from 'zod';
import { email, idSchema, text, timeZone } from './fields.js';
import { dayKinds } from './remembrance.js';

// Supporters: people without an account (a grandparent, a friend) who hear from the family before
// the days it chooses, and may answer through a link (ARCHITECTURE.md, `supporters`).

export const MAX_SUGGESTION = 280;
export const MAX_REPLY = 1000;
export const MAX_SUPPORTER_DAYS = 20;

/**
 * A supporter's reply may carry one photo, sent inside the reply as base64 (the reply and its photo
 * are one request: both are kept, or neither). 15 MB fits any phone's photo of a candle or a
 * garden (a 12-megapixel JPEG is 3–8 MB) and is less than a family member's own upload may be.
 */
export const supporterPhotoLimits = { maxUploadBytes: 15 * 1024 * 1024 } as const;
export const MAX_PHOTO_CHARS = Math.ceil(supporterPhotoLimits.maxUploadBytes / 3) * 4;
const NOT_A_PHOTO = 'Please choose a photo: a JPEG, PNG or WebP picture.';
const photoData = z
  .string({ error: NOT_A_PHOTO })
  .min(4, NOT_A_PHOTO)
  .max(MAX_PHOTO_CHARS, 'This photo is too large to send (over 15 MB). Please choose a smaller copy.')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, NOT_A_PHOTO);

/** Where a photo is shown: the file and its small copy. */
export const photoUrls = z.object({ url: z.string(), thumbnailUrl: z.string() });

export const supporterStatuses = ['pending', 'confirmed', 'unsubscribed'] as const;
export type SupporterStatus = (typeof supporterStatuses)[number];
export const replyStatuses = ['pending', 'accepted', 'declined'] as const;
export type ReplyStatus = (typeof replyStatuses)[number];

/** One day a supporter hears about, and the family's words for it. */
export const supporterDayChoice = z
  .object({
    dayId: idSchema,
    suggestion: text('the suggestion', MAX_SUGGESTION),
  })
  .strict();

const dayChoices = z
  .array(supporterDayChoice, { error: 'Please choose the days from the list.' })
  .max(MAX_SUPPORTER_DAYS, `Please choose up to ${MAX_SUPPORTER_DAYS} days.`)
  .refine(
    (days) => new Set(days.map((d) => d.dayId)).size === days.length,
    'Please choose each day only once.',
  );

export const createSupporterBody = z
  .object({
    name: text('their name', 80),
    email,
    /** Their own time zone; the family's when left out. */
    timeZone: timeZone.optional(),
    days: dayChoices.default([]),
  })
  .strict();
export type CreateSupporterBody = z.infer<typeof createSupporterBody>;

export const supporterDaysBody = z.object({ days: dayChoices }).strict();
export type SupporterDaysBody = z.infer<typeof supporterDaysBody>;

export const supporterSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  timeZone: z.string(),
  status: z.enum(supporterStatuses),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  days: z.array(
    z.object({
      dayId: idSchema,
      title: z.string(),
      suggestion: z.string(),
      /** When their next e-mail for this day goes out (ISO, UTC); null before they confirm. */
      nextEmailAt: z.string().nullable(),
    }),
  ),
});
export type Supporter = z.infer<typeof supporterSchema>;

/** A day the family may choose for its supporters. */
export const supporterDayOption = z.object({
  id: idSchema,
  title: z.string(),
  kind: z.enum(dayKinds),
  /** The start time of a timed day (the Wave of Light at 19:00), in the supporter's own zone. */
  time: z.string().nullable(),
});

export const supportersResponse = z.object({
  supporters: z.array(supporterSchema),
  days: z.array(supporterDayOption),
  familyZone: z.string(),
  emailAvailable: z.boolean(),
});
export type SupportersResponse = z.infer<typeof supportersResponse>;

export const supporterResponse = z.object({ supporter: supporterSchema });
export type SupporterResponse = z.infer<typeof supporterResponse>;

export const supporterReplySchema = z.object({
  id: idSchema,
  supporterId: idSchema,
  supporterName: z.string(),
  dayTitle: z.string(),
  occurrenceDate: z.string(),
  message: z.string(),
  status: z.enum(replyStatuses),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /**
   * The photo sent with it: while it waits, served only to the parents reviewing it; once accepted,
   * one of the family's photos; none after it was declined.
   */
  photo: photoUrls.nullable(),
});
export type SupporterReply = z.infer<typeof supporterReplySchema>;
export const supporterRepliesResponse = z.object({ replies: z.array(supporterReplySchema) });
export const supporterReplyResponse = z.object({ reply: supporterReplySchema });

// Pages reached from an e-mail, without an account. The token comes from the link's fragment.

const INCOMPLETE = 'This link is not complete. Please open it again from the e-mail.';
const linkToken = (pattern: RegExp) =>
  z.string({ error: INCOMPLETE }).max(200, INCOMPLETE).regex(pattern, INCOMPLETE);
const SECRET = '[A-Za-z0-9_-]{43}';
const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** A confirmation link's token: 32 random bytes, URL-safe. */
const confirmToken = linkToken(new RegExp(`^${SECRET}$`));
/** A reply link's token: "<supporter's day>.<date>.<signature>". */
const replyToken = linkToken(new RegExp(`^${ID}\\.\\d{4}-\\d{2}-\\d{2}\\.${SECRET}$`));
/** A stop link's token: "<supporter>.<signature>". */
const stopToken = linkToken(new RegExp(`^${ID}\\.${SECRET}$`));

export const supporterConfirmBody = z.object({ token: confirmToken }).strict();
export const supporterReplyLinkBody = z.object({ token: replyToken }).strict();
export const supporterStopBody = z.object({ token: stopToken }).strict();

export const supporterConfirmResponse = z.object({
  /** The supporter's own name, as the family wrote it. */
  name: z.string(),
  /** Who in the family added them (their display name). */
  addedBy: z.string(),
  /** How many days they will hear about. */
  days: z.number().int(),
});
export type SupporterConfirmResponse = z.infer<typeof supporterConfirmResponse>;

export const supporterReplyPreviewResponse = z.object({
  name: z.string(),
  suggestion: z.string(),
  alreadyReplied: z.boolean(),
});
export type SupporterReplyPreviewResponse = z.infer<typeof supporterReplyPreviewResponse>;

export const supporterReplyBody = z
  .object({
    token: replyToken,
    message: text('your message', MAX_REPLY),
    /** One photo, the file's bytes in base64 (no "data:" prefix). */
    photo: photoData.optional(),
  })
  .strict();
export type SupporterReplyBody = z.infer<typeof supporterReplyBody>;

export const supporterDoneResponse = z.object({ done: z.literal(true) });
