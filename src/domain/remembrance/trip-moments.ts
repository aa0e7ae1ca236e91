import { z } from 'zod';
import { legModes } from '../../contracts/trips.js';
import { addDays } from './civil-date.js';
import { type Day, zoneSchema } from './day.js';
import { instantToLocal, localToInstant } from './zoned-time.js';

// The moments a trip adds to the family's calendar, each a one-off timed day in the zone where
// the leg leaves from. Keys come from the trip and leg ids and the kind of moment, so when a trip
// changes the caller can compare old and new keys: same key, update; new key, add; gone, remove.

/** "Pack Jack" comes the evening before the first departure, on the clock where it leaves from. */
export const PACK_EVENING_TIME = '19:00';
/** "Before you leave" comes this long before a flight: time to check before the airport. */
export const BEFORE_FLIGHT_MINUTES = 180;
/** …and this long before a train, car or ship. */
export const BEFORE_OTHER_MINUTES = 60;
/** Each moment shows in the calendar for half an hour. */
export const MOMENT_MINUTES = 30;

export const tripLegSchema = z.object({
  id: z.string().min(1),
  index: z.number().int().min(0),
  departureLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/),
  departureZone: zoneSchema,
  isReturn: z.boolean(),
  mode: z.enum(legModes),
  label: z.string().max(120).optional(),
});
export type TripLeg = z.infer<typeof tripLegSchema>;

export type TripMomentKind = 'pack' | 'before_you_leave' | 'return_evening';
export type TripMoment = Day & { moment: TripMomentKind; tripId: string; legId: string };

export function tripMoments(input: {
  tripId: string;
  tripName: string;
  legs: readonly TripLeg[];
  keepsakeNames: readonly string[];
}): TripMoment[] {
  const legs = [...input.legs]
    .map((leg) => ({
      leg,
      departs: localToInstant(dateOf(leg), leg.departureLocal.slice(11), leg.departureZone),
    }))
    .sort((a, b) => a.departs - b.departs || a.leg.index - b.leg.index);
  const first = legs[0];
  if (!first) return [];
  const names = joinNames(input.keepsakeNames);
  const packed = `${input.keepsakeNames.filter((n) => n.trim()).length > 1 ? 'are' : 'is'} ${names} packed?`;
  const moment = (m: {
    kind: TripMomentKind;
    leg: TripLeg;
    date: string;
    time: string;
    title: string;
    note?: string;
  }): TripMoment => ({
    key: m.kind === 'pack' ? `trip:${input.tripId}:pack` : `trip:${input.tripId}:leg:${m.leg.id}:${m.kind}`,
    kind: 'trip_moment',
    title: m.title,
    ...(m.note ? { note: m.note } : {}),
    anchorDate: m.date,
    recurrence: 'once',
    startTime: m.time,
    durationMinutes: MOMENT_MINUTES,
    zone: m.leg.departureZone,
    moment: m.kind,
    tripId: input.tripId,
    legId: m.leg.id,
  });

  const result = [
    moment({
      kind: 'pack',
      leg: first.leg,
      date: addDays(dateOf(first.leg), -1),
      time: PACK_EVENING_TIME,
      title: names ? `Pack ${names} for ${input.tripName}` : `Pack for ${input.tripName}`,
    }),
  ];

  for (const { leg, departs } of legs) {
    const minutes = leg.mode === 'air' ? BEFORE_FLIGHT_MINUTES : BEFORE_OTHER_MINUTES;
    // Counted in real time, so three hours stays three hours across a clock change. Should that
    // land in the repeated hour of a fall-back night, it is read back as the first of the two:
    // an hour early, never late.
    const at = instantToLocal(departs - minutes * 60_000, leg.departureZone);
    const title = `Before you leave${leg.label ? ` (${leg.label})` : ''}`;
    result.push(
      moment({
        kind: 'before_you_leave',
        leg,
        date: at.date,
        time: at.time,
        title: names ? `${title}: ${packed}` : title,
      }),
    );
  }

  // The evening before heading home: the hotel is where things get left behind. When the first leg
  // is already the way home, "pack" has said this.
  const homeward = legs.find(({ leg }) => leg.isReturn);
  if (homeward && homeward !== first) {
    result.push(
      moment({
        kind: 'return_evening',
        leg: homeward.leg,
        date: addDays(dateOf(homeward.leg), -1),
        time: PACK_EVENING_TIME,
        title: names ? `Going home tomorrow: ${packed}` : 'Going home tomorrow',
        note: 'A last look round the room before you go: drawers, the bedside and the safe.',
      }),
    );
  }
  return result;
}

const dateOf = (leg: TripLeg) => leg.departureLocal.slice(0, 10);

/** "Jack", "Jack and Grandad", "Jack, Grandad and Bella". */
export function joinNames(names: readonly string[]): string {
  const clean = names.map((n) => n.trim()).filter((n) => n.length > 0);
  if (clean.length <= 1) return clean[0] ?? '';
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]}`;
}
