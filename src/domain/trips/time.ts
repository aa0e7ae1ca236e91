import { DateTime } from 'luxon';

/**
 * A departure is entered as the clock on the wall where it leaves ("09:30 in Madrid"). A time that
 * falls into a daylight-saving gap moves forward to the first time that exists (luxon's behaviour);
 * a time that happens twice when the clocks go back takes the earlier moment, so a reminder is early
 * rather than an hour late.
 */
export function localToUtcIso(local: string, zone: string): string {
  const value = DateTime.fromISO(local, { zone });
  if (!value.isValid) throw new Error(`Not a valid local time: ${local} in ${zone}`);
  const wall = value.toFormat("yyyy-MM-dd'T'HH:mm");
  // Luxon resolves an ambiguous wall time to the later offset; look for the same wall time earlier.
  for (const hoursEarlier of [1, 2]) {
    const earlier = value.minus({ hours: hoursEarlier });
    if (earlier.toFormat("yyyy-MM-dd'T'HH:mm") === wall) return earlier.toUTC().toISO();
  }
  return value.toUTC().toISO();
}
