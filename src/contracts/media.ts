import { z } from 'zod';
import { idSchema } from './fields.js';

export { mediaLimits, uploadKeyHeader } from './media-limits.js';

/** The types an upload may say it is; what it really is is read from its bytes. */
export const uploadContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

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
