import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Repeat } from '../../contracts/rituals.js';
import { localToUtcIso } from '../trips/time.js';

// A scheduled ritual is kept as RFC 5545 recurrence: an RRULE value and a DTSTART on the wall clock
// of a named zone (never UTC), so "every 1 July at 19:00 in London" stays 19:00 across daylight
// saving. ical.js expands the rule on floating (wall-clock) times and luxon turns each into an
// instant in the ritual's zone: the host's zone is never read (the rrule package follows it).

export type { Repeat };

/** What the family chose: how often, from which date, at what time on the clock where they live. */
export interface ScheduleChoice {
  repeat: Repeat;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm' */
  time: string;
}

/** As stored: the RRULE value (null for a single date) and DTSTART's wall time. */
export interface Recurrence {
  rrule: string | null;
  dtstartLocal: string;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * The RRULE for a choice. Same policies as remembrance days (domain/remembrance/README.md): a yearly
 * ritual on 29 February falls on 28 February in common years (the last day of February), and a
 * monthly one on the 29th–31st falls on the month's last day when the month is shorter.
 */
export function toRecurrence(choice: ScheduleChoice): Recurrence {
  const start = DateTime.fromISO(choice.date);
  const dtstartLocal = `${choice.date}T${choice.time}`;
  switch (choice.repeat) {
    case 'once':
      return { rrule: null, dtstartLocal };
    case 'weekly':
      return { rrule: `FREQ=WEEKLY;BYDAY=${WEEKDAYS[start.weekday - 1]}`, dtstartLocal };
    case 'monthly': {
      if (start.day <= 28) return { rrule: `FREQ=MONTHLY;BYMONTHDAY=${start.day}`, dtstartLocal };
      const days = Array.from({ length: start.day - 27 }, (_, i) => 28 + i).join(',');
      return { rrule: `FREQ=MONTHLY;BYMONTHDAY=${days};BYSETPOS=-1`, dtstartLocal };
    }
    case 'yearly':
      if (start.month === 2 && start.day === 29)
        return { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1', dtstartLocal };
      return { rrule: `FREQ=YEARLY;BYMONTH=${start.month};BYMONTHDAY=${start.day}`, dtstartLocal };
  }
}

/** The choice a stored recurrence came from (for the form that edits it). */
export function choiceOf(recurrence: Recurrence): ScheduleChoice {
  const [date, time] = recurrence.dtstartLocal.split('T') as [string, string];
  const freq = /FREQ=([A-Z]+)/.exec(recurrence.rrule ?? '')?.[1];
  const repeat: Repeat =
    freq === 'YEARLY' ? 'yearly' : freq === 'MONTHLY' ? 'monthly' : freq === 'WEEKLY' ? 'weekly' : 'once';
  return { repeat, date, time: time.slice(0, 5) };
}

/** One time a scheduled ritual falls: its local date (the key of its mark) and its instant. */
export interface ScheduledTime {
  key: string;
  dueAt: string;
}

/**
 * The times a recurrence falls with instants in [fromMs, toMs). ical.js 2.2 mishandles BYSETPOS
 * (it yields both the 28th and the 29th of March for "the last of 28–31"), so a rule with
 * BYSETPOS=-1 is expanded without it and the last date of each month is kept, which is what
 * BYSETPOS=-1 means.
 */
export function scheduledTimes(
  recurrence: Recurrence,
  zone: string,
  fromMs: number,
  toMs: number,
): ScheduledTime[] {
  const at = (wall: string): ScheduledTime => ({
    key: wall.slice(0, 10),
    dueAt: localToUtcIso(wall.slice(0, 16), zone),
  });
  const within = (t: ScheduledTime) => Date.parse(t.dueAt) >= fromMs && Date.parse(t.dueAt) < toMs;
  if (recurrence.rrule === null) return [at(recurrence.dtstartLocal)].filter(within);

  const lastOfMonth = recurrence.rrule.includes('BYSETPOS=-1');
  const rule = ICAL.Recur.fromString(recurrence.rrule.replace(/;?BYSETPOS=-1/, ''));
  const iterator = rule.iterator(ICAL.Time.fromDateTimeString(`${recurrence.dtstartLocal.slice(0, 16)}:00`));
  // Wall times run at most 14 hours ahead of UTC: stop a day past the window.
  const stopWall = DateTime.fromMillis(toMs, { zone: 'UTC' })
    .plus({ days: 2 })
    .toFormat("yyyy-MM-dd'T'HH:mm");
  const walls: string[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const wall = next.toString().slice(0, 16);
    if (wall > stopWall) break;
    if (lastOfMonth && walls.at(-1)?.slice(0, 7) === wall.slice(0, 7)) walls.pop();
    walls.push(wall);
  }
  return walls.map(at).filter(within);
}
