import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daySchema, type Day } from './day.js';
import { yearlyDate } from './occurrences.js';
import { nextDueInstant, type NextDue } from './reminders.js';
import { instantToLocal, localToInstant } from './zoned-time.js';

// Random zones from the runtime's own list, random dates (29 February weighted in), random leads,
// times and quiet hours: the scheduler's invariants must hold for every combination.

const zones = Intl.supportedValuesOf('timeZone');
const zone = fc.constantFrom(...zones);
const pad = (n: number) => String(n).padStart(2, '0');
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);
const anyDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const leapDay = fc.constantFrom('1996-02-29', '2000-02-29', '2024-02-29', '2028-02-29');
const anchorDate = fc.oneof({ weight: 3, arbitrary: anyDate }, { weight: 1, arbitrary: leapDay });
const after = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2045, 0, 1) });

const dayArb = fc
  .record({
    anchorDate,
    recurrence: fc.constantFrom('yearly', 'monthly'),
    startTime: fc.option(clock, { nil: undefined }),
    kind: fc.constantFrom('loss_anniversary', 'birthday', 'trip_moment'),
    zone,
  })
  .map((d): Day => daySchema.parse({ key: 'k', title: 'A day', ...d }));

const inputArb = fc.record({
  day: dayArb,
  lead: fc.constantFrom('on_day', 'day_before', 'week_before'),
  remindAt: clock,
  zone,
  quietHours: fc.option(fc.record({ start: clock, end: clock }), { nil: undefined }),
  after,
});

describe('nextDueInstant (property)', () => {
  it('is strictly after `after`, deterministic, and advancing never repeats or skips an occurrence', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const chain: NextDue[] = [];
        let cursor = input.after;
        for (let i = 0; i < 4; i++) {
          const next = nextDueInstant({ ...input, after: cursor });
          expect(next).not.toBeNull();
          if (!next) return;
          expect(next.dueUtcMs).toBeGreaterThan(cursor);
          expect(nextDueInstant({ ...input, after: cursor })).toEqual(next);
          expect(Date.parse(next.localDueIso)).toBe(next.dueUtcMs);
          chain.push(next);
          cursor = next.dueUtcMs;
        }
        for (let i = 1; i < chain.length; i++) {
          const [prev, cur] = [chain[i - 1]!, chain[i]!];
          expect(cur.occurrenceDate > prev.occurrenceDate).toBe(true);
          const years = Number(cur.occurrenceDate.slice(0, 4)) - Number(prev.occurrenceDate.slice(0, 4));
          const months =
            years * 12 + Number(cur.occurrenceDate.slice(5, 7)) - Number(prev.occurrenceDate.slice(5, 7));
          if (input.day.recurrence === 'yearly') {
            expect(years).toBe(1);
            expect(cur.occurrenceDate).toBe(yearlyDate(input.day, Number(cur.occurrenceDate.slice(0, 4))));
          } else {
            expect(months).toBe(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never misses an occurrence: nothing due lies between `after` and the answer', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const next = nextDueInstant(input);
        if (!next) return;
        // Asking from any earlier point in between gives the same answer.
        const midway = input.after + Math.floor((next.dueUtcMs - input.after) / 2);
        expect(nextDueInstant({ ...input, after: midway })).toEqual(next);
      }),
      { numRuns: 200 },
    );
  });
});

describe('localToInstant (property)', () => {
  it('gives back the wall time, except in a gap (moved forward) and in an overlap (the first)', () => {
    fc.assert(
      fc.property(zone, anyDate, clock, (z, date, time) => {
        const ms = localToInstant(date, time, z);
        const back = instantToLocal(ms, z);
        if (back.date === date && back.time === time) {
          // If the wall time happens twice, ours is the earlier: no earlier instant shows it.
          for (const minutes of [30, 60, 120]) {
            const earlier = instantToLocal(ms - minutes * 60_000, z);
            expect(earlier.date === date && earlier.time === time).toBe(false);
          }
        } else {
          // A gap: the answer is later on the wall clock, by at most the size of a gap.
          const wall = Date.UTC(
            +date.slice(0, 4),
            +date.slice(5, 7) - 1,
            +date.slice(8, 10),
            +time.slice(0, 2),
            +time.slice(3, 5),
          );
          const shown = Date.UTC(
            +back.date.slice(0, 4),
            +back.date.slice(5, 7) - 1,
            +back.date.slice(8, 10),
            +back.time.slice(0, 2),
            +back.time.slice(3, 5),
          );
          expect(shown).toBeGreaterThan(wall);
          expect(shown - wall).toBeLessThanOrEqual(24 * 3600_000); // Samoa skipped a whole day in 2011
        }
      }),
      { numRuns: 2000 },
    );
  });
});
