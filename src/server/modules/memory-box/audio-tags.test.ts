import { readFileSync } from 'node:fs';
import { parseBuffer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { readVoiceNote } from './audio.js';
import { webmFacts } from './recorded-duration.js';

// Tags inside a sound file can carry names and places. Each file here is a real recording (the
// Chromium recordings beside audio.test.ts) or real MP3 frames, given tags as tagging tools write
// them: a title naming a grave and a comment or location with coordinates. What is kept has none of
// it: the words are nowhere in its bytes, music-metadata reads no tag in it, and it still measures
// the same length. The checks fail on the files as they came in.

const sample = (name: string) => readFileSync(new URL(`./test-audio/${name}`, import.meta.url));
const TITLE = 'At Jack’s grave, Highgate';
const PLACE = '+51.5674-000.1470/';
const words = [Buffer.from(TITLE), Buffer.from(PLACE)];
const carries = (bytes: Buffer) => words.some((w) => bytes.includes(w));

// ---- MP4: an iTunes title and an ISO 6709 location (©xyz), in moov/udta as phones write them ----
const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
};
const full = Buffer.alloc(4); // version and flags
function m4aWithTags(): Buffer {
  const file = sample('voice-2s.m4a');
  const title = box('©nam', box('data', Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]), Buffer.from(TITLE)));
  const udta = box(
    'udta',
    box('©xyz', Buffer.from([0, PLACE.length, 0x15, 0xc7]), Buffer.from(PLACE)),
    box(
      'meta',
      full,
      box('hdlr', full, Buffer.alloc(4), Buffer.from('mdir'), Buffer.alloc(13)),
      box('ilst', title),
    ),
  );
  // Into the movie box (the first after ftyp), whose size grows by the new box.
  const moovAt = file.readUInt32BE(0);
  const moov = file.subarray(moovAt, moovAt + file.readUInt32BE(moovAt));
  const grown = Buffer.concat([moov, udta]);
  grown.writeUInt32BE(grown.length);
  return Buffer.concat([file.subarray(0, moovAt), grown, file.subarray(moovAt + moov.length)]);
}

// ---- WebM: a Tags element (TITLE and COMMENT) after the clusters, as mkvpropedit adds one ----
const ebml = (id: number, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const idBytes = Buffer.from(
    id
      .toString(16)
      .padStart(2, '0')
      .replace(/^(.(..)*)$/, '0$1'),
    'hex',
  );
  const size = Buffer.alloc(8);
  size.writeUInt32BE(0x01000000, 0);
  size.writeUInt32BE(body.length, 4);
  return Buffer.concat([idBytes, size, body]);
};
const simpleTag = (name: string, value: string) =>
  ebml(0x67c8, ebml(0x45a3, Buffer.from(name)), ebml(0x4487, Buffer.from(value)));
const webmWithTags = () =>
  Buffer.concat([
    sample('voice-2s.webm'),
    ebml(0x1254c367, ebml(0x7373, simpleTag('TITLE', TITLE), simpleTag('COMMENT', PLACE))),
  ]);

// ---- MP3: real MPEG-1 Layer III frames (128 kb/s, 44.1 kHz, silent), with ID3v2.3 and ID3v1 ----
function mp3WithTags(): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  const frames = Buffer.concat(Array.from({ length: 100 }, () => frame)); // about 2.6 seconds
  const id3Frame = (id: string, body: Buffer) => {
    const head = Buffer.alloc(10);
    head.write(id, 0, 'latin1');
    head.writeUInt32BE(body.length, 4);
    return Buffer.concat([head, body]);
  };
  const latin = (text: string) => Buffer.from(text.replace('’', "'"), 'latin1');
  const tags = Buffer.concat([
    id3Frame('TIT2', Buffer.concat([Buffer.from([0]), latin(TITLE)])),
    id3Frame('COMM', Buffer.concat([Buffer.from([0]), Buffer.from('eng\0'), latin(PLACE)])),
  ]);
  const header = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
  header[8] = (tags.length >> 7) & 0x7f;
  header[9] = tags.length & 0x7f;
  const v1 = Buffer.alloc(128);
  v1.write('TAG', 0, 'latin1');
  v1.write("At Jack's grave, Highgate", 3, 'latin1');
  v1.write(PLACE, 97, 'latin1');
  return Buffer.concat([header, tags, frames, v1]);
}
const latinWords = [Buffer.from("At Jack's grave, Highgate", 'latin1'), Buffer.from(PLACE)];

const tagsRead = async (bytes: Buffer, mimeType: string) => {
  const { native } = await parseBuffer(bytes, { mimeType, size: bytes.length });
  return Object.values(native).flat();
};

describe('tags inside a voice note', () => {
  it('are taken out of an M4A: title and location gone, the recording as long as before', async () => {
    const tagged = m4aWithTags();
    expect(carries(tagged)).toBe(true);
    expect((await tagsRead(tagged, 'audio/mp4')).length).toBeGreaterThan(0);
    const note = await readVoiceNote(tagged);
    expect(note.contentType).toBe('audio/mp4');
    expect(carries(note.data)).toBe(false);
    expect(await tagsRead(note.data, 'audio/mp4')).toEqual([]);
    expect(note.seconds).toBe(2);
    expect(note.data.length).toBe(tagged.length); // blanked in place: every offset still holds
  });

  it('are taken out of a WebM: its Tags become padding every reader skips', async () => {
    const tagged = webmWithTags();
    expect(carries(tagged)).toBe(true);
    const note = await readVoiceNote(tagged);
    expect(carries(note.data)).toBe(false);
    expect(note.seconds).toBe(2);
    expect(webmFacts(note.data)).toEqual(webmFacts(sample('voice-2s.webm')));
  });

  it('are taken out of an MP3: the ID3v2 and ID3v1 tags are cut off, the frames kept', async () => {
    const tagged = mp3WithTags();
    expect(latinWords.some((w) => tagged.includes(w))).toBe(true);
    const before = await tagsRead(tagged, 'audio/mpeg');
    expect(before.map((tag) => tag.id)).toEqual(expect.arrayContaining(['TIT2', 'COMM', 'title']));
    const note = await readVoiceNote(tagged);
    expect(note.contentType).toBe('audio/mpeg');
    expect(latinWords.some((w) => note.data.includes(w))).toBe(false);
    expect(await tagsRead(note.data, 'audio/mpeg')).toEqual([]);
    expect(note.data.length).toBe(100 * 417);
    expect(note.seconds).toBe(3);
  });

  it('leave an untagged recording exactly as it was', async () => {
    for (const name of ['voice-2s.webm', 'voice-2s.m4a'])
      expect((await readVoiceNote(sample(name))).data.equals(sample(name))).toBe(true);
  });

  it('refuse an Ogg file carrying comments, saying what to send instead', async () => {
    const page = (body: Buffer) =>
      Buffer.concat([Buffer.from('OggS'), Buffer.alloc(22), Buffer.from([1, body.length]), body]);
    const head = Buffer.concat([
      Buffer.from('OpusHead'),
      Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0]),
    ]);
    const vendor = Buffer.from('libopus');
    const comment = Buffer.from(`TITLE=${TITLE}`);
    const lengths = Buffer.alloc(12);
    lengths.writeUInt32LE(vendor.length, 0);
    const tags = Buffer.concat([
      Buffer.from('OpusTags'),
      lengths.subarray(0, 4),
      vendor,
      Buffer.from([1, 0, 0, 0]),
    ]);
    const lengthOfComment = Buffer.alloc(4);
    lengthOfComment.writeUInt32LE(comment.length);
    const ogg = Buffer.concat([page(head), page(Buffer.concat([tags, lengthOfComment, comment]))]);
    await expect(readVoiceNote(ogg)).rejects.toThrow(
      /carries labels .* Please record the voice note in the app/,
    );
  });
});
