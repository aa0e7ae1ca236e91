import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  instantToLocal,
  isTimed,
  localToInstant,
  occurrenceDatesFrom,
  type Day,
} from '../../../domain/remembrance/index.js';

// When a supporter's e-mail for a day goes out, on their own clock:
//  - an all-day day (an anniversary, a due date): the morning before, at 09:00 where they live;
//  - a timed day: a few hours before it starts. An awareness day kept at a local hour (the Wave of
//    Light at 19:00) starts at that hour in the supporter's own zone, as a candle lit where they
//    are; a timed day the family added keeps the family's zone, as one moment shared.
// All zone arithmetic goes through the remembrance domain's helpers (daylight saving included).

export const MORNING_BEFORE = '09:00';
export const HOURS_BEFORE_TIMED = 3;

export interface SupporterEmailDue {
  dueUtcMs: number;
  occurrenceDate: string;
}

/** The day as a supporter in `zone` observes it. */
export function asSupporterSees(day: Day, zone: string): Day {
  return isTimed(day) && day.kind === 'awareness' ? { ...day, zone } : day;
}

function dueFor(day: Day, zone: string, occurrenceDate: string): number {
  if (isTimed(day))
    return localToInstant(occurrenceDate, day.startTime, day.zone) - HOURS_BEFORE_TIMED * 3_600_000;
  const dayBefore = DateTime.fromISO(occurrenceDate, { zone: 'UTC' }).minus({ days: 1 }).toISODate()!;
  return localToInstant(dayBefore, MORNING_BEFORE, zone);
}

/** The next e-mail strictly after `after` for this day and supporter zone, or null if none comes. */
export function nextSupporterEmail(stored: Day, zone: string, after: number): SupporterEmailDue | null {
  const day = asSupporterSees(stored, zone);
  // An e-mail is at most a day before its occurrence, and zones differ by at most a day.
  const scanFrom = DateTime.fromISO(instantToLocal(after, 'UTC').date, { zone: 'UTC' })
    .minus({ days: 3 })
    .toISODate()!;
  let checked = 0;
  for (const occurrenceDate of occurrenceDatesFrom(day, scanFrom)) {
    const due = dueFor(day, zone, occurrenceDate);
    if (due > after) return { dueUtcMs: due, occurrenceDate };
    if (++checked > 1000) break;
  }
  return null;
}

/** What a schedule depends on: a different signature means "work it out again". */
export const scheduleSignature = (day: Day, zone: string): string =>
  createHash('sha256')
    .update(JSON.stringify([day, zone, MORNING_BEFORE, HOURS_BEFORE_TIMED]))
    .digest('base64url');
