import { describe, expect, it } from 'vitest';
import type { Lead } from './day.js';
import { nextDueInstant, type NextDueInput } from './reminders.js';
import { makeDay, utc } from './test/make-day.js';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function due(input: Partial<NextDueInput> & Pick<NextDueInput, 'day'>) {
  const result = nextDueInstant({
    lead: 'on_day',
    remindAt: '09:00',
    zone: input.day.zone,
    after: utc('2026-01-01T00:00:00Z'),
    ...input,
  });
  return result && { ...result, at: iso(result.dueUtcMs) };
}

const waveOfLight = (zone: string) =>
  makeDay({
    key: 'wave',
    kind: 'awareness',
    title: 'Wave of Light',
    anchorDate: '2020-10-15',
    startTime: '19:00',
    durationMinutes: 60,
    zone,
  });

describe('nextDueInstant: all-day days at the member’s chosen time', () => {
  it('fires on the day at the chosen local time', () => {
    const result = due({ day: makeDay({ anchorDate: '2025-03-12', zone: 'Europe/London' }) });
    expect(result).toEqual({
      dueUtcMs: utc('2026-03-12T09:00:00Z'),
      occurrenceDate: '2026-03-12',
      localDueIso: '2026-03-12T09:00:00.000+00:00',
      zone: 'Europe/London',
      at: '2026-03-12T09:00:00.000Z',
    });
  });

  it('is strictly after `after`, so advancing from a fired reminder gives the next year', () => {
    const day = makeDay({ anchorDate: '2025-03-12' });
    const first = due({ day });
    expect(first?.at).toBe('2026-03-12T09:00:00.000Z');
    expect(due({ day, after: first?.dueUtcMs })?.at).toBe('2027-03-12T09:00:00.000Z');
    expect(due({ day, after: (first?.dueUtcMs ?? 0) - 1 })?.at).toBe('2026-03-12T09:00:00.000Z');
  });

  it('reads the day on the member’s own calendar, not the zone the day was saved in', () => {
    const day = makeDay({ anchorDate: '2025-03-12', zone: 'Australia/Sydney' });
    expect(due({ day, zone: 'America/New_York' })?.at).toBe('2026-03-12T13:00:00.000Z'); // 09:00 EDT
  });

  it.each<[Lead, string]>([
    ['on_day', '2026-03-12T09:00:00.000Z'],
    ['day_before', '2026-03-11T09:00:00.000Z'],
    ['week_before', '2026-03-05T09:00:00.000Z'],
  ])('%s', (lead, expected) => {
    expect(due({ day: makeDay({ anchorDate: '2025-03-12' }), lead })?.at).toBe(expected);
  });

  it('keeps the wall-clock time when a week before crosses a DST change (New York)', () => {
    // 2026-03-10 is in EDT; a week earlier, 3 March, is still EST.
    const day = makeDay({ anchorDate: '2025-03-10', zone: 'America/New_York' });
    expect(due({ day, lead: 'week_before' })?.localDueIso).toBe('2026-03-03T09:00:00.000-05:00');
    expect(due({ day, lead: 'on_day' })?.localDueIso).toBe('2026-03-10T09:00:00.000-04:00');
  });

  it('returns null once a one-off day has passed', () => {
    const day = makeDay({ anchorDate: '2026-03-12', recurrence: 'once' });
    const first = due({ day });
    expect(first?.occurrenceDate).toBe('2026-03-12');
    expect(due({ day, after: first?.dueUtcMs })).toBeNull();
  });

  it('keeps a monthly day on the 31st on the month’s last day', () => {
    const day = makeDay({ anchorDate: '2026-01-31', recurrence: 'monthly' });
    expect(due({ day, after: utc('2026-02-01T00:00:00Z') })?.occurrenceDate).toBe('2026-02-28');
    expect(due({ day, after: utc('2026-03-01T00:00:00Z') })?.occurrenceDate).toBe('2026-03-31');
  });
});

describe('nextDueInstant: 29 February', () => {
  const day = makeDay({ anchorDate: '2024-02-29', zone: 'Europe/London' });

  it('reminds on 28 February in a common year (2027)', () => {
    expect(due({ day, after: utc('2027-01-01T00:00:00Z') })).toMatchObject({
      occurrenceDate: '2027-02-28',
      at: '2027-02-28T09:00:00.000Z',
    });
    expect(due({ day, lead: 'day_before', after: utc('2027-01-01T00:00:00Z') })?.at).toBe(
      '2027-02-27T09:00:00.000Z',
    );
  });

  it('reminds on 29 February in a leap year (2028), never skipping a year', () => {
    const in2027 = due({ day, after: utc('2027-01-01T00:00:00Z') });
    const in2028 = due({ day, after: in2027?.dueUtcMs });
    expect(in2028).toMatchObject({ occurrenceDate: '2028-02-29', at: '2028-02-29T09:00:00.000Z' });
    expect(due({ day, after: in2028?.dueUtcMs })?.occurrenceDate).toBe('2029-02-28');
  });
});

describe('nextDueInstant: daylight saving gaps and overlaps', () => {
  // The member's chosen time falls in the gap or the overlap on the change day itself.
  it.each([
    // [zone, anchor, remindAt, expected UTC, expected local]
    ['America/New_York', '2025-03-08', '02:30', '2026-03-08T07:30:00.000Z', '2026-03-08T03:30:00.000-04:00'],
    ['America/New_York', '2025-03-14', '02:30', '2027-03-14T07:30:00.000Z', '2027-03-14T03:30:00.000-04:00'],
    ['Europe/London', '2025-03-29', '01:30', '2026-03-29T01:30:00.000Z', '2026-03-29T02:30:00.000+01:00'],
    ['Europe/London', '2025-03-28', '01:30', '2027-03-28T01:30:00.000Z', '2027-03-28T02:30:00.000+01:00'],
    ['Australia/Sydney', '2025-10-04', '02:30', '2026-10-03T16:30:00.000Z', '2026-10-04T03:30:00.000+11:00'],
    ['Australia/Sydney', '2025-10-03', '02:30', '2027-10-02T16:30:00.000Z', '2027-10-03T03:30:00.000+11:00'],
  ])(
    'a time in the spring-forward gap moves past it (%s %s %s)',
    (zone, anchor, remindAt, expected, local) => {
      const after = utc(`${expected.slice(0, 4)}-01-01T00:00:00Z`);
      const result = due({ day: makeDay({ anchorDate: anchor, zone }), remindAt, after });
      expect(result?.at).toBe(expected);
      expect(result?.localDueIso).toBe(local);
    },
  );

  it.each([
    ['America/New_York', '2025-11-01', '01:30', '2026-11-01T05:30:00.000Z', '2026-11-01T01:30:00.000-04:00'],
    ['America/New_York', '2025-11-07', '01:30', '2027-11-07T05:30:00.000Z', '2027-11-07T01:30:00.000-04:00'],
    ['Europe/London', '2025-10-25', '01:30', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000+01:00'],
    ['Europe/London', '2025-10-31', '01:30', '2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000+01:00'],
    ['Australia/Sydney', '2025-04-05', '02:30', '2026-04-04T15:30:00.000Z', '2026-04-05T02:30:00.000+11:00'],
    ['Australia/Sydney', '2025-04-04', '02:30', '2027-04-03T15:30:00.000Z', '2027-04-04T02:30:00.000+11:00'],
  ])(
    'a time that happens twice fires once, at the first (%s %s %s)',
    (zone, anchor, remindAt, expected, local) => {
      const after = utc(`${expected.slice(0, 4)}-01-01T00:00:00Z`);
      const day = makeDay({ anchorDate: anchor, zone });
      const result = due({ day, remindAt, after });
      expect(result?.at).toBe(expected);
      expect(result?.localDueIso).toBe(local);
      // Asking again after it fired moves to next year, not to the second 01:30.
      expect(due({ day, remindAt, after: result?.dueUtcMs })?.occurrenceDate.slice(0, 4)).toBe(
        String(Number(expected.slice(0, 4)) + 1),
      );
    },
  );
});

describe('nextDueInstant: timed days (the Wave of Light at 19:00 local)', () => {
  it.each([
    ['America/New_York', '2026-10-15T22:00:00.000Z', '2027-10-15T22:00:00.000Z'],
    ['Europe/London', '2026-10-15T17:00:00.000Z', '2027-10-15T17:00:00.000Z'],
    ['Australia/Sydney', '2026-10-15T07:00:00.000Z', '2027-10-15T07:00:00.000Z'],
  ])('on the day fires an hour before 19:00 in %s', (zone, first, second) => {
    const day = waveOfLight(zone);
    const a = due({ day, zone });
    expect(a?.at).toBe(first);
    expect(a?.localDueIso.slice(11, 16)).toBe('18:00');
    expect(due({ day, zone, after: a?.dueUtcMs })?.at).toBe(second);
  });

  it('uses the day’s own zone for its start, and the member’s zone for the wall clock shown', () => {
    const result = due({ day: waveOfLight('America/New_York'), zone: 'Europe/London' });
    expect(result?.at).toBe('2026-10-15T22:00:00.000Z');
    expect(result?.localDueIso).toBe('2026-10-15T23:00:00.000+01:00');
  });

  it('a day before and a week before keep the 19:00 wall clock across a DST change', () => {
    // 1 April 2026 19:00 BST; a week before (25 March) London is still on GMT.
    const day = makeDay({
      anchorDate: '2026-04-01',
      startTime: '19:00',
      zone: 'Europe/London',
      recurrence: 'once',
    });
    expect(due({ day, lead: 'week_before' })?.at).toBe('2026-03-25T19:00:00.000Z');
    expect(due({ day, lead: 'day_before' })?.at).toBe('2026-03-31T18:00:00.000Z');
    expect(due({ day, lead: 'on_day' })?.at).toBe('2026-04-01T17:00:00.000Z');
  });

  it('a trip moment fires at its own time: it is the reminder', () => {
    const day = makeDay({
      kind: 'trip_moment',
      anchorDate: '2026-06-30',
      startTime: '19:00',
      zone: 'Europe/London',
      recurrence: 'once',
    });
    expect(due({ day })?.at).toBe('2026-06-30T18:00:00.000Z');
  });
});

describe('nextDueInstant: quiet hours', () => {
  const night = { start: '22:00', end: '07:00' };
  const day = makeDay({ anchorDate: '2025-03-12', zone: 'Europe/London' });

  it.each([
    ['23:00', '2026-03-13T07:00:00.000Z'], // late evening → next morning
    ['06:00', '2026-03-12T07:00:00.000Z'], // early morning → same morning
    ['22:00', '2026-03-13T07:00:00.000Z'], // start is quiet
    ['07:00', '2026-03-12T07:00:00.000Z'], // end is not
    ['21:59', '2026-03-12T21:59:00.000Z'],
  ])('quiet hours crossing midnight move %s', (remindAt, expected) => {
    expect(due({ day, remindAt, quietHours: night })?.at).toBe(expected);
  });

  it('handles quiet hours within one day', () => {
    expect(due({ day, remindAt: '14:00', quietHours: { start: '13:00', end: '15:00' } })?.at).toBe(
      '2026-03-12T15:00:00.000Z',
    );
  });

  it('treats equal start and end as no quiet hours', () => {
    expect(due({ day, remindAt: '23:00', quietHours: { start: '22:00', end: '22:00' } })?.at).toBe(
      '2026-03-12T23:00:00.000Z',
    );
  });

  it('a quiet night that ends inside the spring-forward gap ends just after it', () => {
    // New York, 2026-03-08: 02:00–03:00 does not exist.
    const ny = makeDay({ anchorDate: '2025-03-07', zone: 'America/New_York' });
    const result = due({ day: ny, remindAt: '23:00', quietHours: { start: '22:00', end: '02:30' } });
    expect(result?.localDueIso).toBe('2026-03-08T03:30:00.000-04:00');
    expect(result?.occurrenceDate).toBe('2026-03-07');
  });

  it('quiet hours never make a fired reminder fire again', () => {
    const first = due({ day, remindAt: '23:00', quietHours: night });
    expect(due({ day, remindAt: '23:00', quietHours: night, after: first?.dueUtcMs })?.occurrenceDate).toBe(
      '2027-03-12',
    );
  });
});
