import { describe, expect, it } from 'vitest';
import { photoProblem } from './uploads.js';

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
