import type { Leg, LegCheck, TripDetail, TripSummary } from '../../../contracts/trips.js';
import { listWords } from '../../lib/format.js';
import type { Waiting } from '../../lib/outbox.js';
import { checkWords } from '../../lib/words.js';
import { shownCheck } from '../trips/CheckCard.js';
import { lovedOneNames } from '../trips/describe.js';

// The day of travel on the home page: the check to do now, found from the trip's departures.

const HOUR_MS = 3_600_000;
/** A departure stays "today" this long after it leaves: time to land, and to leave the plane. */
const AFTER_DEPARTURE_MS = 18 * HOUR_MS;
/** Trips that began this long ago may still have a way home today. */
const LONGEST_TRIP_MS = 60 * 24 * HOUR_MS;

/**
 * The trip most likely to be travelling now: its first departure is within a day and a half, or it
 * began in the last two months and has not ended. Its details tell whether a departure is today.
 */
export function tripMaybeToday(trips: readonly TripSummary[], now: number): TripSummary | undefined {
  return trips
    .filter((t) => {
      if (!t.firstDepartureUtc || t.progress.checksTotal === 0) return false;
      const first = Date.parse(t.firstDepartureUtc);
      return first - now < 36 * HOUR_MS && now - first < LONGEST_TRIP_MS;
    })
    .sort((a, b) => Date.parse(b.firstDepartureUtc!) - Date.parse(a.firstDepartureUtc!))[0];
}

export interface TravelDay {
  leg: Leg;
  /** The check to do now: the first one of the leg not done yet; none when all are done. */
  current: LegCheck | undefined;
  /** The leg's checks done so far, as shown on this phone. */
  done: LegCheck[];
  /** "Is Jack packed?" for the current check. */
  question: string | undefined;
}

/**
 * The departure of the day: its checks have opened (the evening before) and it left less than
 * `AFTER_DEPARTURE_MS` ago. With two that day (a connection), the first with a check still to do.
 */
export function travelDay(
  trip: TripDetail,
  waiting: readonly Waiting[],
  recordedByName: string,
  now: number,
): TravelDay | undefined {
  if (trip.keepsakes.length === 0) return undefined;
  const legs = trip.legs.filter(
    (leg) =>
      leg.checks.length > 0 &&
      leg.checks.every((c) => Date.parse(c.opensAt) <= now) &&
      now - Date.parse(leg.departureUtc) < AFTER_DEPARTURE_MS,
  );
  const days = legs.map((leg) => {
    const shown = leg.checks.map((check) => ({
      check,
      complete: shownCheck(trip, check, waiting, recordedByName).complete,
    }));
    const current = shown.find((s) => !s.complete)?.check;
    return {
      leg,
      current,
      done: shown.filter((s) => s.complete).map((s) => s.check),
      question: current && checkWords[current.kind].question(listWords(lovedOneNames(trip))),
    };
  });
  return days.find((d) => d.current) ?? days.at(-1);
}
