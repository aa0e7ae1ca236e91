import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateRange,
  formatLocalDateTime,
  formatMoment,
  momentPhrase,
  listWords,
  packedWords,
  untilWords,
  sizeWords,
} from './format.js';
import { possessive } from './words.js';

describe('format', () => {
  it('shows a local date as written, whatever the zone', () => {
    expect(formatDate('2025-06-14')).toBe('14 June 2025');
    expect(formatDate('2026-07-01', { weekday: true })).toMatch(/^Wed,? 1 July 2026$/);
  });

  it('shows ranges and single days', () => {
    // ICU versions differ in the spaces around the dash.
    expect(formatDateRange('2026-07-01', '2026-07-08')).toMatch(/^1\s?–\s?8 July 2026$/);
    expect(formatDateRange('2026-07-01', null)).toBe('1 July 2026');
    expect(formatDateRange(null, null)).toBeNull();
  });

  it('shows a departure as the clock on the wall where it leaves', () => {
    expect(formatLocalDateTime('2026-07-01T09:30')).toMatch(/^Wed,? 1 July 2026, 09:30$/);
  });

  it('shows a moment as a time today and with its date otherwise', () => {
    const now = new Date('2026-07-01T15:00:00Z');
    expect(formatMoment('2026-07-01T13:02:00Z', now, 'Europe/London')).toBe('14:02');
    expect(formatMoment('2026-06-28T13:02:00Z', now, 'Europe/London')).toBe('28 June, 14:02');
  });

  it('says when something was confirmed, with its day whenever it is not today', () => {
    const now = new Date('2026-07-01T15:00:00Z');
    const at = (iso: string, zone = 'Europe/London', when = now) => momentPhrase(iso, when, zone);
    expect(at('2026-07-01T13:02:00Z')).toBe('at 14:02');
    expect(at('2026-06-30T21:31:00Z')).toBe('yesterday at 22:31');
    expect(at('2026-07-02T17:00:00Z')).toBe('tomorrow at 18:00');
    // Three weeks before: never a bare "at 22:31" that reads as last night.
    expect(at('2026-06-09T21:31:00Z')).toBe('on Tue 9 Jun at 22:31');
    expect(at('2025-12-03T22:31:00Z')).toBe('on Wed 3 Dec 2025 at 22:31');
    // The day is the device's: 23:30 UTC is already tomorrow in Madrid, still today in New York.
    expect(at('2026-07-01T23:30:00Z', 'Europe/Madrid')).toBe('tomorrow at 01:30');
    expect(at('2026-07-01T23:30:00Z', 'America/New_York')).toBe('at 19:30');
    // Yesterday across the night the clocks go back (a 25-hour day in London).
    expect(at('2026-10-24T22:00:00Z', 'Europe/London', new Date('2026-10-25T23:30:00Z'))).toBe(
      'yesterday at 23:00',
    );
    expect(at('2026-07-01T23:05:00Z', 'Europe/London')).toBe('tomorrow at 00:05');
  });

  it('says the day alone when asked', () => {
    const now = new Date('2026-07-01T15:00:00Z');
    const day = (iso: string) => momentPhrase(iso, now, 'Europe/London', { time: false });
    expect(day('2026-07-01T08:00:00Z')).toBe('today');
    expect(day('2026-06-30T08:00:00Z')).toBe('yesterday');
    expect(day('2026-06-09T21:31:00Z')).toBe('on Tue 9 Jun');
  });

  it('counts what is packed, never as a score', () => {
    expect(packedWords(3, 5)).toBe('3 of 5 packed');
    expect(packedWords(0, 0)).toBe('Nothing on the list yet');
  });

  it('says how long until a departure in words', () => {
    const now = new Date('2026-07-01T09:00:00Z');
    expect(untilWords('2026-07-01T12:00:00Z', now)).toBe('in a few hours');
    expect(untilWords('2026-07-02T09:00:00Z', now)).toBe('tomorrow');
    expect(untilWords('2026-07-06T09:00:00Z', now)).toBe('in 5 days');
    expect(untilWords('2026-06-30T09:00:00Z', now)).toBeNull();
  });

  it('joins names and makes possessives', () => {
    expect(listWords(['Anna'])).toBe('Anna');
    expect(listWords(['Anna', 'Mia', 'Sam'])).toBe('Anna, Mia and Sam');
    expect(possessive('Jack')).toBe("Jack's");
    expect(possessive('James')).toBe("James'");
  });
});

describe('room in words', () => {
  it('says megabytes as the server counts them, never less than 0.1', () => {
    expect(sizeWords(0)).toBe('0 MB');
    expect(sizeWords(2000)).toBe('0.1 MB');
    expect(sizeWords(4.24 * 1024 * 1024)).toBe('4.2 MB');
    expect(sizeWords(120 * 1024 * 1024)).toBe('120 MB');
    expect(sizeWords(1024 * 1024 * 1024)).toBe('1,024 MB');
  });
});
