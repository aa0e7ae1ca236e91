import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { uploadKeyHeader, uploadKeySchema } from '../../../contracts/media.js';
import { AppError, invalid } from '../../errors.js';
import { hashToken } from '../../secrets.js';

// How a file comes in, for every route that takes one (a photo, a drawing, a voice note): as its
// own bytes (the body is the file, as `fetch(url, { body: file })` sends it), not as JSON or a
// multipart form, with an optional Idempotency-Key that a phone's upload queue sends with every
// try of the same file. What the file really is, is read from its bytes by whoever keeps it.

/**
 * Lets the routes of one plugin take a file of these types as its own bytes, up to `maxBytes`. Only
 * that plugin's routes take such a body.
 */
export function acceptFileBodies(app: FastifyInstance, contentTypes: string[], maxBytes: number): void {
  app.addContentTypeParser(contentTypes, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
    done(null, body),
  );
}

/** The file a request carries, or a refusal in the route's own words (`message`, and `file` beside the field). */
export function fileBody(request: FastifyRequest, words: { message: string; file: string }): Buffer {
  const body: unknown = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError('unsupported_media_type', words.message, { file: words.file });
  return body;
}

/** The upload's Idempotency-Key, if it sent one; a malformed one is refused, naming it. */
export function uploadKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers[uploadKeyHeader];
  if (header === undefined) return undefined;
  const parsed = uploadKeySchema.safeParse(header);
  if (!parsed.success) throw invalid('Idempotency-Key', parsed.error.issues[0]!.message);
  return parsed.data;
}

/** An upload key as it is kept (its SHA-256, never the key) and a digest of the bytes it came with. */
export interface KeyedUpload {
  hash: string;
  digest: string;
}

export const keyedUpload = (key: string | undefined, bytes: Buffer): KeyedUpload | null =>
  key === undefined
    ? null
    : { hash: hashToken(key), digest: createHash('sha256').update(bytes).digest('hex') };
