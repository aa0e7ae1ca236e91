import { addDays } from './civil-date.js';
import type { Day, Lead } from './day.js';
import { occurrenceDatesFrom } from './occurrences.js';
import { afterQuietHours, type QuietHours } from './quiet-hours.js';
import { instantToLocal, localToInstant } from './zoned-time.js';

// The scheduler stores one instant per reminder (next_due_utc), fires what is due, then asks for the
// next one strictly after the instant it just fired (see research/performance.md §3). All the
// daylight-saving and 29-February policy lives in this one function.

const LEAD_DAYS: Record<Lead, number> = { on_day: 0, day_before: 1, week_before: 7 };

/**
 * For a timed remembrance day (the Wave of Light at 19:00) an "on the day" reminder comes an hour
 * before the start, time enough to find a candle. Trip moments are reminders already (their time
 * has the lead built in), so theirs comes at the moment itself.
 */
export const TIMED_ON_DAY_LEAD_MINUTES = 60;

/**
 * How long before a timed day's start its "on the day" reminder comes: a ritual says so itself (at
 * its time, or an hour before), a trip's moment at the moment, anything else an hour before.
 */
export function onDayLeadMinutes(day: Day): number {
  if (day.remindMinutesBefore !== undefined) return day.remindMinutesBefore;
  return day.kind === 'trip_moment' ? 0 : TIMED_ON_DAY_LEAD_MINUTES;
}

/**
 * The leads a member's chosen leads come to for one day. A ritual reminds (and its feed event rings)
 * only when it asked to ("Remind us"), and only at its own time or the hour before it chose: never a
 * day or a week early.
 */
export function leadsForDay(day: Day, chosen: readonly Lead[]): Lead[] {
  if (day.kind !== 'ritual') return [...chosen];
  return day.remindMinutesBefore === undefined ? [] : ['on_day'];
}

export interface NextDueInput {
  day: Day;
  lead: Lead;
  /** The member's chosen time for all-day days. Timed days use their own start time instead. */
  remindAt: string;
  /** The member's zone: all-day days are observed on this calendar, and quiet hours are read on it. */
  zone: string;
  quietHours?: QuietHours;
  /** Epoch ms. The answer is strictly later, so asking again with the fired instant moves on. */
  after: number;
}

export interface NextDue {
  dueUtcMs: number;
  /** The day's occurrence this reminder is for (YYYY-MM-DD), part of the idempotency key. */
  occurrenceDate: string;
  /** When it fires on the member's wall clock, ISO 8601 with offset. */
  localDueIso: string;
  zone: string;
}

/** The instant a reminder for one occurrence fires, before quiet hours are applied. */
export function rawDueInstant(
  input: Omit<NextDueInput, 'after' | 'quietHours'>,
  occurrenceDate: string,
): number {
  const { day, lead } = input;
  const reminderDate = addDays(occurrenceDate, -LEAD_DAYS[lead]);
  if (day.startTime === undefined) return localToInstant(reminderDate, input.remindAt, input.zone);
  // Timed: the same clock time on the earlier day, in the day's own zone ("a day before" means the
  // wall clock, so it stays 19:00 even when the clocks changed in between).
  if (lead !== 'on_day') return localToInstant(reminderDate, day.startTime, day.zone);
  return localToInstant(occurrenceDate, day.startTime, day.zone) - onDayLeadMinutes(day) * 60_000;
}

/**
 * The next time this reminder fires strictly after `after`, or null when the day will not come
 * again (a one-off day that has passed). Deterministic: the same input gives the same answer.
 */
export function nextDueInstant(input: NextDueInput): NextDue | null {
  // The reminder is at most a week (plus a quiet night) before its occurrence, and zones differ by
  // at most a day, so nothing due after `after` belongs to an occurrence earlier than this.
  const scanFrom = addDays(instantToLocal(input.after, 'UTC').date, -3);
  let checked = 0;
  for (const occurrenceDate of occurrenceDatesFrom(input.day, scanFrom)) {
    const due = afterQuietHours(rawDueInstant(input, occurrenceDate), input.quietHours, input.zone);
    // A reminder keeps its occurrences' order (the same lead for each, quiet hours moving it by at
    // most a night), so the first occurrence whose reminder is later than `after` is the next one.
    if (due > input.after) {
      return {
        dueUtcMs: due,
        occurrenceDate,
        localDueIso: instantToLocal(due, input.zone).iso,
        zone: input.zone,
      };
    }
    if (++checked > 1000) break; // cannot happen for valid input; never loop forever
  }
  return null;
}
