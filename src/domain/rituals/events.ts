import { DateTime } from 'luxon';
import { CHECKS_OPEN_HOUR } from '../../contracts/trips.js';
import { checksOpenAt } from '../trips/opens.js';
import { localToUtcIso } from '../trips/time.js';

// The trip events a ritual can follow: arriving at a destination, the evening before leaving, and
// the first night home. Pure: the legs and the moment come in as arguments.

export const ritualEvents = ['arrival', 'evening_before', 'first_night_home'] as const;
export type RitualEvent = (typeof ritualEvents)[number];

/** What the events need of a leg (the trips module's leg, or the contract's). */
export interface EventLeg {
  id: string;
  departureLocal: string;
  departureZone: string;
  departureUtc: string;
  isReturn: boolean;
  connection: boolean;
  arrivalZone: string | null;
  arrivalUtc: string | null;
  /** When the family tapped "We've arrived". */
  arrivedAt: string | null;
}

/** One time an event ritual falls due on a trip. */
export interface EventTime {
  /** The key of its mark: one mark per ritual and key. */
  key: string;
  dueAt: string;
  /** The zone whose evening and day the card follows. */
  zone: string;
  legId: string | null;
}

/**
 * "Arrived": the arrival the family recorded ("We've arrived"), else the leg's arrival time once it
 * has passed. A recorded arrival wins because it is what happened; an arrival time in the future
 * has not happened yet.
 */
export function arrivedAt(leg: EventLeg, nowMs: number): string | null {
  if (leg.arrivedAt) return leg.arrivedAt;
  if (leg.arrivalUtc && Date.parse(leg.arrivalUtc) <= nowMs) return leg.arrivalUtc;
  return null;
}

/** The hour of "the evening": the same 18:00 as the evening before a departure (domain/trips). */
export const EVENING_HOUR = CHECKS_OPEN_HOUR;

/**
 * When an event ritual falls on a trip whose legs are in departure order, `homeZone` being the
 * family's zone (for a recorded arrival home on a leg with no arrival zone).
 * - arrival: each arrival at a destination, that is each leg that is neither the way home nor only a
 *   change of planes, once arrived;
 * - evening before leaving: 18:00 on the evening before the first departure, in its zone;
 * - first night home: the evening (18:00, or the arrival if later) of the day the last leg, the way
 *   home, arrived, in the zone it arrived in. Unknown until that leg has arrived.
 */
export function eventTimes(
  event: RitualEvent,
  tripId: string,
  legs: readonly EventLeg[],
  nowMs: number,
  homeZone: string,
): EventTime[] {
  if (legs.length === 0) return [];
  if (event === 'evening_before') {
    const first = legs[0]!;
    return [
      {
        key: `evening-before:${tripId}`,
        dueAt: checksOpenAt(first.departureLocal, first.departureZone, EVENING_HOUR),
        zone: first.departureZone,
        legId: first.id,
      },
    ];
  }
  if (event === 'arrival') {
    return legs
      .filter((leg) => !leg.isReturn && !leg.connection)
      .flatMap((leg) => {
        const at = arrivedAt(leg, nowMs);
        return at
          ? [{ key: `arrival:${leg.id}`, dueAt: at, zone: leg.arrivalZone ?? homeZone, legId: leg.id }]
          : [];
      });
  }
  const last = legs.at(-1)!;
  const at = last.isReturn ? arrivedAt(last, nowMs) : null;
  if (!at) return [];
  const zone = last.arrivalZone ?? homeZone;
  const day = DateTime.fromISO(at, { zone }).toFormat('yyyy-MM-dd');
  const evening = localToUtcIso(`${day}T${String(EVENING_HOUR).padStart(2, '0')}:00`, zone);
  return [
    {
      key: `first-night-home:${tripId}`,
      dueAt: Date.parse(at) > Date.parse(evening) ? at : evening,
      zone,
      legId: last.id,
    },
  ];
}
