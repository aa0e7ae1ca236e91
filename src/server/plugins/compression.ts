import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * JSON answers (and the calendar feed) of 1 KB or more go out brotli- or gzip-compressed when the
 * browser accepts it: on the weak signal of an airport, a trip's "what to carry" answer shrinks from
 * about 16 KB to 4, and the first trip page's answers arrive together about a third of a second
 * sooner at 400 kbit/s (`npm run bench:web`). Brotli at quality 4 costs well under a millisecond
 * for answers this size. Nothing else is touched: the web app's files are compressed once by the
 * build (web-app.ts); photos are already compressed; the live stream (`text/event-stream`) must
 * never be buffered by a compressor. Request bodies are never decompressed: a small compressed
 * body could otherwise unfold into a large one.
 */
/** Shared with `precompressed-answer.ts`, which compresses a kept answer once with the same settings. */
export const COMPRESS_ENCODINGS = ['br', 'gzip'] as const;
export const COMPRESS_THRESHOLD = 1024;
export const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    globalCompression: true,
    globalDecompression: false,
    threshold: COMPRESS_THRESHOLD,
    encodings: [...COMPRESS_ENCODINGS],
    customTypes: /^(application\/json|text\/calendar)\b/,
    brotliOptions: BROTLI_OPTIONS,
  });
}
