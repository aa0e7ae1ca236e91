import { isoWeekday, parseDate } from '../civil-date.js';
import type { Day, Lead } from '../day.js';
import { fnv1a64 } from '../reminder-keys.js';
import { onDayLeadMinutes } from '../reminders.js';

// How a Day is written in iCalendar terms. Each rule here must expand to exactly the dates that
// occurrences.ts computes; the feed tests expand them with ical.js and compare.

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * One VEVENT in the feed. A day is one series, except a monthly day on the 29th or 30th (below).
 * `includes` picks the day's occurrences that the series covers; its DTSTART is the first of them.
 */
export interface FeedSeries {
  uidKey: string;
  rule: string | null;
  includes: (date: string) => boolean;
}

const NOT_FEBRUARY = 'BYMONTH=1,3,4,5,6,7,8,9,10,11,12';

/**
 * How a day recurs, as RRULE values (without "RRULE:"):
 *  - 29 February: BYMONTH=2;BYMONTHDAY=-1, the last day of February: the 29th in leap years and the
 *    28th otherwise, which is our LEAP_DAY_IN_COMMON_YEARS policy.
 *  - Monthly on the 31st: BYMONTHDAY=-1, every month's last day.
 *  - Monthly on the 29th or 30th: two series, the day in every month but February, and February's
 *    last day. RFC 5545 could say it in one (BYMONTHDAY=28,29,30;BYSETPOS=-1), but ical.js 2.2.1,
 *    Thunderbird's parser, ignores BYSETPOS there and would show three events a month
 *    (kewisch/ical.js#960). The two-series form means the same everywhere.
 */
export function feedSeries(day: Day): FeedSeries[] {
  const anchor = parseDate(day.anchorDate);
  const all = () => true;
  if (day.recurrence === 'once') return [{ uidKey: day.key, rule: null, includes: all }];
  if (day.recurrence === 'weekly') {
    const weekday = WEEKDAYS[isoWeekday(day.anchorDate) - 1] ?? 'MO';
    return [{ uidKey: day.key, rule: `FREQ=WEEKLY;BYDAY=${weekday}`, includes: all }];
  }
  if (day.recurrence === 'monthly') {
    if (anchor.day <= 28)
      return [{ uidKey: day.key, rule: `FREQ=MONTHLY;BYMONTHDAY=${anchor.day}`, includes: all }];
    if (anchor.day === 31) return [{ uidKey: day.key, rule: 'FREQ=MONTHLY;BYMONTHDAY=-1', includes: all }];
    const inFebruary = (date: string) => date.slice(5, 7) === '02';
    return [
      {
        uidKey: day.key,
        rule: `FREQ=MONTHLY;${NOT_FEBRUARY};BYMONTHDAY=${anchor.day}`,
        includes: (d) => !inFebruary(d),
      },
      { uidKey: `${day.key}#february`, rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1', includes: inFebruary },
    ];
  }
  if (day.weekdayRule) {
    const { nth, weekday } = day.weekdayRule;
    return [
      {
        uidKey: day.key,
        rule: `FREQ=YEARLY;BYMONTH=${anchor.month};BYDAY=${nth}${WEEKDAYS[weekday - 1] ?? 'SU'}`,
        includes: all,
      },
    ];
  }
  if (anchor.month === 2 && anchor.day === 29)
    return [{ uidKey: day.key, rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1', includes: all }];
  return [
    { uidKey: day.key, rule: `FREQ=YEARLY;BYMONTH=${anchor.month};BYMONTHDAY=${anchor.day}`, includes: all },
  ];
}

const DAY_SECONDS = 86_400;
const LEAD_DAYS: Record<Lead, number> = { on_day: 0, day_before: 1, week_before: 7 };

/**
 * Seconds before the event's start at which an alarm rings, matching nextDueInstant: all-day days
 * ring at `alarmTime` on the day, the day before or a week before; timed days an hour before the
 * start (trip moments at the moment), the day before, or a week before.
 */
export function alarmSecondsBefore(day: Day, lead: Lead, alarmTime: string): number {
  if (day.startTime !== undefined) {
    if (lead !== 'on_day') return LEAD_DAYS[lead] * DAY_SECONDS;
    return onDayLeadMinutes(day) * 60;
  }
  const [hours, minutes] = alarmTime.split(':').map(Number);
  return LEAD_DAYS[lead] * DAY_SECONDS - ((hours ?? 0) * 3600 + (minutes ?? 0) * 60);
}

/** A calm line for the alarm itself. */
export function alarmText(day: Day, lead: Lead, summary: string): string {
  if (lead === 'week_before') return `In a week: ${summary}`;
  if (lead === 'day_before') return `Tomorrow: ${summary}`;
  if (day.startTime === undefined) return `Today: ${summary}`;
  const minutes = onDayLeadMinutes(day);
  if (minutes === 0) return summary;
  return minutes === 60 ? `In an hour: ${summary}` : `In ${minutes} minutes: ${summary}`;
}

/**
 * UID from the day's key and the feed's domain: the same day keeps the same UID in every build,
 * so a calendar app updates the event instead of adding a copy. Hashed, so ids stay out of it.
 */
export function uidFor(key: string, domain: string): string {
  return `${fnv1a64(key)}${fnv1a64(`uid:${key}`)}@${domain}`;
}
