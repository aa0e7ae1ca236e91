import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredFile } from './media.repository.js';

const extension: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * Sends a stored file to a member allowed to see it. Private to the family: a browser may keep it but
 * must ask each time whether it still may (a removed member, a deleted or now parents-only photo);
 * the digest answers "unchanged" without the bytes. `nosniff` (set for all of /api) and an inline
 * `Content-Disposition` with a plain name go with every file.
 */
export function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFile,
  { name, small }: { name: string; small: boolean },
): FastifyReply {
  const etag = `"${file.digest}${small ? '-t' : ''}"`;
  reply
    .header('etag', etag)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-disposition',
      `inline; filename="${name}-${small ? 'small' : 'full'}.${extension[file.contentType] ?? 'bin'}"`,
    );
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type(file.contentType).send(file.data);
}
