// What the media pipeline takes, kept free of zod: the phone's upload queue (web/lib/uploads.ts)
// reads it on the first trip page, which does not wait for zod and the contracts.

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

/**
 * An upload's `Idempotency-Key`: a random value the phone chose for one photo (a UUID fits), sent
 * again with every retry of that photo, so the server keeps it once.
 */
export const uploadKeyHeader = 'idempotency-key';
