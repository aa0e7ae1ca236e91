import { describe, expect, it } from 'vitest';
import { fromStored, photoProblem } from './uploads.js';

// What the photo picker refuses before anything is kept (the server checks again, from the bytes).
describe('a photo the picker can take', () => {
  it('takes a JPEG, PNG or WebP up to 25 MB', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp'])
      expect(photoProblem({ type, size: 25 * 1024 * 1024 })).toBeNull();
  });

  it('refuses anything else, or anything larger, kindly', () => {
    for (const type of ['image/heic', 'image/svg+xml', 'text/html', 'application/pdf', ''])
      expect(photoProblem({ type, size: 1000 })).toMatch(
        /isn’t a photo Alongside can keep\. Please choose a JPEG/,
      );
    expect(photoProblem({ type: 'image/jpeg', size: 25 * 1024 * 1024 + 1 })).toMatch(
      /larger than 25 MB\. Please choose a smaller one/,
    );
  });
});

// A phone updated with photos still waiting keeps them: they were kept before drawings and voice
// notes used the queue, with no target and their photo's id as `mediaId`.
describe('a file kept by an earlier version of the app', () => {
  const blob = new Blob(['x'], { type: 'image/jpeg' });
  const earlier = {
    key: 'k'.repeat(20),
    memberId: 'm',
    blob,
    keptAt: '2026-12-06T10:00:00.000Z',
    refused: null,
  };

  it('is a ritual’s photo, sent or not', () => {
    expect(fromStored({ ...earlier, mediaId: null })).toMatchObject({
      target: { kind: 'photo' },
      savedId: null,
    });
    expect(fromStored({ ...earlier, mediaId: 'photo-1' })).toMatchObject({ savedId: 'photo-1' });
    expect(fromStored({ ...earlier, mediaId: 'photo-1' })).not.toHaveProperty('mediaId');
  });

  it('keeps where a newer one goes', () => {
    const target = { kind: 'drawing', lovedOneId: 'jack' } as const;
    expect(fromStored({ ...earlier, target, savedId: 'item-1' })).toMatchObject({
      target,
      savedId: 'item-1',
    });
  });
});
