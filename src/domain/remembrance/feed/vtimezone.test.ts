import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetMinutesAt } from '../zoned-time.js';
import { buildVtimezone } from './vtimezone.js';

// Our VTIMEZONE blocks are checked the way a calendar app reads them: Mozilla's ical.js parses each
// one and answers "what is the UTC offset at this local time?", which must match the runtime's tzdata.

function parseZone(text: string): ICAL.Timezone {
  return new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)));
}

/** ical.js's offset (minutes) for a wall-clock time, compared at noon on the 15th: far from any change. */
function offsetsAgree(tz: ICAL.Timezone, zone: string, years: number[], months: number[]): string[] {
  const wrong: string[] = [];
  for (const year of years) {
    for (const month of months) {
      const local = DateTime.fromObject({ year, month, day: 15, hour: 12 }, { zone });
      const ms = local.toMillis();
      // Skip the rare zone that changes within a day of this moment.
      if (
        offsetMinutesAt(ms - 86_400_000, zone) !== local.offset ||
        offsetMinutesAt(ms + 86_400_000, zone) !== local.offset
      )
        continue;
      const time = ICAL.Time.fromData({
        year,
        month,
        day: 15,
        hour: 12,
        minute: 0,
        second: 0,
        isDate: false,
      });
      const theirs = tz.utcOffset(time) / 60;
      if (Math.abs(theirs - local.offset) > 0.5)
        wrong.push(`${zone} ${year}-${month}: ${theirs} vs ${local.offset}`);
    }
  }
  return wrong;
}

describe('buildVtimezone', () => {
  // About 4 s: building 418 zones is the cost (a feed builds one to three).
  it(
    'matches the runtime tzdata for every zone, 2005–2035, when read by ical.js',
    { timeout: 30_000 },
    () => {
      const years = Array.from({ length: 31 }, (_, i) => 2005 + i);
      const wrong = Intl.supportedValuesOf('timeZone').flatMap((zone) =>
        offsetsAgree(parseZone(buildVtimezone(zone, 2005, 2035)), zone, years, [1, 4, 7, 10]),
      );
      expect(wrong).toEqual([]);
    },
  );

  it('writes recurring rules that carry on beyond the window it was built for', () => {
    for (const zone of [
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Jerusalem',
      'America/Santiago',
    ]) {
      const tz = parseZone(buildVtimezone(zone, 2024, 2028));
      expect(offsetsAgree(tz, zone, [2035, 2040, 2050], [1, 4, 7, 10])).toEqual([]);
    }
  });

  it('writes the US rule as the second Sunday of March and first Sunday of November', () => {
    const text = buildVtimezone('America/New_York', 2020, 2028);
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    expect(text).toContain('TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400');
  });

  it('knows Mexico stopped daylight saving in 2022 (unlike tzdata 2018g)', () => {
    const tz = parseZone(buildVtimezone('America/Mexico_City', 2020, 2028));
    expect(offsetsAgree(tz, 'America/Mexico_City', [2021, 2023, 2026], [7])).toEqual([]);
    expect(
      DateTime.fromObject({ year: 2026, month: 7, day: 1 }, { zone: 'America/Mexico_City' }).offset,
    ).toBe(-360);
  });

  it('writes a zone without daylight saving as one fixed offset', () => {
    const text = buildVtimezone('Asia/Tokyo', 2020, 2028);
    expect(text.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(text).toContain('TZOFFSETTO:+0900');
  });
});
