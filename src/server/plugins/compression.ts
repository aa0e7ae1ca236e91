import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Also used by `precompressed-answer.ts`, which compresses a kept answer once with these settings. */
export const COMPRESS_ENCODINGS = ['br', 'gzip'] as const;
export type CompressEncoding = (typeof COMPRESS_ENCODINGS)[number];
export const COMPRESS_THRESHOLD = 1024;
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const COMPRESSIBLE = /^(application\/json|text\/calendar)\b/;
/**
 * Answers up to this size already in memory are compressed in one synchronous call (brotli at
 * quality 4: about 50 µs for a 2.6 kB answer, 1 ms at this cap); larger ones and streams go through
 * the plugin's streams, which cost about 0.6 ms of set-up per answer whatever its size.
 */
const IN_ONE_CALL_UP_TO = 64 * 1024;

// The plugin's choice of encoding (its preference order, q-values honoured, `*` and `x-gzip` read
// as gzip). No cache of header → choice: headers are the sender's to vary, and the cache would grow.
const negotiator = new Negotiator<CompressEncoding>({ supportedValues: [...COMPRESS_ENCODINGS] });
export const acceptedEncoding = (request: FastifyRequest): CompressEncoding | null => {
  const header = request.headers['accept-encoding'];
  if (!header || request.headers['x-no-compression'] !== undefined) return null;
  return negotiator.negotiate(header.toLowerCase().replace(/\*|x-gzip/gu, 'gzip'));
};

export const compressed = (bytes: Buffer | string, encoding: CompressEncoding): Buffer =>
  encoding === 'br' ? brotliCompressSync(bytes, BROTLI_OPTIONS) : gzipSync(bytes);

/** Marks a reply as compressed with `encoding` (the plugin then leaves it be) and varying on it. */
export function markEncoded(reply: FastifyReply, encoding: CompressEncoding | null): void {
  const vary = reply.getHeader('vary');
  if (!vary) reply.header('vary', 'accept-encoding');
  else if (!/\baccept-encoding\b/i.test(String(vary)))
    reply.header('vary', `${String(vary)}, accept-encoding`);
  if (encoding) reply.header('content-encoding', encoding).removeHeader('content-length');
}

/**
 * JSON answers (and the calendar feed) of 1 KB or more go out brotli- or gzip-compressed when the
 * browser accepts it: on the weak signal of an airport, a trip's "what to carry" answer shrinks from
 * about 16 KB to 4, and the first trip page's answers arrive together about a third of a second
 * sooner at 400 kbit/s (`npm run bench:web`). Nothing else is touched: the web app's files are
 * compressed once by the build (web-app.ts); photos are already compressed; the live stream
 * (`text/event-stream`) must never be buffered by a compressor. Request bodies are never
 * decompressed: a small compressed body could otherwise unfold into a large one.
 *
 * Answers already in memory (nearly all of them) are compressed here in one call, before the
 * plugin's own hook; the plugin handles the rest. Through the plugin's streams alone, checklist
 * reads as a phone asks for them ran at a tenth of the uncompressed rate (bench/README.md).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const size = Buffer.byteLength(payload);
    if (size < COMPRESS_THRESHOLD || size > IN_ONE_CALL_UP_TO) return payload;
    if (reply.getHeader('content-encoding')) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? 'application/json'))) return payload;
    const encoding = acceptedEncoding(request);
    if (!encoding) return payload;
    markEncoded(reply, encoding);
    return compressed(payload, encoding);
  });
  await app.register(compress, {
    globalCompression: true,
    globalDecompression: false,
    threshold: COMPRESS_THRESHOLD,
    encodings: [...COMPRESS_ENCODINGS],
    customTypes: COMPRESSIBLE,
    brotliOptions: BROTLI_OPTIONS,
  });
}
