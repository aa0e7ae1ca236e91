import { createHash } from 'node:crypto';
import { parseBuffer } from 'music-metadata';
import { voiceNoteLimits } from '../../../contracts/memory-box.js';
import { AppError } from '../../errors.js';
import { withoutLabels } from './audio-tags.js';
import { fragmentedMp4Seconds, webmFacts } from './recorded-duration.js';

/** A voice note as it is kept: the recording itself (never re-encoded), its type and its length. */
export interface VoiceNote {
  contentType: 'audio/webm' | 'audio/mp4' | 'audio/ogg' | 'audio/mpeg';
  seconds: number;
  data: Buffer;
  digest: string;
}

const refused = (message: string) => new AppError('unsupported_media_type', message, { file: message });
const TYPES = 'a recording from this app, or an MP3, M4A, Ogg or WebM sound file';

/** "3 minutes", "90 seconds", "1 second". */
const lengthWords = (seconds: number) =>
  seconds % 60 === 0 && seconds >= 60
    ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}`
    : `${seconds} second${seconds === 1 ? '' : 's'}`;

/** What the bytes are, from their first bytes, never from the name or the type the phone gave. */
function containerOf(bytes: Buffer): VoiceNote['contentType'] | null {
  if (bytes.length < 12) return null;
  if (bytes.readUInt32BE(0) === 0x1a45dfa3) return 'audio/webm';
  if (bytes.toString('latin1', 4, 8) === 'ftyp') return 'audio/mp4';
  if (bytes.toString('latin1', 0, 4) === 'OggS') return 'audio/ogg';
  if (bytes.toString('latin1', 0, 3) === 'ID3' || (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0))
    return 'audio/mpeg';
  return null;
}

/** What the library reads: the format (sound only? how long?) and any labels still in it. */
async function libraryFacts(bytes: Buffer, contentType: string) {
  try {
    return await parseBuffer(bytes, { mimeType: contentType, size: bytes.length }, { duration: true });
  } catch {
    return null;
  }
}

/** A label the library still finds (an Ogg stream's encoder name, its `vendor`, is not one). */
const labelsLeft = (native: Record<string, Array<{ id: string }>>) =>
  Object.values(native).some((tags) => tags.some((tag) => tag.id !== 'vendor'));

/**
 * Checks a voice note by its content: one of the types browsers record (WebM/Opus from Chrome and
 * Firefox, MP4 from Safari) or a common sound file (MP3, Ogg), sound only, and no longer than the
 * cap, measured from the recording itself. Anything else is refused with a message saying what to do.
 */
export async function readVoiceNote(
  bytes: Buffer,
  limits: { maxSeconds: number; maxBytes: number } = voiceNoteLimits,
): Promise<VoiceNote> {
  if (bytes.length > limits.maxBytes)
    throw refused(
      `This recording is too large to keep. Please keep voice notes to ${lengthWords(limits.maxSeconds)} or less.`,
    );
  const contentType = containerOf(bytes);
  if (!contentType) throw refused(`We could not play this as a voice note. Please send ${TYPES}.`);
  // Titles, names, places and pictures the file carries are taken out first (audio-tags.ts), and
  // what is left is what is measured and kept.
  const data = withoutLabels(bytes, contentType);

  let seconds: number | null | undefined;
  if (contentType === 'audio/webm') {
    const facts = webmFacts(data);
    if (facts && facts.codecs.some((codec) => !codec.startsWith('A_')))
      throw refused('Please send a recording of sound only, not a video.');
    seconds = facts?.seconds;
  } else {
    const read = await libraryFacts(data, contentType);
    const format = read?.format;
    if (format?.hasVideo) throw refused('Please send a recording of sound only, not a video.');
    if (read && labelsLeft(read.native))
      throw refused(
        'This sound file carries labels (a title, a place or a name) that we could not take out. Please record the voice note in the app instead.',
      );
    if (format && format.hasAudio !== false)
      seconds =
        contentType === 'audio/mp4' ? (fragmentedMp4Seconds(data) ?? format.duration) : format.duration;
  }
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0)
    throw refused('We could not read this recording; it may be damaged. Please try recording it again.');
  if (seconds > limits.maxSeconds + 0.5)
    throw refused(
      `This recording is longer than ${lengthWords(limits.maxSeconds)}. Please keep voice notes to ${lengthWords(limits.maxSeconds)} or less.`,
    );
  return {
    contentType,
    seconds: Math.max(1, Math.round(seconds)),
    data,
    digest: createHash('sha256').update(data).digest('base64url').slice(0, 32),
  };
}
