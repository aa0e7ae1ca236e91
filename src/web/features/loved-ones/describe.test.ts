import { describe, expect, it } from 'vitest';
import type { LovedOne } from '../../../contracts/loved-ones.js';
import { datesThatMatter, removalWords } from './describe.js';

const jack = {
  kind: 'pregnancy_loss',
  dateOfLoss: '2025-03-10',
  dateOfBirth: '2025-03-14',
  dueDate: '2025-07-20',
  gestationWeeks: 20,
  lossCountry: 'GB',
  dateOfDeath: null,
} as unknown as LovedOne;

describe('the dates that matter, in plain words', () => {
  it('a baby who died before birth: the day he died, the day he was born, when he would have been due', () => {
    expect(datesThatMatter(jack).map(([label]) => label)).toEqual([
      'Died',
      'Born',
      'Would have been due',
      'Weeks of pregnancy',
      'Where it happened',
    ]);
  });

  it('leaves out what was not given, and never says "Date of loss"', () => {
    const labels = datesThatMatter({ ...jack, dateOfBirth: null, dueDate: null }).map(([label]) => label);
    expect(labels).toEqual(['Died', 'Weeks of pregnancy', 'Where it happened']);
    expect(labels).not.toContain('Date of loss');
  });
});

describe('what else deleting a loved one removes, said first', () => {
  const none = { drawings: 0, letters: 0, voiceNotes: 0, photos: 0, bytes: 0 };

  it('counts the memory box and the photos kept only for them, with the room they take', () => {
    expect(
      removalWords('Jack', { drawings: 2, letters: 1, voiceNotes: 1, photos: 3, bytes: 4.2 * 1024 * 1024 }),
    ).toBe(
      "It also removes 2 drawings, 1 letter and 1 voice note from Jack's memory box, and 3 photos kept only for Jack (from rituals and tributes): 4.2 MB of your family’s room.",
    );
    expect(removalWords('James', { ...none, letters: 2, bytes: 0 })).toBe(
      "It also removes 2 letters from James' memory box.",
    );
    expect(removalWords('Jack', { ...none, photos: 1, bytes: 300_000 })).toBe(
      'It also removes 1 photo kept only for Jack (from rituals and tributes): 0.3 MB of your family’s room.',
    );
  });

  it('says nothing more when nothing more goes', () => {
    expect(removalWords('Jack', none)).toBeNull();
  });
});
