import { DateTime, IANAZone } from 'luxon';

// Wall-clock time in a named zone ↔ an instant. Everything goes through an explicit IANA zone, so the
// result is the same whatever TZ the server or browser runs in.
//
// Two days a year a wall-clock time is awkward:
//  - In the spring-forward gap (02:30 on the US change day) the time does not exist. It is read with
//    the offset in force just before the gap, which lands the same distance past the gap's end
//    (02:30 → 03:30 EDT). This is what RFC 5545 §3.3.5 prescribes, so an e-mail reminder and the phone
//    calendar subscribed to our feed agree; it is also luxon's and Temporal's default.
//  - In the fall-back overlap (01:30 on the US change day) the time happens twice. We take the first
//    (earlier) one, as RFC 5545 does, so a reminder is early rather than an hour late, and fires once.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function zoneOf(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new Error(`Unknown time zone: ${name}`);
  return zone;
}

/** Minutes to add to UTC to get the wall clock in `zone` at instant `ms`. */
export function offsetMinutesAt(ms: number, zone: string): number {
  return zoneOf(zone).offset(ms);
}

/** The instant at which the wall clock in `zone` shows `date` `time` ('YYYY-MM-DD', 'HH:mm'). */
export function localToInstant(date: string, time: string, zone: string): number {
  const tz = zoneOf(zone);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hour,
    minute,
  );
  // Any transition near this wall time lies between these two offsets.
  const before = tz.offset(wall - DAY_MS);
  const after = tz.offset(wall + DAY_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((ms) => wall - tz.offset(ms) * MINUTE_MS === ms)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return first; // one match, or the earlier of an overlap
  return wall - before * MINUTE_MS; // a gap: read with the offset before it
}

export interface LocalTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:mm
  /** ISO 8601 with the offset, e.g. 2026-10-15T19:00:00.000+01:00 */
  iso: string;
}

export function instantToLocal(ms: number, zone: string): LocalTime {
  const value = DateTime.fromMillis(ms, { zone: zoneOf(zone) });
  return { date: value.toISODate() ?? '', time: value.toFormat('HH:mm'), iso: value.toISO() ?? '' };
}
