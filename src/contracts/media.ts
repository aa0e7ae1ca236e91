import { z } from 'zod';
import { idSchema } from './fields.js';

/**
 * What the media pipeline takes and keeps. An upload may be up to 25 MB (a 12-megapixel phone photo
 * is 3–8 MB) and 60 megapixels (a 48-megapixel phone camera fits; a "decompression bomb" does not).
 * What is kept is re-encoded to at most 2560 pixels on its long side, which is more than any phone
 * screen or a printed A5 page at 300 dpi needs; the thumbnail is 480.
 */
export const mediaLimits = {
  maxUploadBytes: 25 * 1024 * 1024,
  maxPixels: 60_000_000,
  maxEdge: 2560,
  thumbnailEdge: 480,
} as const;

/** The types an upload may say it is; what it really is is read from its bytes. */
export const uploadContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

/**
 * An upload's `Idempotency-Key`: a random value the phone chose for one photo (a UUID fits), sent
 * again with every retry of that photo, so the server keeps it once.
 */
export const uploadKeyHeader = 'idempotency-key';
export const uploadKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, 'This photo could not be sent as it was. Please choose it again.');

export const mediaKinds = ['photo', 'drawing'] as const;

export const mediaItem = z.object({
  id: idSchema,
  /** A photo, or a child's drawing from a memory box. */
  kind: z.enum(mediaKinds),
  contentType: z.enum(['image/jpeg', 'image/png']),
  width: z.number().int(),
  height: z.number().int(),
  byteSize: z.number().int(),
  url: z.string(),
  thumbnailUrl: z.string(),
  addedBy: z.string().nullable(),
  /** Someone outside the family who sent it (a supporter's name, "From Grandma Ann"), or null. */
  from: z.string().nullable(),
  createdAt: z.string(),
});
export type MediaItem = z.infer<typeof mediaItem>;

/** Where a photo and its small copy are served (to the family's members alone). */
export const mediaUrlsOf = (id: string) => ({
  url: `/api/media/${id}/file`,
  thumbnailUrl: `/api/media/${id}/thumbnail`,
});

export const mediaItemResponse = z.object({ media: mediaItem });
export const mediaListResponse = z.object({ media: z.array(mediaItem) });

/** How much of the family's room their photos take. */
export const mediaUsageResponse = z.object({
  usedBytes: z.number().int(),
  quotaBytes: z.number().int(),
});
export type MediaUsage = z.infer<typeof mediaUsageResponse>;
