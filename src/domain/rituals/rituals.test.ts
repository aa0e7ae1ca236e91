import { describe, expect, it } from 'vitest';
import { isShowing, shownUntil } from './due.js';
import { arrivedAt, eventTimes, type EventLeg } from './events.js';
import { choiceOf, scheduledTimes, toRecurrence } from './schedule.js';

const ms = (iso: string) => Date.parse(iso);

describe('scheduled rituals', () => {
  it('keeps the wall time in the family’s zone across daylight saving', () => {
    const weekly = toRecurrence({ repeat: 'weekly', date: '2026-03-21', time: '19:00' });
    expect(weekly.rrule).toBe('FREQ=WEEKLY;BYDAY=SA');
    // London goes to summer time on 29 March 2026: 19:00 GMT, then 19:00 BST (18:00 UTC).
    const times = scheduledTimes(weekly, 'Europe/London', ms('2026-03-20T00:00Z'), ms('2026-04-05T00:00Z'));
    expect(times).toEqual([
      { key: '2026-03-21', dueAt: '2026-03-21T19:00:00.000Z' },
      { key: '2026-03-28', dueAt: '2026-03-28T19:00:00.000Z' },
      { key: '2026-04-04', dueAt: '2026-04-04T18:00:00.000Z' },
    ]);
  });

  it('falls on the same wall time in a zone on the other side of the world', () => {
    const yearly = toRecurrence({ repeat: 'yearly', date: '2026-07-01', time: '08:00' });
    const [sydney] = scheduledTimes(
      yearly,
      'Australia/Sydney',
      ms('2027-01-01T00:00Z'),
      ms('2028-01-01T00:00Z'),
    );
    expect(sydney).toEqual({ key: '2027-07-01', dueAt: '2027-06-30T22:00:00.000Z' });
  });

  it('keeps a yearly 29 February on 28 February in common years', () => {
    const leap = toRecurrence({ repeat: 'yearly', date: '2028-02-29', time: '10:00' });
    expect(leap.rrule).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');
    const keys = scheduledTimes(leap, 'Europe/Madrid', ms('2028-01-01T00:00Z'), ms('2033-01-01T00:00Z')).map(
      (t) => t.key,
    );
    expect(keys).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
  });

  it('keeps a monthly 31st on the last day of shorter months, and its own day again after', () => {
    const monthly = toRecurrence({ repeat: 'monthly', date: '2026-01-30', time: '09:00' });
    const keys = scheduledTimes(
      monthly,
      'Europe/Madrid',
      ms('2026-01-01T00:00Z'),
      ms('2026-05-01T00:00Z'),
    ).map((t) => t.key);
    expect(keys).toEqual(['2026-01-30', '2026-02-28', '2026-03-30', '2026-04-30']);
  });

  it('falls once for a single date, and moves a time in the spring gap forward', () => {
    const once = toRecurrence({ repeat: 'once', date: '2026-03-29', time: '01:30' });
    expect(once.rrule).toBeNull();
    expect(scheduledTimes(once, 'Europe/London', ms('2026-01-01T00:00Z'), ms('2027-01-01T00:00Z'))).toEqual([
      { key: '2026-03-29', dueAt: '2026-03-29T01:30:00.000Z' },
    ]);
    expect(scheduledTimes(once, 'Europe/London', ms('2026-04-01T00:00Z'), ms('2027-01-01T00:00Z'))).toEqual(
      [],
    );
  });

  it('gives back the choice it was made from', () => {
    for (const repeat of ['yearly', 'monthly', 'weekly', 'once'] as const) {
      expect(choiceOf(toRecurrence({ repeat, date: '2026-01-31', time: '07:05' }))).toEqual({
        repeat,
        date: '2026-01-31',
        time: '07:05',
      });
    }
  });
});

const leg = (fields: Partial<EventLeg> & Pick<EventLeg, 'id'>): EventLeg => ({
  departureLocal: '2026-07-01T09:30',
  departureZone: 'Europe/London',
  departureUtc: '2026-07-01T08:30:00.000Z',
  isReturn: false,
  connection: false,
  arrivalZone: null,
  arrivalUtc: null,
  arrivedAt: null,
  ...fields,
});

describe('trip events', () => {
  const out = leg({ id: 'out', arrivalZone: 'Europe/Madrid', arrivalUtc: '2026-07-01T11:00:00.000Z' });
  const home = leg({
    id: 'home',
    departureLocal: '2026-07-08T17:00',
    departureZone: 'Europe/Madrid',
    departureUtc: '2026-07-08T15:00:00.000Z',
    isReturn: true,
    arrivalZone: 'Europe/London',
    arrivalUtc: '2026-07-08T16:30:00.000Z',
  });

  it('is the evening before the first departure at 18:00 on its own clock', () => {
    expect(eventTimes('evening_before', 't', [out, home], 0, 'Europe/London')).toEqual([
      { key: 'evening-before:t', dueAt: '2026-06-30T17:00:00.000Z', zone: 'Europe/London', legId: 'out' },
    ]);
  });

  it('arrives at the arrival time once it has passed, not before', () => {
    expect(eventTimes('arrival', 't', [out, home], ms('2026-07-01T10:59Z'), 'Europe/London')).toEqual([]);
    expect(eventTimes('arrival', 't', [out, home], ms('2026-07-01T11:00Z'), 'Europe/London')).toEqual([
      { key: 'arrival:out', dueAt: '2026-07-01T11:00:00.000Z', zone: 'Europe/Madrid', legId: 'out' },
    ]);
  });

  it('takes a recorded arrival over the arrival time, and works with no arrival time at all', () => {
    const early = { ...out, arrivedAt: '2026-07-01T10:40:00.000Z' };
    expect(arrivedAt(early, ms('2026-07-01T10:45Z'))).toBe('2026-07-01T10:40:00.000Z');
    const untimed = leg({ id: 'untimed', arrivedAt: '2026-07-01T12:00:00.000Z' });
    expect(eventTimes('arrival', 't', [untimed], ms('2026-07-01T12:01Z'), 'Europe/London')[0]?.dueAt).toBe(
      '2026-07-01T12:00:00.000Z',
    );
    expect(
      eventTimes('arrival', 't', [leg({ id: 'unknown' })], ms('2026-07-02T00:00Z'), 'Europe/London'),
    ).toEqual([]);
  });

  it('never counts a change of planes or the way home as arriving at a destination', () => {
    const change = leg({ id: 'change', connection: true, arrivedAt: '2026-07-01T10:00:00.000Z' });
    const homeArrived = { ...home, arrivedAt: '2026-07-08T16:30:00.000Z' };
    expect(
      eventTimes('arrival', 't', [change, homeArrived], ms('2026-07-09T00:00Z'), 'Europe/London'),
    ).toEqual([]);
  });

  it('is the first night home: the evening of the day the way home arrived, or the arrival if later', () => {
    expect(
      eventTimes('first_night_home', 't', [out, home], ms('2026-07-08T16:00Z'), 'Europe/London'),
    ).toEqual([]);
    expect(
      eventTimes('first_night_home', 't', [out, home], ms('2026-07-08T16:30Z'), 'Europe/London'),
    ).toEqual([
      { key: 'first-night-home:t', dueAt: '2026-07-08T17:00:00.000Z', zone: 'Europe/London', legId: 'home' },
    ]);
    const late = { ...home, arrivalUtc: null, arrivalZone: null, arrivedAt: '2026-07-08T21:15:00.000Z' };
    expect(
      eventTimes('first_night_home', 't', [out, late], ms('2026-07-08T22:00Z'), 'Europe/London')[0]?.dueAt,
    ).toBe('2026-07-08T21:15:00.000Z');
    // A trip that does not come home (the last leg is not the way home) has no first night home.
    expect(eventTimes('first_night_home', 't', [out], ms('2026-07-20T00:00Z'), 'Europe/London')).toEqual([]);
  });
});

describe('how long a card shows', () => {
  it('shows for the rest of its day where it falls, and at least 12 hours', () => {
    expect(shownUntil('2026-07-01T06:00:00.000Z', 'Europe/Madrid')).toBe('2026-07-01T22:00:00.000Z');
    expect(shownUntil('2026-07-01T21:00:00.000Z', 'Europe/Madrid')).toBe('2026-07-02T09:00:00.000Z');
    expect(isShowing('2026-07-01T06:00:00.000Z', 'Europe/Madrid', ms('2026-07-01T05:59Z'))).toBe(false);
    expect(isShowing('2026-07-01T06:00:00.000Z', 'Europe/Madrid', ms('2026-07-01T21:59Z'))).toBe(true);
    expect(isShowing('2026-07-01T06:00:00.000Z', 'Europe/Madrid', ms('2026-07-01T22:00Z'))).toBe(false);
  });
});
