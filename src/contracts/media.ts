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
  createdAt: z.string(),
});
export type MediaItem = z.infer<typeof mediaItem>;

export const mediaItemResponse = z.object({ media: mediaItem });
export const mediaListResponse = z.object({ media: z.array(mediaItem) });

/** How much of the family's room their photos take. */
export const mediaUsageResponse = z.object({
  usedBytes: z.number().int(),
  quotaBytes: z.number().int(),
});
export type MediaUsage = z.infer<typeof mediaUsageResponse>;
