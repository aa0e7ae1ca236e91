import { describe, expect, it } from 'vitest';
import { daySchema } from './day.js';
import { rawDueInstant } from './reminders.js';
import { joinNames, tripMoments, type TripLeg } from './trip-moments.js';

const outbound: TripLeg = {
  id: 'leg-out',
  index: 0,
  departureLocal: '2026-07-01T09:30',
  departureZone: 'Europe/London',
  isReturn: false,
  mode: 'air',
  label: 'Flight to Lisbon',
};
const home: TripLeg = {
  id: 'leg-home',
  index: 1,
  departureLocal: '2026-07-08T18:00',
  departureZone: 'Europe/Lisbon',
  isReturn: true,
  mode: 'air',
};
const trip = { tripId: 'trip-1', tripName: 'Lisbon', legs: [home, outbound], keepsakeNames: ['Jack'] };

const summary = (moments: ReturnType<typeof tripMoments>) =>
  moments.map((m) => ({ key: m.key, at: `${m.anchorDate}T${m.startTime}`, zone: m.zone, title: m.title }));

describe('tripMoments', () => {
  it('adds packing, a check before each leg and an evening before going home', () => {
    expect(summary(tripMoments(trip))).toEqual([
      {
        key: 'trip:trip-1:pack',
        at: '2026-06-30T19:00',
        zone: 'Europe/London',
        title: 'Pack Jack for Lisbon',
      },
      {
        key: 'trip:trip-1:leg:leg-out:before_you_leave',
        at: '2026-07-01T06:30',
        zone: 'Europe/London',
        title: 'Before you leave (Flight to Lisbon): is Jack packed?',
      },
      {
        key: 'trip:trip-1:leg:leg-home:before_you_leave',
        at: '2026-07-08T15:00',
        zone: 'Europe/Lisbon',
        title: 'Before you leave: is Jack packed?',
      },
      {
        key: 'trip:trip-1:leg:leg-home:return_evening',
        at: '2026-07-07T19:00',
        zone: 'Europe/Lisbon',
        title: 'Going home tomorrow: is Jack packed?',
      },
    ]);
    expect(tripMoments(trip).find((m) => m.moment === 'return_evening')?.note).toBe(
      'A last look round the room before you go: drawers, the bedside and the safe.',
    );
  });

  it('makes valid one-off timed days that a reminder fires at exactly', () => {
    for (const moment of tripMoments(trip)) {
      const { moment: _m, tripId: _t, legId: _l, ...day } = moment;
      expect(daySchema.parse(day)).toEqual(day);
      expect(day).toMatchObject({ kind: 'trip_moment', recurrence: 'once' });
    }
    const pack = tripMoments(trip)[0]!;
    expect(
      new Date(
        rawDueInstant(
          { day: pack, lead: 'on_day', remindAt: '09:00', zone: 'Europe/London' },
          pack.anchorDate,
        ),
      ).toISOString(),
    ).toBe('2026-06-30T18:00:00.000Z');
  });

  it('gives an hour before trains, cars and ships', () => {
    const train: TripLeg = { ...outbound, mode: 'rail', label: undefined };
    const moment = tripMoments({ ...trip, legs: [train] }).find((m) => m.moment === 'before_you_leave');
    expect(`${moment?.anchorDate}T${moment?.startTime}`).toBe('2026-07-01T08:30');
  });

  it('counts three hours in real time across a clock change', () => {
    // 29 March 2026, London: 03:30 BST is 02:30 UTC; three hours earlier is 23:30 GMT the evening before.
    const early: TripLeg = { ...outbound, departureLocal: '2026-03-29T03:30' };
    const moment = tripMoments({ ...trip, legs: [early] }).find((m) => m.moment === 'before_you_leave');
    expect(`${moment?.anchorDate}T${moment?.startTime}`).toBe('2026-03-28T23:30');
  });

  it('keeps keys when times change, so the caller can diff', () => {
    const moved = tripMoments({ ...trip, legs: [{ ...outbound, departureLocal: '2026-07-02T07:00' }, home] });
    expect(moved.map((m) => m.key)).toEqual(tripMoments(trip).map((m) => m.key));
    const oneWay = tripMoments({ ...trip, legs: [outbound] });
    expect(oneWay.map((m) => m.key)).toEqual([
      'trip:trip-1:pack',
      'trip:trip-1:leg:leg-out:before_you_leave',
    ]);
  });

  it('speaks of several keepsakes, or of none', () => {
    expect(tripMoments({ ...trip, keepsakeNames: ['Jack', 'Grandad'] })[1]?.title).toBe(
      'Before you leave (Flight to Lisbon): are Jack and Grandad packed?',
    );
    expect(tripMoments({ ...trip, keepsakeNames: [] })[0]?.title).toBe('Pack for Lisbon');
    expect(joinNames(['Jack', 'Grandad', 'Bella'])).toBe('Jack, Grandad and Bella');
  });

  it('has nothing to add for a trip without legs', () => {
    expect(tripMoments({ ...trip, legs: [] })).toEqual([]);
  });
});
