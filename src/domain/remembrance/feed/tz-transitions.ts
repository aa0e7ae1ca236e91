import { offsetMinutesAt } from '../zoned-time.js';

// The moments a zone's UTC offset changed, read from the runtime's own time-zone database (through
// luxon and Intl), so they are as current as the server's and browser's tzdata.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface Transition {
  /** The first instant of the new offset. */
  atMs: number;
  /** Offsets in minutes east of UTC (fractional for old local mean times, e.g. -44.5). */
  from: number;
  to: number;
}

/**
 * Steps two weeks at a time, then narrows each change down to the minute. Two changes within one
 * step would be missed: stepping by 1, 7 and 14 days over all 418 zones from 1950 to 2045 found the
 * same changes (tzdata 2025c); 28 days would miss some (Brazil in the 1960s, Gaza, Hebron).
 */
const STEP_MS = 14 * DAY_MS;

/** Every offset change in [fromMs, toMs). */
export function transitionsBetween(zone: string, fromMs: number, toMs: number): Transition[] {
  const result: Transition[] = [];
  let t = fromMs;
  let offset = offsetMinutesAt(t, zone);
  while (t < toMs) {
    const next = Math.min(t + STEP_MS, toMs);
    const nextOffset = offsetMinutesAt(next, zone);
    if (nextOffset !== offset) result.push(narrow(zone, t, next, offset));
    t = next;
    offset = nextOffset;
  }
  return result;
}

/** lo has the old offset, hi the new one; both on the minute grid. */
function narrow(zone: string, lo: number, hi: number, from: number): Transition {
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / (2 * MINUTE_MS)) * MINUTE_MS;
    if (offsetMinutesAt(mid, zone) === from) lo = mid;
    else hi = mid;
  }
  return { atMs: hi, from, to: offsetMinutesAt(hi, zone) };
}

/** Wall-clock parts of an instant seen with a fixed offset. */
export function wallParts(ms: number, offsetMinutes: number) {
  const d = new Date(ms + Math.round(offsetMinutes * 60) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}
