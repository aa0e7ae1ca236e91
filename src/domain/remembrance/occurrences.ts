import {
  addDays,
  daysBetween,
  daysInMonth,
  formatDate,
  nthWeekdayOfMonth,
  parseDate,
  type CivilDate,
} from './civil-date.js';
import type { Day } from './day.js';

/**
 * 29 February in a common year is observed on 28 February: the day stays in its own month, it is
 * a day early rather than a day late (a reminder the day before is gentler than one after), it is a
 * common convention for leap-day birthdays, and it is exactly what the feed's
 * `RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1` does in every calendar app. One constant, one place.
 */
export const LEAP_DAY_IN_COMMON_YEARS = 28;

/** The last year we count to; far enough for any family, and keeps dates at four digits. */
const LAST_YEAR = 9999;

export interface Occurrence {
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
  /** For timed days, the local start, YYYY-MM-DDTHH:mm in the day's zone. */
  startLocal?: string;
}

/** Where a yearly day falls in `year`. */
export function yearlyDate(day: Day, year: number): string {
  const anchor = parseDate(day.anchorDate);
  if (day.weekdayRule) {
    // nth is 1–4 or -1 (see weekdayRuleSchema), so every month has one.
    return (
      nthWeekdayOfMonth(year, anchor.month, day.weekdayRule.nth, day.weekdayRule.weekday) ?? day.anchorDate
    );
  }
  if (anchor.month === 2 && anchor.day === 29 && daysInMonth(year, 2) === 28) {
    return formatDate({ year, month: 2, day: LEAP_DAY_IN_COMMON_YEARS });
  }
  return formatDate({ year, month: anchor.month, day: anchor.day });
}

/**
 * Where a monthly day falls in a month: its own day number, or the month's last day when the month
 * is shorter (a day kept on the 31st is kept on 30 April and on 28 or 29 February).
 */
export function monthlyDate(day: Day, year: number, month: number): string {
  const anchor = parseDate(day.anchorDate);
  return formatDate({ year, month, day: Math.min(anchor.day, daysInMonth(year, month)) });
}

/** Every occurrence on or after `fromDate` (and never before the anchor), in order. */
export function* occurrenceDatesFrom(day: Day, fromDate: string): Generator<string> {
  const start = day.anchorDate > fromDate ? day.anchorDate : fromDate;
  const first: CivilDate = parseDate(start);
  if (day.recurrence === 'once') {
    if (day.anchorDate >= fromDate) yield day.anchorDate;
    return;
  }
  if (day.recurrence === 'weekly') {
    // Every seventh day from the anchor: the first on or after `start` keeps the anchor's weekday.
    const behind = daysBetween(day.anchorDate, start) % 7;
    let date = behind === 0 ? start : addDays(start, 7 - behind);
    while (Number(date.slice(0, 4)) <= LAST_YEAR) {
      yield date;
      date = addDays(date, 7);
    }
    return;
  }
  if (day.recurrence === 'yearly') {
    for (let year = first.year; year <= LAST_YEAR; year++) {
      const date = yearlyDate(day, year);
      if (date >= start) yield date;
    }
    return;
  }
  for (let index = first.year * 12 + first.month - 1; index < (LAST_YEAR + 1) * 12; index++) {
    const date = monthlyDate(day, Math.floor(index / 12), (index % 12) + 1);
    if (date >= start) yield date;
  }
}

/** Occurrences from `fromDate` to `toDate`, both included, in order. */
export function occurrencesBetween(day: Day, fromDate: string, toDate: string): Occurrence[] {
  const result: Occurrence[] = [];
  for (const date of occurrenceDatesFrom(day, fromDate)) {
    if (date > toDate) break;
    result.push(day.startTime ? { date, startLocal: `${date}T${day.startTime}` } : { date });
  }
  return result;
}
