import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { awarenessDaysFor } from '../awareness.js';
import { makeDay } from '../test/make-day.js';
import { build, eventFor, expand, utcIso, wave } from '../test/read-feed.js';
import { tripMoments } from '../trip-moments.js';

// Timed days in the feed: each carries a TZID and its VTIMEZONE, and ical.js, reading only what we
// wrote, must land on the same instants luxon computes from the runtime's tzdata.

describe('buildCalendarFeed: time zones', () => {
  const days = [
    makeDay({ key: 'jack', anchorDate: '2024-02-29' }),
    wave('America/New_York'),
    ...awarenessDaysFor('GB', 'Europe/London', { keyPrefix: 'f1' }),
  ];

  it.each(['America/New_York', 'Europe/London', 'Australia/Sydney'])(
    'puts the Wave of Light at 19:00 local in %s, every year',
    (zone) => {
      const text = build([wave(zone)]);
      expect(text).toContain(`DTSTART;TZID=${zone}:20201015T190000`);
      expect(text).toContain(`TZID:${zone}\r\n`);
      for (const time of expand(eventFor(text, wave(zone)), 11)) {
        const expected = DateTime.fromObject({ year: time.year, month: 10, day: 15, hour: 19 }, { zone });
        expect(time.toUnixTime() * 1000).toBe(expected.toMillis());
      }
    },
  );

  it('follows Sydney from standard time (before 2008, DST began late October) into daylight time', () => {
    const day = wave('Australia/Sydney', '2005-10-15');
    const utcHours = expand(eventFor(build([day]), day), 6).map((t) => utcIso(t).slice(0, 13));
    // 19:00 AEST (+10) is 09:00Z; 19:00 AEDT (+11) is 08:00Z.
    expect(utcHours).toEqual([
      '2005-10-15T09',
      '2006-10-15T09',
      '2007-10-15T09',
      '2008-10-15T08',
      '2009-10-15T08',
      '2010-10-15T08',
    ]);
  });

  it('puts December’s candle lighting at 19:00 in standard time (New York, London) and daylight time (Sydney)', () => {
    for (const [zone, offset] of [
      ['America/New_York', -300],
      ['Europe/London', 0],
      ['Australia/Sydney', 660],
    ] as const) {
      const day = awarenessDaysFor('AU', zone).find((d) => d.key.endsWith('candle-lighting'))!;
      for (const time of expand(eventFor(build([day]), day), 8)) {
        const local = DateTime.fromMillis(time.toUnixTime() * 1000, { zone });
        expect([local.hour, local.minute, local.offset]).toEqual([19, 0, offset]);
      }
    }
  });

  it('never writes a floating time: every timed DTSTART has a TZID with its VTIMEZONE', () => {
    const trip = tripMoments({
      tripId: 't1',
      tripName: 'Lisbon',
      keepsakeNames: ['Jack'],
      legs: [
        {
          id: 'l1',
          index: 0,
          departureLocal: '2026-07-01T09:30',
          departureZone: 'Europe/London',
          isReturn: false,
          mode: 'air',
        },
      ],
    });
    const text = build([...days, ...trip, wave('Australia/Sydney')]);
    // VTIMEZONE observances carry local DTSTARTs by design; look only at the events.
    const eventsOnly = text.replace(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r\n/g, '');
    const starts = eventsOnly
      .split('\r\n')
      .filter((l) => /^(DTSTART|DTEND)[;:]/.test(l) && !l.includes('VALUE=DATE'));
    expect(starts.length).toBeGreaterThan(4);
    for (const line of starts) {
      const zone = /TZID=([^:;]+)/.exec(line)?.[1];
      expect(zone, line).toBeDefined();
      expect(text).toContain(`BEGIN:VTIMEZONE\r\nTZID:${zone}\r\n`);
    }
  });

  it('starts a yearly timed day whose first date fell in the spring-forward gap from the next year', () => {
    const day = makeDay({
      key: 'gap',
      anchorDate: '2026-03-08',
      startTime: '02:30',
      zone: 'America/New_York',
    });
    const text = build([day]);
    expect(text).toContain('DTSTART;TZID=America/New_York:20270308T023000');
    const times = expand(eventFor(text, day), 3).map(utcIso);
    expect(times).toEqual([
      '2027-03-08T07:30:00.000Z',
      '2028-03-08T07:30:00.000Z',
      '2029-03-08T07:30:00.000Z',
    ]);
  });
});
