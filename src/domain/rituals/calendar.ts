import { DateTime } from 'luxon';
import type { Day } from '../remembrance/day.js';
import type { RitualRemind, RitualWhen } from '../../contracts/rituals.js';
import { eventTimes, type EventLeg, type RitualEvent } from './events.js';
import type { Recurrence } from './schedule.js';

// Rituals as days in the family's calendar (the app's calendar page, the iCalendar feed, and the
// reminders the remembrance module sends): a scheduled ritual is one recurring day at its own time
// in the family's zone; a trip's event is a one-off day once the trip's times say when it falls.
// The day's key names the ritual and, for an event, the occurrence key of its mark, so a reminder
// can tell whether that time was already marked done or "not today".

/** How long a ritual shows in a calendar app. */
export const RITUAL_MINUTES = 30;

const KEY_PREFIX = 'ritual:';

/** Minutes before its time that a ritual's reminder comes, or undefined: it asked for none. */
export function remindMinutesOf(remind: RitualRemind | null): number | undefined {
  if (remind === null) return undefined;
  return remind === 'hour_before' ? 60 : 0;
}

/** What a ritual's calendar days need of it. */
export interface CalendarRitual {
  id: string;
  title: string;
  whatToDo: string;
  when: RitualWhen;
  rrule: string | null;
  dtstartLocal: string | null;
  zone: string | null;
  remind: RitualRemind | null;
}

type RitualDay = Day & { kind: 'ritual' };

function recurrenceOf(rrule: string | null): Day['recurrence'] {
  const freq = /FREQ=([A-Z]+)/.exec(rrule ?? '')?.[1];
  if (freq === 'YEARLY') return 'yearly';
  if (freq === 'MONTHLY') return 'monthly';
  if (freq === 'WEEKLY') return 'weekly';
  return 'once';
}

function base(ritual: CalendarRitual) {
  const minutes = remindMinutesOf(ritual.remind);
  return {
    kind: 'ritual' as const,
    title: ritual.title,
    note: ritual.whatToDo,
    durationMinutes: RITUAL_MINUTES,
    ...(minutes !== undefined && { remindMinutesBefore: minutes }),
  };
}

/**
 * A scheduled ritual's day: the same dates its RRULE gives (the remembrance calendar keeps the
 * same policies for the 29th–31st and 29 February), at its time, in its zone.
 */
export function scheduledRitualDay(ritual: CalendarRitual): RitualDay | null {
  if (ritual.when !== 'schedule' || !ritual.dtstartLocal || !ritual.zone) return null;
  const recurrence: Recurrence = { rrule: ritual.rrule, dtstartLocal: ritual.dtstartLocal };
  return {
    key: `${KEY_PREFIX}${ritual.id}`,
    ...base(ritual),
    anchorDate: recurrence.dtstartLocal.slice(0, 10),
    recurrence: recurrenceOf(recurrence.rrule),
    startTime: recurrence.dtstartLocal.slice(11, 16),
    zone: ritual.zone,
  };
}

/**
 * An event ritual's days on one trip: each time it falls that the trip's times already say (a
 * leg's arrival time, recorded or planned; the first departure; the way home's arrival). "Now" is
 * taken as the end of time so a planned arrival counts as known.
 */
export function eventRitualDays(
  ritual: CalendarRitual,
  trip: { id: string; legs: readonly EventLeg[] },
  homeZone: string,
): RitualDay[] {
  if (ritual.when === 'schedule') return [];
  const event: RitualEvent = ritual.when;
  return eventTimes(event, trip.id, trip.legs, Number.POSITIVE_INFINITY, homeZone).map((time) => {
    const local = DateTime.fromISO(time.dueAt, { zone: time.zone });
    return {
      key: `${KEY_PREFIX}${ritual.id}:${time.key}`,
      ...base(ritual),
      anchorDate: local.toFormat('yyyy-MM-dd'),
      recurrence: 'once' as const,
      startTime: local.toFormat('HH:mm'),
      zone: time.zone,
    };
  });
}

/**
 * Which ritual and which of its times a calendar day's occurrence is: the mark's occurrence key is
 * the local date for a scheduled ritual, and the event's key for a trip's event. Null for a day
 * that is not a ritual's.
 */
export function ritualOccurrenceOf(
  dayKey: string,
  occurrenceDate: string,
): { ritualId: string; occurrenceKey: string } | null {
  if (!dayKey.startsWith(KEY_PREFIX)) return null;
  const rest = dayKey.slice(KEY_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return { ritualId: rest, occurrenceKey: occurrenceDate };
  return { ritualId: rest.slice(0, colon), occurrenceKey: rest.slice(colon + 1) };
}
