import { describe, expect, it } from 'vitest';
import { daySchema } from './day.js';
import { occurrencesBetween } from './occurrences.js';
import { makeDay } from './test/make-day.js';

const dates = (occurrences: { date: string }[]) => occurrences.map((o) => o.date);

describe('occurrencesBetween', () => {
  it('observes 29 February on 28 February in common years', () => {
    const day = makeDay({ anchorDate: '2024-02-29' });
    expect(dates(occurrencesBetween(day, '2024-01-01', '2029-12-31'))).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
      '2029-02-28',
    ]);
  });

  it('never gives a date before the day first happened', () => {
    const day = makeDay({ anchorDate: '2025-03-12' });
    expect(dates(occurrencesBetween(day, '2020-01-01', '2026-12-31'))).toEqual(['2025-03-12', '2026-03-12']);
    expect(occurrencesBetween(day, '2020-01-01', '2025-03-11')).toEqual([]);
  });

  it('includes both ends of the range', () => {
    const day = makeDay({ anchorDate: '2025-03-12' });
    expect(dates(occurrencesBetween(day, '2026-03-12', '2027-03-12'))).toEqual(['2026-03-12', '2027-03-12']);
  });

  it('keeps a monthly day on the 31st on each month’s last day when the month is shorter', () => {
    const day = makeDay({ anchorDate: '2026-01-31', recurrence: 'monthly' });
    expect(dates(occurrencesBetween(day, '2026-01-01', '2026-06-30'))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
    expect(dates(occurrencesBetween(day, '2028-02-01', '2028-03-01'))).toEqual(['2028-02-29']);
  });

  it('comes back to the 30th after a short February', () => {
    const day = makeDay({ anchorDate: '2026-01-30', recurrence: 'monthly' });
    expect(dates(occurrencesBetween(day, '2026-02-01', '2026-04-30'))).toEqual([
      '2026-02-28',
      '2026-03-30',
      '2026-04-30',
    ]);
  });

  it('gives a one-off day once', () => {
    const day = makeDay({ anchorDate: '2026-07-01', recurrence: 'once' });
    expect(dates(occurrencesBetween(day, '2020-01-01', '2040-01-01'))).toEqual(['2026-07-01']);
    expect(occurrencesBetween(day, '2026-07-02', '2040-01-01')).toEqual([]);
  });

  it('gives the local start for timed days', () => {
    const day = makeDay({
      anchorDate: '2020-10-15',
      startTime: '19:00',
      durationMinutes: 60,
      zone: 'America/New_York',
    });
    expect(occurrencesBetween(day, '2026-01-01', '2027-12-31')).toEqual([
      { date: '2026-10-15', startLocal: '2026-10-15T19:00' },
      { date: '2027-10-15', startLocal: '2027-10-15T19:00' },
    ]);
  });

  it('follows a weekday rule: the second Sunday of December', () => {
    const day = makeDay({ anchorDate: '2020-12-13', weekdayRule: { nth: 2, weekday: 7 } });
    expect(dates(occurrencesBetween(day, '2026-01-01', '2028-12-31'))).toEqual([
      '2026-12-13',
      '2027-12-12',
      '2028-12-10',
    ]);
  });

  it('follows a weekday rule: the last Monday of May', () => {
    const day = makeDay({ anchorDate: '2026-05-25', weekdayRule: { nth: -1, weekday: 1 } });
    expect(dates(occurrencesBetween(day, '2026-01-01', '2027-12-31'))).toEqual(['2026-05-25', '2027-05-31']);
  });
});

describe('daySchema', () => {
  const base = {
    key: 'k',
    kind: 'custom',
    title: 'A day',
    anchorDate: '2026-05-03',
    recurrence: 'yearly',
    zone: 'Europe/London',
  };

  it('accepts a plain day', () => {
    expect(daySchema.safeParse(base).success).toBe(true);
  });

  it.each([
    ['a date that does not exist', { anchorDate: '2027-02-29' }],
    ['an unknown zone', { zone: 'Mars/Olympus' }],
    ['a time that is not a time', { startTime: '24:00' }],
    ['minutes without a start time', { durationMinutes: 30 }],
    ['days on a timed day', { startTime: '19:00', durationDays: 2 }],
    ['a weekday rule on a monthly day', { recurrence: 'monthly', weekdayRule: { nth: 1, weekday: 7 } }],
    [
      'an anchor that does not follow its weekday rule',
      { anchorDate: '2026-05-04', weekdayRule: { nth: 1, weekday: 7 } },
    ],
    [
      'a fifth weekday, which not every month has',
      { anchorDate: '2026-05-31', weekdayRule: { nth: 5, weekday: 7 } },
    ],
  ])('refuses %s', (_label, change) => {
    expect(daySchema.safeParse({ ...base, ...change }).success).toBe(false);
  });
});
