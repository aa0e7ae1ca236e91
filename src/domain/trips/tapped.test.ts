import { describe, expect, it } from 'vitest';
import { boundTappedAt, TAPPED_AT_MAX_AGE_MS } from './tapped.js';

describe('the moment a confirmation was tapped', () => {
  const now = Date.parse('2026-07-01T22:35:00.000Z');

  it('keeps the tap time of a confirmation kept on the phone', () => {
    expect(boundTappedAt('2026-07-01T22:34:00.000Z', now)).toBe('2026-07-01T22:34:00.000Z');
    // Any offset is read as the instant it names.
    expect(boundTappedAt('2026-07-01T23:34:00+01:00', now)).toBe('2026-07-01T22:34:00.000Z');
  });

  it('never records a moment later than the server’s clock', () => {
    expect(boundTappedAt('2026-07-01T22:36:30.000Z', now)).toBe('2026-07-01T22:35:00.000Z');
    expect(boundTappedAt('2031-01-01T00:00:00.000Z', now)).toBe('2026-07-01T22:35:00.000Z');
  });

  it('believes a tap up to 14 days old, and keeps the arrival time for an older one', () => {
    expect(TAPPED_AT_MAX_AGE_MS).toBe(14 * 24 * 3_600_000);
    expect(boundTappedAt('2026-06-17T22:35:00.000Z', now)).toBe('2026-06-17T22:35:00.000Z');
    expect(boundTappedAt('2026-06-17T22:34:59.000Z', now)).toBe('2026-07-01T22:35:00.000Z');
  });

  it('records the arrival time when there is no tap time', () => {
    expect(boundTappedAt(undefined, now)).toBe('2026-07-01T22:35:00.000Z');
    expect(boundTappedAt(null, now)).toBe('2026-07-01T22:35:00.000Z');
    expect(boundTappedAt('not a time', now)).toBe('2026-07-01T22:35:00.000Z');
  });
});
