import { describe, expect, it } from 'vitest';
import type { Day } from '../../../domain/remembrance/index.js';
import { nextSupporterEmail, scheduleSignature } from './schedule.js';

// When a supporter's e-mail goes out, on their own clock, with fixed dates.

const wave: Day = {
  key: 'f:awareness:wave-of-light',
  kind: 'awareness',
  title: 'International Wave of Light',
  anchorDate: '2020-10-15',
  recurrence: 'yearly',
  startTime: '19:00',
  durationMinutes: 60,
  zone: 'Europe/London',
};
const anniversary: Day = {
  key: 'loved-one:1:loss',
  kind: 'loss_anniversary',
  title: 'The day Jack died',
  anchorDate: '2025-03-14',
  recurrence: 'yearly',
  zone: 'Europe/London',
};
const at = (iso: string) => Date.parse(iso);

describe('a supporter’s e-mail', () => {
  it('comes three hours before the Wave of Light at 19:00 where the supporter lives', () => {
    expect(nextSupporterEmail(wave, 'America/New_York', at('2026-06-01T00:00:00Z'))).toEqual({
      dueUtcMs: at('2026-10-15T20:00:00Z'), // 16:00 EDT
      occurrenceDate: '2026-10-15',
    });
    expect(nextSupporterEmail(wave, 'Europe/London', at('2026-06-01T00:00:00Z'))!.dueUtcMs).toBe(
      at('2026-10-15T15:00:00Z'), // 16:00 BST
    );
    expect(nextSupporterEmail(wave, 'Asia/Tokyo', at('2026-06-01T00:00:00Z'))!.dueUtcMs).toBe(
      at('2026-10-15T07:00:00Z'), // 16:00 JST
    );
  });

  it('keeps the family’s zone for a timed day of the family’s own', () => {
    const candle: Day = {
      ...wave,
      kind: 'custom',
      key: 'custom:1',
      title: 'Candle for Jack',
      startTime: '20:00',
    };
    expect(nextSupporterEmail(candle, 'America/New_York', at('2026-06-01T00:00:00Z'))!.dueUtcMs).toBe(
      at('2026-10-15T16:00:00Z'), // 17:00 in London
    );
  });

  it('comes at 09:00 the morning before an all-day day, on the supporter’s clock', () => {
    expect(nextSupporterEmail(anniversary, 'America/New_York', at('2026-06-01T00:00:00Z'))).toEqual({
      dueUtcMs: at('2027-03-13T14:00:00Z'), // 09:00 EST: the clocks there change on 14 March
      occurrenceDate: '2027-03-14',
    });
  });

  it('moves on strictly after the instant it fired', () => {
    const first = nextSupporterEmail(wave, 'America/New_York', at('2026-06-01T00:00:00Z'))!;
    expect(nextSupporterEmail(wave, 'America/New_York', first.dueUtcMs)!.occurrenceDate).toBe('2027-10-15');
  });

  it('is scheduled again when the day or the supporter’s zone changes', () => {
    expect(scheduleSignature(wave, 'Europe/London')).toBe(scheduleSignature({ ...wave }, 'Europe/London'));
    expect(scheduleSignature(wave, 'Europe/London')).not.toBe(scheduleSignature(wave, 'Europe/Paris'));
    expect(scheduleSignature(wave, 'Europe/London')).not.toBe(
      scheduleSignature({ ...wave, startTime: '19:30' }, 'Europe/London'),
    );
  });
});
