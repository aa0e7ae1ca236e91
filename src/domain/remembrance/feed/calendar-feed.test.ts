import { describe, expect, it } from 'vitest';
import { awarenessDaysFor } from '../awareness.js';
import type { Day } from '../day.js';
import { occurrencesBetween } from '../occurrences.js';
import { makeDay } from '../test/make-day.js';
import { build, dateOf, eventFor, events, expand, NOW, wave } from '../test/read-feed.js';

// What the feed says, read back with ical.js: valid, stable, the right dates, alarms and refresh hints.
// Time zones and daylight saving are in calendar-feed.zones.test.ts.

const jack = makeDay({
  key: 'jack:loss',
  title: "Jack's day",
  anchorDate: '2024-02-29',
  zone: 'Europe/London',
});
const monthly = (day: number) =>
  makeDay({
    key: `monthly-${day}`,
    title: 'Jack’s monthly day',
    anchorDate: `2026-01-${day}`,
    recurrence: 'monthly',
  });

describe('buildCalendarFeed', () => {
  const days = [
    jack,
    monthly(31),
    wave('America/New_York'),
    ...awarenessDaysFor('GB', 'Europe/London', { keyPrefix: 'f1' }),
  ];

  it('is valid iCalendar: CRLF line endings, folded lines, parseable', () => {
    const text = build(days, { alarms: ['on_day'] });
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(events(text).size).toBe(days.length);
  });

  it('gives the same bytes for the same input, and stable UIDs across builds', () => {
    const first = build(days);
    expect(build(days)).toBe(first);
    const later = build(days, { now: NOW + 86_400_000 });
    expect([...events(later).keys()]).toEqual([...events(first).keys()]);
    const before = first.split('\r\n');
    const changed = later.split('\r\n').filter((line, i) => line !== before[i]);
    expect(changed.length).toBe(days.length);
    expect(changed.every((line) => line === 'DTSTAMP:20261128T120000Z')).toBe(true);
  });

  it('asks calendars to refresh, and stamps with `now`', () => {
    const text = build(days);
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT6H\r\n');
    expect(text).toContain('DTSTAMP:20261127T120000Z\r\n');
  });

  it('writes a yearly day as one event; 29 February falls on 28 February in common years', () => {
    const text = build([jack]);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');
    expect(text).toContain('DTSTART;VALUE=DATE:20240229');
    expect(expand(eventFor(text, jack), 5).map(dateOf)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });

  it.each([
    ['yearly', jack],
    ['monthly on the 31st', monthly(31)],
    ['monthly on the 30th', monthly(30)],
    ['monthly on the 29th', monthly(29)],
    ['monthly on the 15th', monthly(15)],
    [
      'the first Sunday of May',
      awarenessDaysFor('US', 'America/New_York').find((d) => d.key.endsWith('bereaved-mothers-day'))!,
    ],
    [
      'the second Sunday of December',
      awarenessDaysFor('US', 'America/New_York').find((d) => d.key.endsWith('candle-lighting'))!,
    ],
  ])('expands %s to exactly the dates occurrencesBetween gives', (_label, day) => {
    const mine = occurrencesBetween(day, '2020-01-01', '2030-12-31').map((o) => o.date);
    // Every event the day produced (a monthly 29th/30th is two series), expanded and merged.
    const theirs = [...events(build([day])).values()]
      .flatMap((event) => expand(event, mine.length + 5).map(dateOf))
      .filter((d) => d <= '2030-12-31')
      .sort();
    expect(theirs).toEqual(mine);
  });

  it('writes all-day days as dates, with the end after the last day', () => {
    const week = awarenessDaysFor('GB', 'Europe/London').find((d) =>
      d.key.endsWith('baby-loss-awareness-week-uk'),
    )!;
    const text = build([week]);
    expect(text).toContain('DTSTART;VALUE=DATE:20201009\r\nDTEND;VALUE=DATE:20201016\r\n');
    expect(eventFor(text, week).startDate.isDate).toBe(true);
  });

  it('adds an alarm for each lead, matching the reminder times', () => {
    const trip = makeDay({
      key: 'pack',
      kind: 'trip_moment',
      title: 'Pack Jack',
      anchorDate: '2026-06-30',
      startTime: '19:00',
      recurrence: 'once',
    });
    const text = build([jack, wave('Europe/London'), trip], {
      alarms: ['on_day', 'day_before', 'week_before'],
    });
    const triggers = (day: Day) =>
      eventFor(text, day)
        .component.getAllSubcomponents('valarm')
        .map((a) => String(a.getFirstPropertyValue('trigger')));
    expect(triggers(jack)).toEqual(['PT9H', '-PT15H', '-P6DT15H']);
    expect(triggers(wave('Europe/London'))).toEqual(['-PT1H', '-P1D', '-P7D']);
    expect(triggers(trip)).toEqual(['PT0S', '-P1D', '-P7D']);
    expect(text).toContain('TRIGGER;RELATED=START:PT9H');
    expect(text).toContain("DESCRIPTION:Tomorrow: Jack's day");
  });

  it('can keep names out of the feed', () => {
    const text = build([jack, ...awarenessDaysFor('GB', 'Europe/London')], {
      discreet: true,
      alarms: ['on_day'],
    });
    expect(text).not.toContain('Jack');
    expect(text).not.toContain('URL');
    expect(text).toContain('SUMMARY:A day to remember');
  });

  it('writes no exclamation marks', () => {
    expect(build(days, { alarms: ['on_day', 'day_before', 'week_before'] })).not.toContain('!');
  });

  it('refuses two days with one key, which would share a UID', () => {
    expect(() => build([jack, jack])).toThrow(/own key/);
  });
});

describe('the years a feed spells out', () => {
  const moment = (key: string, anchorDate: string) =>
    makeDay({
      key,
      kind: 'trip_moment',
      title: `Pack Jack (${anchorDate})`,
      anchorDate,
      startTime: '19:00',
      recurrence: 'once',
      zone: 'America/New_York',
    });

  it('leaves out one-off moments far from now (a trip typed as 2199 or 1900), keeping the rest', () => {
    const text = build([
      jack,
      moment('soon', '2027-06-30'),
      moment('far', '2199-06-30'),
      moment('old', '1900-06-30'),
    ]);
    const titles = [...events(text).values()].map((e) => e.summary);
    expect(titles).toContain('Pack Jack (2027-06-30)');
    expect(titles).not.toContain('Pack Jack (2199-06-30)');
    expect(titles).not.toContain('Pack Jack (1900-06-30)');
    // So the zone's rules cover the years shown, not three centuries.
    const firstObservance = /BEGIN:VTIMEZONE[\s\S]*?DTSTART:(\d{4})/.exec(text)?.[1];
    expect(Number(firstObservance)).toBeGreaterThanOrEqual(2026);
  });

  it('gives the same bytes when built again (the time-zone rules are reused, not changed)', () => {
    const days = [jack, wave('Europe/London'), moment('soon', '2027-06-30')];
    expect(build(days)).toBe(build(days));
  });
});
