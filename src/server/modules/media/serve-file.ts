import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredFile } from './media.repository.js';

// How every file of the family's is sent (a photo, a drawing, a voice note): privately. A browser
// may keep it but must ask each time whether it still may (a removed member, a deleted or now
// parents-only file); the digest answers "unchanged" without the bytes. `nosniff` (set for all of
// /api too) and an inline `Content-Disposition` with a plain name go with every file.

const extension: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/webm': 'webm',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
};

/** One byte range of `size` bytes ("bytes=0-", "bytes=100-199", "bytes=-500"), or null when unusable. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, from, to] = match as unknown as [string, string, string];
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

/**
 * Sends one stored file to a member allowed to see it, named `<name>.<its extension>`. With
 * `ranges`, one byte range when asked: Safari asks for ranges before it plays a sound, and a player
 * seeking asks for the part it needs.
 */
export function sendPrivateFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFile,
  { name, etag, ranges = false }: { name: string; etag: string; ranges?: boolean },
): FastifyReply {
  reply
    .header('etag', etag)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `inline; filename="${name}.${extension[file.contentType] ?? 'bin'}"`)
    .type(file.contentType);
  if (ranges) reply.header('accept-ranges', 'bytes');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const asked = request.headers.range;
  if (!ranges || asked === undefined) return reply.send(file.data);
  const size = file.data.length;
  const range = byteRange(asked, size);
  if (!range) return reply.code(416).header('content-range', `bytes */${size}`).send();
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .send(file.data.subarray(range.start, range.end + 1));
}

/** A photo or a drawing, whole (`photo-full.jpg`) or its thumbnail (`photo-small.webp`). */
export const sendStoredFile = (
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFile,
  { name, small }: { name: string; small: boolean },
): FastifyReply =>
  sendPrivateFile(request, reply, file, {
    name: `${name}-${small ? 'small' : 'full'}`,
    etag: `"${file.digest}${small ? '-t' : ''}"`,
  });
