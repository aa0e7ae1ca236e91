import { DateTime } from 'luxon';
import { localToUtcIso } from './time.js';

/**
 * The hour, on the departure's own wall clock the evening before it leaves, from which a departure's
 * checks count. Confirmations made earlier are "packed early": kept and shown, but the check asks
 * again from this hour, so "Done" on the morning of the flight means packed for this departure, not
 * three weeks ago. 18:00 because families pack the evening before (the "Pack Jack" reminder rings
 * at 19:00, see domain/remembrance), and that packing should count; anything before the evening is
 * far enough away for things to be taken out again. A named constant because a family may want
 * another hour one day: the functions below take the hour as an argument.
 */
export const CHECKS_OPEN_HOUR = 18;

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
  const departure = DateTime.fromISO(departureLocal, { zone: departureZone });
  if (!departure.isValid) throw new Error(`Not a valid local time: ${departureLocal} in ${departureZone}`);
  const eveningBefore = departure.startOf('day').minus({ days: 1 }).toFormat('yyyy-MM-dd');
  return localToUtcIso(`${eveningBefore}T${String(hour).padStart(2, '0')}:00`, departureZone);
}
