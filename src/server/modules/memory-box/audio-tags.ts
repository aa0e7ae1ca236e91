import { AppError } from '../../errors.js';
import { ebmlElements, EBML_VOID } from './recorded-duration.js';

// What a sound file says about itself besides the sound: a title, an artist, a comment, where it was
// recorded (MP4's ©xyz, a Matroska tag), cover pictures, chapters. A voice note keeps none of it.
//
// No encoder runs on the server (ffmpeg is not on npm with Node 20 support and a maintained build),
// so nothing is re-encoded; instead each labelled part is blanked in place, keeping every byte
// offset the file's index relies on:
// - WebM: Tags, Attachments, Chapters, the SeekHead (an index that may point at them) and the Info's
//   and tracks' titles become EBML Void elements of the same size, which every reader skips.
// - MP4 (Safari's recordings, M4A files): `udta`, `meta` and `uuid` boxes (iTunes tags, ©xyz, XMP)
//   become `free` boxes of the same size, their contents zeroed.
// - MP3: the ID3v2 tags before the first frame, and the APE, Lyrics3 and ID3v1 tags after the
//   last, are cut off (MP3 frames need nothing before or after them).
// - Ogg (Opus or Vorbis): one whose comment header holds any comment is refused, with a message
//   saying how to send it; pages would have to be rewritten with new checksums to clean it.
// audio.ts then reads what is left with music-metadata and refuses the file if any tag is still
// readable.

const refused = (message: string) => new AppError('unsupported_media_type', message, { file: message });

/** Matroska elements that label a recording: blanked wherever they are. */
const WEBM_LABELS = new Set([
  0x1254c367, // Tags
  0x1941a469, // Attachments (cover pictures, anything)
  0x1043a770, // Chapters (their titles)
  0x114d9b74, // SeekHead: an index that may point at the above (readers find the rest without it)
  0x7ba9, // Info's Title
  0x536e, // a track's Name
]);

/** Turns bytes [from, to) into one EBML Void element of the same length. */
function voidOut(bytes: Buffer, from: number, to: number): void {
  const total = to - from;
  // A one-byte size (values up to 126) fits a short element; an eight-byte one fits any other.
  const sizeLength = total - 1 > 8 ? 8 : 1;
  const size = total - 1 - sizeLength;
  bytes.fill(0, from, to);
  bytes[from] = EBML_VOID;
  if (sizeLength === 1) bytes[from + 1] = 0x80 | size;
  else {
    bytes[from + 1] = 0x01;
    bytes.writeUIntBE(Math.floor(size / 2 ** 32), from + 2, 3);
    bytes.writeUInt32BE(size % 2 ** 32, from + 5);
  }
}

function cleanWebm(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (const element of ebmlElements(out)) {
    if (element.id === null) break;
    if (WEBM_LABELS.has(element.id) && element.end !== null && element.end - element.start >= 2)
      voidOut(out, element.start, element.end);
  }
  return out;
}

/** MP4 boxes read into to find labels: the movie, its tracks and their media. */
const MP4_PARENTS = new Set(['moov', 'trak', 'mdia', 'minf']);
const MP4_LABELS = new Set(['udta', 'meta', 'uuid']);

function cleanMp4(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const walk = (from: number, to: number) => {
    let at = from;
    while (at + 8 <= to) {
      let size = out.readUInt32BE(at);
      const type = out.toString('latin1', at + 4, at + 8);
      let header = 8;
      if (size === 1 && at + 16 <= to) {
        size = Number(out.readBigUInt64BE(at + 8));
        header = 16;
      } else if (size === 0) size = to - at;
      if (size < header || at + size > to) return;
      if (MP4_PARENTS.has(type)) walk(at + header, at + size);
      else if (MP4_LABELS.has(type)) {
        out.write('free', at + 4, 'latin1');
        out.fill(0, at + header, at + size);
      }
      at += size;
    }
  };
  walk(0, out.length);
  return out;
}

const syncsafe = (bytes: Buffer, at: number) =>
  ((bytes[at]! & 0x7f) << 21) |
  ((bytes[at + 1]! & 0x7f) << 14) |
  ((bytes[at + 2]! & 0x7f) << 7) |
  (bytes[at + 3]! & 0x7f);

function cleanMp3(bytes: Buffer): Buffer {
  let start = 0;
  // ID3v2 tags (sometimes more than one) before the first frame; a footer flag adds 10 bytes.
  while (start + 10 <= bytes.length && bytes.toString('latin1', start, start + 3) === 'ID3')
    start += 10 + syncsafe(bytes, start + 6) + (bytes[start + 5]! & 0x10 ? 10 : 0);
  let end = bytes.length;
  for (let again = true; again && end > start;) {
    again = false;
    if (end - 128 >= start && bytes.toString('latin1', end - 128, end - 125) === 'TAG') {
      end -= 128; // ID3v1
      again = true;
    } else if (end - 32 >= start && bytes.toString('latin1', end - 32, end - 24) === 'APETAGEX') {
      // An APEv2 footer: its size counts the items and the footer; a header may come before them.
      const size = bytes.readUInt32LE(end - 20);
      const hasHeader = (bytes.readUInt32LE(end - 12) & 0x80000000) !== 0;
      end = Math.max(start, end - size - (hasHeader ? 32 : 0));
      again = true;
    } else if (end - 15 >= start && bytes.toString('latin1', end - 9, end) === 'LYRICS200') {
      end = Math.max(start, end - 15 - Number(bytes.toString('latin1', end - 15, end - 9)));
      again = true;
    }
  }
  return bytes.subarray(start, end);
}

/** The comment header of an Ogg Opus or Vorbis stream: how many comments it holds, if readable. */
function oggComments(bytes: Buffer): number | null {
  // The comment header is the second packet, and starts the second page (Opus, and Vorbis as written).
  let at = 0;
  for (let page = 0; page < 2; page++) {
    if (bytes.toString('latin1', at, at + 4) !== 'OggS' || at + 27 > bytes.length) return null;
    const segments = bytes[at + 26]!;
    let length = 0;
    for (let i = 0; i < segments; i++) length += bytes[at + 27 + i]!;
    const body = at + 27 + segments;
    if (page === 1) {
      const packet = bytes.subarray(body, body + length);
      const magic =
        packet.toString('latin1', 0, 8) === 'OpusTags'
          ? 8
          : packet.toString('latin1', 1, 7) === 'vorbis'
            ? 7
            : 0;
      if (!magic || packet.length < magic + 4) return null;
      const vendor = packet.readUInt32LE(magic);
      if (packet.length < magic + 8 + vendor) return null;
      return packet.readUInt32LE(magic + 4 + vendor);
    }
    at = body + length;
  }
  return null;
}

/**
 * The recording with nothing of its labels left, by its container (audio.ts has read which it is).
 * A file whose labels cannot be taken out is refused with a message saying what to send instead.
 */
export function withoutLabels(
  bytes: Buffer,
  contentType: 'audio/webm' | 'audio/mp4' | 'audio/ogg' | 'audio/mpeg',
): Buffer {
  switch (contentType) {
    case 'audio/webm':
      return cleanWebm(bytes);
    case 'audio/mp4':
      return cleanMp4(bytes);
    case 'audio/mpeg':
      return cleanMp3(bytes);
    case 'audio/ogg': {
      const comments = oggComments(bytes);
      if (comments === null)
        throw refused('We could not read this recording; it may be damaged. Please try recording it again.');
      if (comments > 0)
        throw refused(
          'This Ogg sound file carries labels (a title, a place or a name) that we cannot take out. Please record the voice note in the app, or send it as an MP3 or M4A file.',
        );
      return bytes;
    }
  }
}
