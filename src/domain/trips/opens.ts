import { DateTime } from 'luxon';
import { CHECKS_OPEN_HOUR } from '../../contracts/trips.js';
import { localToUtcIso } from './time.js';

// The usual hour is in the contracts (CHECKS_OPEN_HOUR, with why it is 18:00): a trip may choose another.

/**
 * When a departure's checks open: `hour`:00 on the calendar day before the departure's local date,
 * in the departure's zone, as a UTC instant. Daylight saving follows `localToUtcIso` (a wall time in
 * a gap moves forward, one that happens twice takes the earlier moment).
 */
export function checksOpenAt(
  departureLocal: string,
  departureZone: string,
  hour: number = CHECKS_OPEN_HOUR,
): string {
  const key = `${departureLocal}|${departureZone}|${hour}`;
  const known = opening.get(key);
  if (known !== undefined) return known;
  const opens = computeOpening(departureLocal, departureZone, hour);
  // A Map keeps insertion order: when full, the oldest answer goes first.
  if (opening.size >= KEPT_OPENINGS) opening.delete(opening.keys().next().value!);
  opening.set(key, opens);
  return opens;
}

// Every read of a trip works out each leg's opening afresh, and luxon's time-zone arithmetic
// (Intl's formatToParts, several times per leg) was about a quarter of a trip page's answer. The
// answer depends only on its three inputs and the time-zone rules this process started with, so
// it is kept; a bounded number of them, as trips come and go.
const KEPT_OPENINGS = 10_000;
const opening = new Map<string, string>();

function computeOpening(departureLocal: string, departureZone: string, hour: number): string {
  const departure = DateTime.fromISO(departureLocal, { zone: departureZone });
  if (!departure.isValid) throw new Error(`Not a valid local time: ${departureLocal} in ${departureZone}`);
  const eveningBefore = departure.startOf('day').minus({ days: 1 }).toFormat('yyyy-MM-dd');
  return localToUtcIso(`${eveningBefore}T${String(hour).padStart(2, '0')}:00`, departureZone);
}
