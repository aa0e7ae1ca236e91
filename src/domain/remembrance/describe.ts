import { daysBetween, daysInMonth, isoWeekday, parseDate, weekdayNames } from './civil-date.js';
import { LEAP_DAY_IN_COMMON_YEARS } from './occurrences.js';

// Words about when a day is, written the way a kind friend would say them: "tomorrow", "next
// Tuesday". Never "Happy birthday", never an exclamation mark. The structured form lets the web app
// and other languages build their own sentences from the same numbers.

export type RelativeDay =
  | { kind: 'today' | 'tomorrow' | 'yesterday'; days: number }
  /** 2–6 days ahead: "on Tuesday". */
  | { kind: 'this_week'; days: number; weekday: string }
  /** 7–13 days ahead: "next Tuesday". */
  | { kind: 'next_week'; days: number; weekday: string }
  | { kind: 'weeks'; days: number; weeks: number }
  | { kind: 'months'; days: number; months: number }
  | { kind: 'past'; days: number };

export function relativeDay(occurrenceDate: string, today: string): RelativeDay {
  const days = daysBetween(today, occurrenceDate);
  const weekday = weekdayNames[isoWeekday(occurrenceDate) - 1] ?? '';
  if (days === 0) return { kind: 'today', days };
  if (days === 1) return { kind: 'tomorrow', days };
  if (days === -1) return { kind: 'yesterday', days };
  if (days < 0) return { kind: 'past', days };
  if (days <= 6) return { kind: 'this_week', days, weekday };
  if (days <= 13) return { kind: 'next_week', days, weekday };
  // Rounded, so 20 days reads "in 3 weeks" rather than a precise-sounding "2".
  if (days < 60) return { kind: 'weeks', days, weeks: Math.round(days / 7) };
  return { kind: 'months', days, months: Math.round(days / 30.44) };
}

/** "today", "tomorrow", "on Tuesday", "next Tuesday", "in 3 weeks", "in 4 months". */
export function describeUpcoming(occurrenceDate: string, today: string): string {
  const when = relativeDay(occurrenceDate, today);
  switch (when.kind) {
    case 'today':
    case 'tomorrow':
    case 'yesterday':
      return when.kind;
    case 'this_week':
      return `on ${when.weekday}`;
    case 'next_week':
      return `next ${when.weekday}`;
    case 'weeks':
      return `in ${when.weeks} weeks`;
    case 'months':
      return `in ${when.months} months`;
    case 'past':
      return `${-when.days} days ago`;
  }
}

/** "Jack" → "Jack's"; "James" → "James's" (one simple rule that reads naturally aloud). */
export function possessive(name: string): string {
  return `${name.trim()}'s`;
}

/** "Jack's day is next Tuesday". */
export function dayIsPhrase(input: { name: string; occurrenceDate: string; today: string }): string {
  return `${possessive(input.name)} day is ${describeUpcoming(input.occurrenceDate, input.today)}`;
}

/**
 * Whole years and whole months from the anchor date to `date` ("It will be two years since…",
 * "Would have turned two"). An anniversary that the month lacks counts on the month's last day,
 * so a 29 February anchor completes its year on 28 February, as the reminders do.
 */
export function timeSince(anchorDate: string, date: string): { years: number; months: number } {
  const from = parseDate(anchorDate);
  const to = parseDate(date);
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < anniversaryDay(from.day, from.month, to.year, to.month)) months -= 1;
  let years = to.year - from.year;
  if (
    to.month < from.month ||
    (to.month === from.month && to.day < anniversaryDay(from.day, from.month, to.year, to.month))
  ) {
    years -= 1;
  }
  return { years: Math.max(0, years), months: Math.max(0, months) };
}

function anniversaryDay(anchorDay: number, anchorMonth: number, year: number, month: number): number {
  if (anchorMonth === 2 && anchorDay === 29 && month === 2 && daysInMonth(year, 2) === 28) {
    return LEAP_DAY_IN_COMMON_YEARS;
  }
  return Math.min(anchorDay, daysInMonth(year, month));
}

const NUMBER_WORDS = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** "two" for 2, "13" for 13: small numbers read more gently in words ("It will be two years"). */
export const inWords = (n: number): string => NUMBER_WORDS[n] ?? String(n);
