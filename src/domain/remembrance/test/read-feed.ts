import ICAL from 'ical.js';
import type { Day } from '../day.js';
import { buildCalendarFeed, type CalendarFeedInput } from '../feed/calendar-feed.js';
import { uidFor } from '../feed/feed-rules.js';
import { makeDay } from './make-day.js';

// Feed tests read the output back with Mozilla's ical.js, the parser Thunderbird uses: what it sees
// is what a subscribed calendar shows.

export const NOW = Date.UTC(2026, 10, 27, 12, 0);
export const DOMAIN = 'alongside.example';

export function build(days: Day[], extra: Partial<CalendarFeedInput> = {}): string {
  return buildCalendarFeed({
    calendarName: 'Alongside',
    uidDomain: DOMAIN,
    days,
    now: NOW,
    refreshMinutes: 360,
    ...extra,
  });
}

/** Every VEVENT, by UID. */
export function events(text: string): Map<string, ICAL.Event> {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return new Map(
    calendar
      .getAllSubcomponents('vevent')
      .map((v) => [String(v.getFirstPropertyValue('uid')), new ICAL.Event(v)]),
  );
}

export function expand(event: ICAL.Event, count: number): ICAL.Time[] {
  const iterator = event.iterator();
  const result: ICAL.Time[] = [];
  for (let next = iterator.next(); next && result.length < count; next = iterator.next()) result.push(next);
  return result;
}

export function eventFor(text: string, day: Day): ICAL.Event {
  const event = events(text).get(uidFor(day.key, DOMAIN));
  if (!event) throw new Error(`No event for ${day.key}`);
  return event;
}

export const dateOf = (t: ICAL.Time) => t.toString().slice(0, 10);
export const utcIso = (t: ICAL.Time) => new Date(t.toUnixTime() * 1000).toISOString();

export const wave = (zone: string, anchorDate = '2020-10-15') =>
  makeDay({
    key: `wave:${zone}:${anchorDate}`,
    kind: 'awareness',
    title: 'Wave of Light',
    anchorDate,
    startTime: '19:00',
    durationMinutes: 60,
    zone,
  });
