import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredAudio } from './memory-box.repository.js';

const extension: Record<string, string> = {
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
 * Sends a voice note with its own type, privately (as photos are: `private, no-cache`, its digest as
 * ETag, `nosniff`, an inline `Content-Disposition`), and one byte range when asked: Safari asks for
 * ranges before it plays a sound, and a player seeking asks for the part it needs.
 */
export function sendAudio(request: FastifyRequest, reply: FastifyReply, audio: StoredAudio): FastifyReply {
  const etag = `"${audio.digest}"`;
  const size = audio.data.length;
  reply
    .header('etag', etag)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('accept-ranges', 'bytes')
    .header('content-disposition', `inline; filename="voice-note.${extension[audio.contentType] ?? 'bin'}"`)
    .type(audio.contentType);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const asked = request.headers.range;
  if (asked === undefined) return reply.send(audio.data);
  const range = byteRange(asked, size);
  if (!range) return reply.code(416).header('content-range', `bytes */${size}`).send();
  return reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .send(audio.data.subarray(range.start, range.end + 1));
}
