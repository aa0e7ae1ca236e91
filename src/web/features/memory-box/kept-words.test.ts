import { describe, expect, it } from 'vitest';
import type { KeptUpload } from '../../lib/uploads.js';
import { waitingWords } from './KeptForTheBox.js';

const kept = (kind: 'drawing' | 'voice'): KeptUpload => ({
  key: 'k',
  memberId: 'm',
  blob: new Blob([]),
  keptAt: '',
  target: { kind, lovedOneId: 'jack' },
  savedId: null,
  refused: null,
});

describe('what waits on the phone, in words', () => {
  it('counts drawings and voice notes calmly', () => {
    expect(waitingWords([kept('drawing')])).toBe('Waiting to send 1 drawing — it’s safe on this phone.');
    expect(waitingWords([kept('drawing'), kept('drawing'), kept('voice')])).toBe(
      'Waiting to send 2 drawings and 1 voice note — they’re safe on this phone.',
    );
  });
});
