import { describe, expect, it } from 'vitest';
import { datesLine, suggestCaption, wholeYears } from './wording.js';

const jack = { name: 'Jack', dateOfBirth: '2020-03-14', dateOfDeath: '2020-04-02' };

describe('a tribute says the dates in the family’s wording', () => {
  it('says "would have been 6 today" on the birthday, and the day', () => {
    expect(datesLine('would_have_been', jack, '2026-03-14')).toBe('Would have been 6 today · 14 March 2026');
    expect(datesLine('would_have_been', jack, '2026-03-13')).toBe('Would have been 5 · 13 March 2026');
  });

  it('says the years since they died, "today" on the anniversary', () => {
    expect(datesLine('years_since', jack, '2026-04-02')).toBe('Died 6 years ago today · 2 April 2026');
    expect(datesLine('years_since', jack, '2021-05-01')).toBe('1 year since they died · 1 May 2021');
  });

  it('falls back to the dates the family gave when the wording cannot be said', () => {
    const noBirth = { name: 'Nell', dateOfBirth: null, dateOfDeath: '2020-05-06' };
    expect(datesLine('would_have_been', noBirth, '2026-05-06')).toBe('Died 6 May 2020');
    expect(datesLine('years_since', jack, '2020-04-10')).toBe('14 March 2020 – 2 April 2020');
    expect(datesLine('dates', jack, '2026-01-01')).toBe('14 March 2020 – 2 April 2020');
    expect(datesLine('name_only', jack, '2026-01-01')).toBeNull();
    expect(datesLine('dates', { name: 'A', dateOfBirth: null, dateOfDeath: null }, '2026-01-01')).toBeNull();
  });

  it('counts whole years across leap days', () => {
    expect(wholeYears('2020-02-29', '2021-02-28')).toBe(0);
    expect(wholeYears('2020-02-29', '2021-03-01')).toBe(1);
  });

  it('keeps the full words in the suggested caption', () => {
    const words = 'word '.repeat(80).trim();
    expect(suggestCaption('Jack', 'Would have been 6 today · 14 March 2026', words)).toBe(
      `${words}\n\nRemembering Jack · Would have been 6 today · 14 March 2026`,
    );
    expect(suggestCaption('Jack', null, null)).toBe('Remembering Jack');
  });
});
