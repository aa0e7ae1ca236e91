import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Repeat } from '../../contracts/rituals.js';
import { buildCalendarFeed } from '../remembrance/feed/calendar-feed.js';
import { daySchema } from '../remembrance/day.js';
import { occurrencesBetween } from '../remembrance/occurrences.js';
import { nextDueInstant } from '../remembrance/reminders.js';
import { localToInstant } from '../remembrance/zoned-time.js';
import { eventRitualDays, ritualOccurrenceOf, scheduledRitualDay, type CalendarRitual } from './calendar.js';
import type { EventLeg } from './events.js';
import { scheduledTimes, toRecurrence } from './schedule.js';

const ms = (iso: string) => Date.parse(iso);

const ritual = (repeat: Repeat, date: string, time = '19:00'): CalendarRitual => ({
  id: 'r1',
  title: 'Water for Jack',
  whatToDo: 'Set out a glass of water',
  when: 'schedule',
  ...toRecurrence({ repeat, date, time }),
  zone: 'Europe/London',
  remind: null,
});

describe('a scheduled ritual as a calendar day', () => {
  // The calendar, the feed and the reminders expand the day; the ritual's cards expand its RRULE.
  // Both must give the same dates, or a reminder would come on a day with no card.
  it.each([
    ['weekly', '2027-03-03'],
    ['monthly', '2027-01-31'],
    ['monthly', '2027-01-29'],
    ['monthly', '2027-01-15'],
    ['yearly', '2028-02-29'],
    ['yearly', '2027-07-01'],
    ['once', '2027-05-05'],
  ] as const)('falls on the same dates as its RRULE: %s from %s', (repeat, date) => {
    const day = scheduledRitualDay(ritual(repeat, date))!;
    expect(daySchema.safeParse(day).success).toBe(true);
    const fromDay = occurrencesBetween(day, '2027-01-01', '2033-12-31').map((o) => o.date);
    const fromRule = scheduledTimes(
      { rrule: ritual(repeat, date).rrule, dtstartLocal: `${date}T19:00` },
      'Europe/London',
      ms('2027-01-01T00:00Z'),
      ms('2034-01-01T00:00Z'),
    ).map((t) => t.key);
    expect(fromDay).toEqual(fromRule);
  });

  it('writes a weekly ritual to the feed as FREQ=WEEKLY on its weekday, with no alarm unless asked', () => {
    const day = scheduledRitualDay(ritual('weekly', '2027-03-03'))!;
    const feed = buildCalendarFeed({
      calendarName: 'Test',
      uidDomain: 'alongside.test',
      days: [day],
      alarms: ['week_before', 'day_before', 'on_day'],
      now: ms('2027-03-01T00:00Z'),
      refreshMinutes: 60,
    });
    const event = new ICAL.Component(ICAL.parse(feed)).getFirstSubcomponent('vevent')!;
    expect(String(event.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=WE');
    expect(event.getFirstPropertyValue('description')).toBe('Set out a glass of water');
    expect(event.getAllSubcomponents('valarm')).toHaveLength(0);

    const asked = scheduledRitualDay({ ...ritual('weekly', '2027-03-03'), remind: 'at_time' })!;
    const rings = new ICAL.Component(
      ICAL.parse(
        buildCalendarFeed({
          calendarName: 'Test',
          uidDomain: 'alongside.test',
          days: [asked],
          alarms: ['week_before', 'day_before', 'on_day'],
          now: ms('2027-03-01T00:00Z'),
          refreshMinutes: 60,
        }),
      ),
    )
      .getFirstSubcomponent('vevent')!
      .getAllSubcomponents('valarm');
    // Only at its own time: never a week or a day early.
    expect(rings.map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual(['PT0S']);
  });

  it('is reminded at its time, or an hour before, each week', () => {
    const atTime = scheduledRitualDay({ ...ritual('weekly', '2027-03-03'), remind: 'at_time' })!;
    const first = nextDueInstant({
      day: atTime,
      lead: 'on_day',
      remindAt: '09:00',
      zone: 'Europe/London',
      after: ms('2027-03-01T00:00Z'),
    })!;
    expect(first).toMatchObject({ dueUtcMs: ms('2027-03-03T19:00Z'), occurrenceDate: '2027-03-03' });
    const second = nextDueInstant({
      day: atTime,
      lead: 'on_day',
      remindAt: '09:00',
      zone: 'Europe/London',
      after: first.dueUtcMs,
    })!;
    expect(second.occurrenceDate).toBe('2027-03-10');
    const hourBefore = scheduledRitualDay({ ...ritual('weekly', '2027-03-03'), remind: 'hour_before' })!;
    expect(
      nextDueInstant({
        day: hourBefore,
        lead: 'on_day',
        remindAt: '09:00',
        zone: 'Europe/London',
        after: ms('2027-03-01T00:00Z'),
      })!.dueUtcMs,
    ).toBe(localToInstant('2027-03-03', '18:00', 'Europe/London'));
  });

  it('names the ritual and the time of its mark', () => {
    expect(ritualOccurrenceOf('ritual:abc', '2027-03-03')).toEqual({
      ritualId: 'abc',
      occurrenceKey: '2027-03-03',
    });
    expect(ritualOccurrenceOf('ritual:abc:arrival:leg-1', '2027-03-03')).toEqual({
      ritualId: 'abc',
      occurrenceKey: 'arrival:leg-1',
    });
    expect(ritualOccurrenceOf('trip:abc:pack', '2027-03-03')).toBeNull();
  });
});

describe('a trip’s event ritual as calendar days', () => {
  const leg = (over: Partial<EventLeg>): EventLeg => ({
    id: 'out',
    departureLocal: '2027-07-01T09:30',
    departureZone: 'Europe/London',
    departureUtc: '2027-07-01T08:30:00.000Z',
    isReturn: false,
    connection: false,
    arrivalZone: null,
    arrivalUtc: null,
    arrivedAt: null,
    ...over,
  });
  const arrival: CalendarRitual = {
    ...ritual('once', '2027-01-01'),
    when: 'arrival',
    rrule: null,
    dtstartLocal: null,
    zone: null,
  };

  it('appears once the arrival time is known, at the local time where it lands', () => {
    expect(eventRitualDays(arrival, { id: 't1', legs: [leg({})] }, 'Europe/London')).toEqual([]);
    const days = eventRitualDays(
      arrival,
      { id: 't1', legs: [leg({ arrivalZone: 'Europe/Madrid', arrivalUtc: '2027-07-01T11:00:00.000Z' })] },
      'Europe/London',
    );
    expect(days).toMatchObject([
      {
        key: 'ritual:r1:arrival:out',
        anchorDate: '2027-07-01',
        startTime: '13:00',
        zone: 'Europe/Madrid',
        recurrence: 'once',
      },
    ]);
    expect(daySchema.safeParse(days[0]).success).toBe(true);
  });

  it('puts the evening before leaving at 18:00 where the first leg leaves from', () => {
    const days = eventRitualDays(
      { ...arrival, when: 'evening_before' },
      { id: 't1', legs: [leg({})] },
      'Europe/London',
    );
    expect(days).toMatchObject([
      { key: 'ritual:r1:evening-before:t1', anchorDate: '2027-06-30', startTime: '18:00' },
    ]);
  });
});
