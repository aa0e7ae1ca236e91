import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCheck, isEarly } from './checks.js';
import { CHECKS_OPEN_HOUR } from '../../contracts/trips.js';
import { checksOpenAt } from './opens.js';
import { localToUtcIso } from './time.js';

describe('when a departure’s checks open', () => {
  it('is 18:00 the evening before, on the departure’s own clock', () => {
    expect(CHECKS_OPEN_HOUR).toBe(18);
    // London in summer (UTC+1) and winter (UTC+0).
    expect(checksOpenAt('2026-07-01T09:30', 'Europe/London')).toBe('2026-06-30T17:00:00.000Z');
    expect(checksOpenAt('2026-01-15T09:30', 'Europe/London')).toBe('2026-01-14T18:00:00.000Z');
    // Sydney (UTC+10 in July): the evening before is the morning before in UTC.
    expect(checksOpenAt('2026-07-01T09:30', 'Australia/Sydney')).toBe('2026-06-30T08:00:00.000Z');
    // Auckland in summer (UTC+13): Christmas morning's flight opens on Christmas Eve at 05:00 UTC.
    expect(checksOpenAt('2026-12-25T06:00', 'Pacific/Auckland')).toBe('2026-12-24T05:00:00.000Z');
    // Los Angeles (UTC-7 in summer): the evening before ends after midnight UTC.
    expect(checksOpenAt('2026-07-01T09:30', 'America/Los_Angeles')).toBe('2026-07-01T01:00:00.000Z');
  });

  it('answers the same when asked again (it is kept), by its hour too, and never keeps a refusal', () => {
    expect(checksOpenAt('2026-08-01T09:30', 'Europe/Lisbon')).toBe('2026-07-31T17:00:00.000Z');
    expect(checksOpenAt('2026-08-01T09:30', 'Europe/Lisbon')).toBe('2026-07-31T17:00:00.000Z');
    expect(checksOpenAt('2026-08-01T09:30', 'Europe/Lisbon', 20)).toBe('2026-07-31T19:00:00.000Z');
    expect(checksOpenAt('2026-08-01T09:30', 'Europe/Madrid')).toBe('2026-07-31T16:00:00.000Z');
    for (let i = 0; i < 2; i++) expect(() => checksOpenAt('2026-13-01T09:30', 'Europe/Lisbon')).toThrow();
  });

  it('uses the evening before the departure’s date, whatever its time', () => {
    expect(checksOpenAt('2026-07-01T00:15', 'Europe/London')).toBe('2026-06-30T17:00:00.000Z');
    expect(checksOpenAt('2026-07-01T23:45', 'Europe/London')).toBe('2026-06-30T17:00:00.000Z');
    // The first of the month: the evening before is in the month before, or the year before.
    expect(checksOpenAt('2027-01-01T07:00', 'Europe/Madrid')).toBe('2026-12-31T17:00:00.000Z');
  });

  it('follows daylight saving between the evening before and the departure', () => {
    // New York springs forward at 02:00 on 8 March 2026: the evening before is still EST (UTC-5).
    expect(checksOpenAt('2026-03-08T10:00', 'America/New_York')).toBe('2026-03-07T23:00:00.000Z');
    // The day after, the evening before is EDT (UTC-4).
    expect(checksOpenAt('2026-03-09T07:00', 'America/New_York')).toBe('2026-03-08T22:00:00.000Z');
    // London falls back on 25 October 2026: the evening of the 24th is BST, the 25th GMT.
    expect(checksOpenAt('2026-10-25T08:00', 'Europe/London')).toBe('2026-10-24T17:00:00.000Z');
    expect(checksOpenAt('2026-10-26T08:00', 'Europe/London')).toBe('2026-10-25T18:00:00.000Z');
    // A departure in the spring-forward gap itself still opens the evening before.
    expect(checksOpenAt('2026-03-29T01:30', 'Europe/London')).toBe('2026-03-28T18:00:00.000Z');
  });

  it('takes another hour when a family chooses one', () => {
    expect(checksOpenAt('2026-07-01T09:30', 'Europe/London', 12)).toBe('2026-06-30T11:00:00.000Z');
  });

  it('is always between 6 and 30 hours before the departure (one more either side for a clock change)', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Sydney',
      'Pacific/Auckland',
      'Asia/Kolkata',
      'America/Santiago',
      'Pacific/Chatham',
      'Australia/Lord_Howe',
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (day, hour, minute, zone) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          const local = `${day.toISOString().slice(0, 10)}T${pad(hour)}:${pad(minute)}`;
          const hours =
            (Date.parse(localToUtcIso(local, zone)) - Date.parse(checksOpenAt(local, zone))) / 3_600_000;
          expect(hours).toBeGreaterThanOrEqual(6 - 1);
          expect(hours).toBeLessThanOrEqual(30 + 1);
        },
      ),
    );
  });
});

describe('a check confirmed before it opened ("packed early")', () => {
  const opensAt = '2026-06-30T17:00:00.000Z';
  const threeWeeksBefore = '2026-06-09T21:31:00.000Z';
  const morningOf = '2026-07-01T06:10:00.000Z';

  it('is not complete until confirmed again after it opened', () => {
    const early = evaluateCheck({
      tripKeepsakeIds: ['box'],
      requiredConfirmers: 1,
      confirmations: [{ tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: threeWeeksBefore }],
      opensAt,
    });
    expect(early).toMatchObject({ complete: false, completedAt: null, packedEarlyAt: threeWeeksBefore });
    expect(early.keepsakes[0]).toMatchObject({ complete: false, confirmations: [] });
    expect(early.keepsakes[0]!.early).toHaveLength(1);

    const again = evaluateCheck({
      tripKeepsakeIds: ['box'],
      requiredConfirmers: 1,
      confirmations: [{ tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: morningOf }],
      opensAt,
    });
    expect(again).toMatchObject({ complete: true, completedAt: morningOf, packedEarlyAt: null });
  });

  it('counts a confirmation made at the very moment it opens', () => {
    expect(isEarly(opensAt, opensAt)).toBe(false);
    expect(isEarly('2026-06-30T16:59:59.999Z', opensAt)).toBe(true);
    expect(isEarly(threeWeeksBefore, null)).toBe(false);
  });

  it('needs every confirmation after it opened: one early and one late person are not two', () => {
    const result = evaluateCheck({
      tripKeepsakeIds: ['box'],
      requiredConfirmers: 2,
      confirmations: [
        { tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: threeWeeksBefore },
        { tripKeepsakeId: 'box', travellerId: 'mia', confirmedAt: morningOf },
      ],
      opensAt,
    });
    expect(result).toMatchObject({ complete: false, packedEarlyAt: null });
    expect(result.keepsakes[0]!.confirmations.map((c) => c.travellerId)).toEqual(['mia']);
    expect(result.keepsakes[0]!.early.map((c) => c.travellerId)).toEqual(['anna']);
  });

  it('says when early packing would have completed it, only when it would have', () => {
    const partly = evaluateCheck({
      tripKeepsakeIds: ['box', 'necklace'],
      requiredConfirmers: 1,
      confirmations: [{ tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: threeWeeksBefore }],
      opensAt,
    });
    expect(partly.packedEarlyAt).toBeNull();
  });

  it('counts everything when the check has no opening time', () => {
    const result = evaluateCheck({
      tripKeepsakeIds: ['box'],
      requiredConfirmers: 1,
      confirmations: [{ tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: threeWeeksBefore }],
    });
    expect(result).toMatchObject({ complete: true, completedAt: threeWeeksBefore, packedEarlyAt: null });
  });
});
