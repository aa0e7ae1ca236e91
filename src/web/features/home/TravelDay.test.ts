import { describe, expect, it } from 'vitest';
import type { LegCheck, TripDetail, TripSummary } from '../../../contracts/trips.js';
import type { Waiting } from '../../lib/outbox.js';
import { travelDay, tripMaybeToday } from './TravelDay.js';

const id = (n: number) => `0190a0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const OPENS = '2026-06-30T17:00:00.000Z';
const DEPARTS = '2026-07-01T08:30:00.000Z';

const check = (n: number, kind: LegCheck['kind'], confirmedAt: string | null): LegCheck => ({
  id: id(n),
  kind,
  complete: confirmedAt !== null && confirmedAt >= OPENS,
  completedAt: confirmedAt !== null && confirmedAt >= OPENS ? confirmedAt : null,
  requiredConfirmers: 1,
  opensAt: OPENS,
  packedEarlyAt: confirmedAt !== null && confirmedAt < OPENS ? confirmedAt : null,
  keepsakes: [
    {
      tripKeepsakeId: id(90),
      complete: confirmedAt !== null && confirmedAt >= OPENS,
      confirmations: confirmedAt
        ? [
            {
              id: id(80 + n),
              travellerId: id(70),
              travellerName: 'Anna',
              recordedByName: 'Anna',
              confirmedAt,
              early: confirmedAt < OPENS,
            },
          ]
        : [],
    },
  ],
});

const trip = (checks: LegCheck[]): TripDetail =>
  ({
    trip: { id: id(1), name: 'Jack to Madrid' },
    travellers: [{ id: id(70), name: 'Anna', memberId: id(60), isChild: false }],
    keepsakes: [{ id: id(90), lovedOneName: 'Jack', name: "Jack's box" }],
    legs: [
      {
        id: id(2),
        fromPlace: 'Heathrow',
        toPlace: 'Madrid',
        departureUtc: DEPARTS,
        checks,
      },
    ],
  }) as unknown as TripDetail;

describe('home on the day of travel', () => {
  const morning = Date.parse('2026-07-01T06:00:00.000Z');

  it('asks the first check not done since it opened: packed early does not count', () => {
    const day = travelDay(
      trip([check(3, 'before_you_leave', '2026-06-10T20:00:00.000Z'), check(4, 'after_security', null)]),
      [],
      'Anna',
      morning,
    );
    expect(day?.current?.kind).toBe('before_you_leave');
    expect(day?.question).toBe('Is Jack packed?');
  });

  it('moves on to the next checkpoint, a confirmation kept on the phone included', () => {
    const checks = [check(3, 'before_you_leave', null), check(4, 'after_security', null)];
    const kept: Waiting = {
      id: 'w1',
      memberId: id(60),
      madeAt: '2026-07-01T06:01:00.000Z',
      change: {
        kind: 'confirm',
        tripId: id(1),
        checkId: id(3),
        tripKeepsakeId: id(90),
        travellerId: id(70),
        travellerName: 'Anna',
        label: 'Anna has Jack',
      },
    };
    const day = travelDay(trip(checks), [kept], 'Anna', morning);
    expect(day?.current?.kind).toBe('after_security');
    expect(day?.question).toBe('Is Jack back in the bag after security?');
    expect(day?.done.map((c) => c.kind)).toEqual(['before_you_leave']);
  });

  it('is not the day of travel before the check opens, nor long after the departure', () => {
    const checks = [check(3, 'before_you_leave', null)];
    expect(travelDay(trip(checks), [], 'Anna', Date.parse('2026-06-30T16:00:00.000Z'))).toBeUndefined();
    expect(travelDay(trip(checks), [], 'Anna', Date.parse('2026-07-02T08:30:00.000Z'))).toBeUndefined();
    expect(travelDay(trip(checks), [], 'Anna', Date.parse('2026-06-30T18:00:00.000Z'))?.current?.id).toBe(
      id(3),
    );
  });

  it('looks at trips leaving within a day and a half, or that began in the last two months', () => {
    const summary = (n: number, first: string | null, checksTotal = 3) =>
      ({ id: id(n), firstDepartureUtc: first, progress: { checksTotal } }) as unknown as TripSummary;
    const trips = [
      summary(1, '2026-07-20T08:00:00.000Z'),
      summary(2, '2026-06-25T08:00:00.000Z'),
      summary(3, '2026-07-02T08:00:00.000Z'),
      summary(4, '2026-07-01T09:00:00.000Z', 0),
    ];
    expect(tripMaybeToday(trips, morning)?.id).toBe(id(3));
    expect(tripMaybeToday(trips.slice(0, 2), morning)?.id).toBe(id(2));
    expect(tripMaybeToday([trips[0]!], morning)).toBeUndefined();
  });
});
