import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readVoiceNote } from './audio.js';

// Real recordings: `voice-2s.webm` and `voice-2s.m4a` were recorded by Chromium's MediaRecorder
// (a tone, 2 seconds; WebM/Opus as Chrome records by default, and MP4 in fragments, as MP4
// recorders write it); `pluck.wav` is CPython's test sound.
const sample = (name: string) => readFileSync(new URL(`./test-audio/${name}`, import.meta.url));

describe('a voice note', () => {
  it("reads Chrome's WebM recording, which states no duration, by its timestamps", async () => {
    const note = await readVoiceNote(sample('voice-2s.webm'));
    expect(note.contentType).toBe('audio/webm');
    expect(note.seconds).toBe(2);
  });

  it('reads an MP4 recording written in fragments by adding up its samples', async () => {
    const note = await readVoiceNote(sample('voice-2s.m4a'));
    expect(note.contentType).toBe('audio/mp4');
    expect(note.seconds).toBe(2);
  });

  it('refuses a recording longer than the cap, saying the cap', async () => {
    const limits = { maxSeconds: 60, maxBytes: 10_000_000 };
    // The same recording measured against a cap it fits, and one it does not (a cap of one second).
    await expect(readVoiceNote(sample('voice-2s.webm'), limits)).resolves.toBeTruthy();
    await expect(readVoiceNote(sample('voice-2s.webm'), { ...limits, maxSeconds: 1 })).rejects.toThrow(
      'This recording is longer than 1 second. Please keep voice notes to 1 second or less.',
    );
    await expect(readVoiceNote(sample('voice-2s.m4a'), { ...limits, maxSeconds: 1 })).rejects.toThrow(
      /longer than/,
    );
  });

  it('says the real cap: three minutes', async () => {
    const { voiceNoteLimits } = await import('../../../contracts/memory-box.js');
    expect(voiceNoteLimits.maxSeconds).toBe(180);
    await expect(readVoiceNote(sample('voice-2s.webm'), { maxSeconds: 180, maxBytes: 10 })).rejects.toThrow(
      'Please keep voice notes to 3 minutes or less.',
    );
  });

  it('refuses what is not a voice note by its content, whatever it is called', async () => {
    for (const bytes of [
      sample('pluck.wav'),
      Buffer.from('<!doctype html><title>x</title><script>alert(1)</script>'),
      Buffer.from('OggS but not really an Ogg file at all, just words'),
      Buffer.alloc(0),
    ])
      await expect(readVoiceNote(bytes)).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses a recording cut short before any sound', async () => {
    await expect(readVoiceNote(sample('voice-2s.webm').subarray(0, 200))).rejects.toThrow(/could not read/);
  });
});
