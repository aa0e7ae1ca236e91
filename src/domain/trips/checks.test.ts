import { describe, expect, it } from 'vitest';
import { defaultCheckpoints, evaluateCheck, orderedChecks } from './checks.js';
import { localToUtcIso } from './time.js';

describe('departure checks', () => {
  const at = (minute: number) => `2026-07-01T08:${String(minute).padStart(2, '0')}:00.000Z`;

  it('is complete only when every travelling keepsake is confirmed', () => {
    const result = evaluateCheck({
      tripKeepsakeIds: ['box', 'necklace'],
      requiredConfirmers: 1,
      confirmations: [{ tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: at(1) }],
    });
    expect(result.complete).toBe(false);
    expect(result.completedAt).toBeNull();
    expect(result.keepsakes.map((k) => k.complete)).toEqual([true, false]);
  });

  it('records when the last needed confirmation was made', () => {
    const result = evaluateCheck({
      tripKeepsakeIds: ['box', 'necklace'],
      requiredConfirmers: 1,
      confirmations: [
        { tripKeepsakeId: 'necklace', travellerId: 'anna', confirmedAt: at(5) },
        { tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: at(2) },
      ],
    });
    expect(result).toMatchObject({ complete: true, completedAt: at(5) });
  });

  it('needs two different people when two are asked for', () => {
    const one = evaluateCheck({
      tripKeepsakeIds: ['box'],
      requiredConfirmers: 2,
      confirmations: [{ tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: at(1) }],
    });
    expect(one.complete).toBe(false);
    const two = evaluateCheck({
      tripKeepsakeIds: ['box'],
      requiredConfirmers: 2,
      confirmations: [
        { tripKeepsakeId: 'box', travellerId: 'anna', confirmedAt: at(1) },
        { tripKeepsakeId: 'box', travellerId: 'mia', confirmedAt: at(3) },
      ],
    });
    expect(two).toMatchObject({ complete: true, completedAt: at(3) });
  });

  it('is not shown as done when there is nothing to confirm', () => {
    expect(evaluateCheck({ tripKeepsakeIds: [], requiredConfirmers: 1, confirmations: [] }).complete).toBe(
      false,
    );
  });

  it('offers checkpoints that suit the way of travelling, and checkout on the way home', () => {
    expect(defaultCheckpoints('air', false)).toEqual(['after_security', 'leaving_plane']);
    expect(defaultCheckpoints('air', true)).toEqual(['after_security', 'leaving_plane', 'checkout']);
    expect(defaultCheckpoints('road', false)).toEqual(['leaving_car']);
    expect(orderedChecks(['leaving_plane', 'checkout'])).toEqual([
      'checkout',
      'before_you_leave',
      'leaving_plane',
    ]);
  });
});

describe('local departure time to UTC', () => {
  it('uses the zone of the place of departure, daylight saving included', () => {
    expect(localToUtcIso('2026-07-01T09:30', 'Europe/London')).toBe('2026-07-01T08:30:00.000Z');
    expect(localToUtcIso('2026-01-15T09:30', 'Europe/London')).toBe('2026-01-15T09:30:00.000Z');
    expect(localToUtcIso('2026-07-01T09:30', 'Australia/Sydney')).toBe('2026-06-30T23:30:00.000Z');
  });

  it('moves a time in the spring-forward gap to the first time that exists', () => {
    // 02:30 does not exist in New York on 8 March 2026; it becomes 03:30 EDT.
    expect(localToUtcIso('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the earlier moment of a time that happens twice', () => {
    // 01:30 happens twice in New York on 1 November 2026; the first is EDT (UTC-4).
    expect(localToUtcIso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });
});
