import { describe, expect, it } from 'vitest';
import { itemLabel, lengthWords } from './words.js';

describe("a memory box item's label", () => {
  it("gives the child's name, their age and the day", () => {
    expect(itemLabel({ byName: 'Mia', byAge: 7, createdAt: '2026-12-06T10:00:00.000Z' }, 'UTC')).toBe(
      'Mia, 7 · 6 December 2026',
    );
  });
  it('gives the day where the phone is', () => {
    const late = { byName: 'Mia', byAge: 7, createdAt: '2026-12-06T23:30:00.000Z' };
    expect(itemLabel(late, 'Europe/London')).toBe('Mia, 7 · 6 December 2026');
    expect(itemLabel(late, 'Europe/Madrid')).toBe('Mia, 7 · 7 December 2026');
  });
  it('gives the name and the day when no birth month was given', () => {
    expect(itemLabel({ byName: 'Sam', byAge: null, createdAt: '2026-12-06T10:00:00.000Z' }, 'UTC')).toBe(
      'Sam · 6 December 2026',
    );
  });
});

describe("a voice note's length", () => {
  it.each([
    [1, '1 second'],
    [2, '2 seconds'],
    [60, '1 minute'],
    [65, '1 minute 5 seconds'],
    [180, '3 minutes'],
  ])('%s s is %s', (seconds, words) => {
    expect(lengthWords(seconds)).toBe(words);
  });
});
