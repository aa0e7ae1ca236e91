import { describe, expect, it } from 'vitest';
import { dayIsPhrase, describeUpcoming, relativeDay, timeSince } from './describe.js';

// 2026-10-13 is a Tuesday.
describe('describeUpcoming', () => {
  it.each([
    ['2026-10-13', 'today'],
    ['2026-10-14', 'tomorrow'],
    ['2026-10-15', 'on Thursday'],
    ['2026-10-19', 'on Monday'],
    ['2026-10-20', 'next Tuesday'],
    ['2026-10-26', 'next Monday'],
    ['2026-10-27', 'in 2 weeks'],
    ['2026-11-02', 'in 3 weeks'],
    ['2026-12-10', 'in 8 weeks'],
    ['2027-01-13', 'in 3 months'],
    ['2026-10-12', 'yesterday'],
    ['2026-10-10', '3 days ago'],
  ])('%s from Tuesday 13 October reads "%s"', (date, words) => {
    expect(describeUpcoming(date, '2026-10-13')).toBe(words);
  });

  it('gives the numbers behind the words', () => {
    expect(relativeDay('2026-10-20', '2026-10-13')).toEqual({
      kind: 'next_week',
      days: 7,
      weekday: 'Tuesday',
    });
  });

  it('builds a calm sentence with the name', () => {
    expect(dayIsPhrase({ name: 'Jack', occurrenceDate: '2026-10-20', today: '2026-10-13' })).toBe(
      "Jack's day is next Tuesday",
    );
    expect(dayIsPhrase({ name: 'Jack', occurrenceDate: '2026-10-13', today: '2026-10-13' })).toBe(
      "Jack's day is today",
    );
  });

  it('never exclaims', () => {
    for (let offset = -5; offset < 400; offset++) {
      const date = new Date(Date.UTC(2026, 9, 13 + offset)).toISOString().slice(0, 10);
      expect(dayIsPhrase({ name: 'Jack', occurrenceDate: date, today: '2026-10-13' })).not.toContain('!');
    }
  });
});

describe('timeSince', () => {
  it('counts whole years and months', () => {
    expect(timeSince('2024-10-15', '2026-10-15')).toEqual({ years: 2, months: 24 });
    expect(timeSince('2024-10-15', '2026-10-14')).toEqual({ years: 1, months: 23 });
    expect(timeSince('2026-05-10', '2026-05-10')).toEqual({ years: 0, months: 0 });
  });

  it('completes a 29 February year on 28 February, as the reminders do', () => {
    expect(timeSince('2024-02-29', '2025-02-28')).toEqual({ years: 1, months: 12 });
    expect(timeSince('2024-02-29', '2025-02-27')).toEqual({ years: 0, months: 11 });
    expect(timeSince('2024-02-29', '2028-02-29')).toEqual({ years: 4, months: 48 });
  });

  it('completes a month on the month’s last day when it is shorter', () => {
    expect(timeSince('2026-01-31', '2026-02-28')).toEqual({ years: 0, months: 1 });
    expect(timeSince('2026-01-31', '2026-04-30')).toEqual({ years: 0, months: 3 });
  });
});
