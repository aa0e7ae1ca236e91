import ical, {
  ICalAlarmRelatesTo,
  ICalAlarmType,
  ICalCalendarMethod,
  ICalEventTransparency,
} from 'ical-generator';
import { DateTime } from 'luxon';
import type { Day, Lead } from '../day.js';
import { occurrenceDatesFrom } from '../occurrences.js';
import { instantToLocal, localToInstant } from '../zoned-time.js';
import { leadsForDay } from '../reminders.js';
import { alarmSecondsBefore, alarmText, feedSeries, uidFor, type FeedSeries } from './feed-rules.js';
import { buildVtimezone } from './vtimezone.js';

// The private iCalendar feed a phone calendar subscribes to (RFC 5545). One VEVENT per day: a
// recurring day is one event with an RRULE, never a list of copies. All-day days are floating dates
// (VALUE=DATE), so 15 October is 15 October wherever the phone is; timed days carry a TZID and a
// VTIMEZONE, never floating times. The output depends only on the input: same days, same `now`,
// same bytes.

/** Timed days without a length show for half an hour. */
export const DEFAULT_TIMED_MINUTES = 30;
/** The time of day alarms ring for all-day days, unless the caller says otherwise. */
export const DEFAULT_ALARM_TIME = '09:00';
/** Title used for every event in a discreet feed (nothing personal leaves the app). */
export const DISCREET_TITLE = 'A day to remember';

export interface CalendarFeedInput {
  calendarName: string;
  /** The host name UIDs end in, e.g. the app's domain. */
  uidDomain: string;
  days: readonly Day[];
  /** Alarms to add to every event. */
  alarms?: readonly Lead[];
  /**
   * Alarms by kind of day, as the member chose for each (a week ahead for a loved one's day, only
   * on the day for a trip's moments); when given, it replaces `alarms`.
   */
  alarmsByKind?: Readonly<Partial<Record<Day['kind'], readonly Lead[]>>>;
  /** HH:mm on the day for all-day alarms. */
  alarmTime?: string;
  /** Epoch ms: DTSTAMP, and the years the time-zone rules must cover. */
  now: number;
  /** How often calendar apps should fetch the feed again. */
  refreshMinutes: number;
  /** Generic titles and no notes, for families who share a phone calendar. */
  discreet?: boolean;
}

export function buildCalendarFeed(input: CalendarFeedInput): string {
  const keys = new Set(input.days.map((day) => day.key));
  if (keys.size !== input.days.length)
    throw new Error('Each day in a feed needs its own key (UIDs derive from it).');
  const nowYear = Number(instantToLocal(input.now, 'UTC').date.slice(0, 4));
  const events = input.days.flatMap((day) =>
    feedSeries(day).flatMap((series) => {
      const startDate = firstStartDate(day, series);
      return startDate && withinFeedYears(day, startDate, nowYear) ? [{ day, series, startDate }] : [];
    }),
  );
  const vtimezones = timezoneBlocks(events, input.now);
  const calendar = ical({
    name: input.calendarName,
    prodId: '//Alongside//Remembrance calendar//EN',
    method: ICalCalendarMethod.PUBLISH,
    ttl: input.refreshMinutes * 60, // REFRESH-INTERVAL and X-PUBLISHED-TTL
    timezone: { name: null, generator: (zone) => vtimezones.get(zone) ?? null },
  });
  const stamp = DateTime.fromMillis(input.now, { zone: 'utc' });

  for (const { day, series, startDate } of events) {
    const summary = input.discreet ? DISCREET_TITLE : day.title;
    const event = calendar.createEvent({
      id: uidFor(series.uidKey, input.uidDomain),
      stamp,
      summary,
      transparency: ICalEventTransparency.TRANSPARENT, // a day to remember, not a busy slot
      ...(series.rule ? { repeating: series.rule } : {}),
      ...(!input.discreet && day.note ? { description: day.note } : {}),
      ...(!input.discreet && day.sourceUrl ? { url: day.sourceUrl } : {}),
      ...eventTimes(day, startDate),
    });
    const chosen = (input.alarmsByKind ? input.alarmsByKind[day.kind] : input.alarms) ?? [];
    for (const lead of leadsForDay(day, chosen)) {
      event
        .createAlarm({
          type: ICalAlarmType.display,
          trigger: alarmSecondsBefore(day, lead, input.alarmTime ?? DEFAULT_ALARM_TIME),
          description: alarmText(day, lead, summary),
        })
        // Set apart: ical-generator 10.2 ignores relatesTo in the constructor, and without it a
        // positive offset ("09:00 on the day") is written RELATED=END, the end of the day.
        .relatesTo(ICalAlarmRelatesTo.start);
    }
  }
  return calendar.toString();
}

function eventTimes(day: Day, startDate: string) {
  if (day.startTime === undefined) {
    const start = DateTime.fromISO(startDate, { zone: 'utc' });
    return { allDay: true, start, end: start.plus({ days: day.durationDays ?? 1 }) };
  }
  // The wall-clock time in the day's zone; ical-generator writes it with ;TZID= unchanged.
  const start = DateTime.fromMillis(localToInstant(startDate, day.startTime, day.zone), { zone: day.zone });
  return {
    start,
    end: start.plus({ minutes: day.durationMinutes ?? DEFAULT_TIMED_MINUTES }),
    timezone: day.zone,
  };
}

/**
 * DTSTART: the series' first occurrence. For a recurring timed day it must also show the wall-clock
 * time every occurrence keeps: if that date's time fell into a spring-forward gap (02:30 on a change
 * day) it would be written as 03:30 and every later year would move with it, so the series starts
 * at the first occurrence whose time exists. A one-off day keeps its date, and its time is read like
 * any reminder's (RFC 5545 §3.3.5). Null only for a series with no occurrence, which valid days lack.
 */
function firstStartDate(day: Day, series: FeedSeries): string | null {
  if (day.recurrence === 'once') return day.anchorDate;
  let first: string | null = null;
  let tries = 0;
  for (const date of occurrenceDatesFrom(day, day.anchorDate)) {
    if (++tries > 60) break; // a time in a gap every year (a zone that changes on a fixed date)
    if (!series.includes(date)) continue;
    first ??= date;
    if (day.startTime === undefined) return date;
    const local = instantToLocal(localToInstant(date, day.startTime, day.zone), day.zone);
    if (local.date === date && local.time === day.startTime) return date;
  }
  return first;
}

/**
 * How far ahead each VTIMEZONE spells out its zone's changes. Regular rules continue as open-ended
 * RRULEs anyway; this covers zones whose changes follow no rule (Morocco's follow Ramadan). The feed
 * is rebuilt on every fetch, so the window moves with time.
 */
export const VTIMEZONE_YEARS_AHEAD = 10;

/** One VTIMEZONE per zone used by a timed day, from its first year to VTIMEZONE_YEARS_AHEAD past now. */
/**
 * The years a one-off day must fall in to be in the feed: from ONE_OFF_YEARS_BEHIND before this year
 * to ONE_OFF_YEARS_AHEAD after it. A phone calendar has no use for the moments of a trip dated 2199
 * (or 1900), and each such year costs its zone's rules to be worked out; recurring days are always in.
 */
export const ONE_OFF_YEARS_BEHIND = 2;
export const ONE_OFF_YEARS_AHEAD = 10;

function withinFeedYears(day: Day, startDate: string, nowYear: number): boolean {
  if (day.recurrence !== 'once') return true;
  const year = Number(startDate.slice(0, 4));
  return year >= nowYear - ONE_OFF_YEARS_BEHIND && year <= nowYear + ONE_OFF_YEARS_AHEAD;
}

/**
 * VTIMEZONE text by zone and years. It depends on nothing else (and tzdata, which changes only with
 * the runtime), and working it out costs milliseconds per year of a zone's history, so a feed
 * fetched every few minutes by every phone reuses it. Bounded: the oldest entry goes first.
 */
const vtimezones = new Map<string, string>();
const VTIMEZONE_CACHE_SIZE = 512;

function cachedVtimezone(zone: string, fromYear: number, toYear: number): string {
  const key = `${zone}|${fromYear}|${toYear}`;
  const known = vtimezones.get(key);
  if (known !== undefined) return known;
  const built = buildVtimezone(zone, fromYear, toYear);
  if (vtimezones.size >= VTIMEZONE_CACHE_SIZE) vtimezones.delete(vtimezones.keys().next().value!);
  vtimezones.set(key, built);
  return built;
}

function timezoneBlocks(events: { day: Day; startDate: string }[], now: number): Map<string, string> {
  const nowYear = Number(instantToLocal(now, 'UTC').date.slice(0, 4));
  const windows = new Map<string, { from: number; to: number }>();
  for (const { day, startDate } of events) {
    if (day.startTime === undefined) continue;
    const year = Number(startDate.slice(0, 4));
    const window = windows.get(day.zone) ?? { from: year, to: nowYear + VTIMEZONE_YEARS_AHEAD };
    windows.set(day.zone, {
      from: Math.min(window.from, year),
      to: Math.max(window.to, year + VTIMEZONE_YEARS_AHEAD),
    });
  }
  return new Map([...windows].map(([zone, w]) => [zone, cachedVtimezone(zone, w.from, w.to)]));
}
