import type { Leg, TripDetail, TripSummary } from '../../../contracts/trips.js';
import { formatDateRange, listWords } from '../../lib/format.js';
import { countryName } from '../../lib/places.js';
import { modeWords } from '../../lib/words.js';

/**
 * Where a leg leaves from and arrives, as people think of it: the place the family typed (an
 * airport, a station, a port: "Heathrow", "Madrid"), or the country when they did not.
 */
export const legEnds = (leg: Leg): { from: string; to: string } => ({
  from: leg.fromPlace ?? countryName(leg.fromCountry),
  to: leg.toPlace ?? countryName(leg.toCountry),
});

/** "Heathrow to Madrid": a leg in words (a heading shows "Heathrow → Madrid", see LegName). */
export const legTitle = (leg: Leg): string => {
  const { from, to } = legEnds(leg);
  return `${from} to ${to}`;
};

/** "Flight · United Kingdom to Spain": how it travels, and the countries once places name the ends. */
export const legKind = (leg: Leg): string => {
  const journey = capitalise(modeWords[leg.mode].journey);
  const countries = `${countryName(leg.fromCountry)} to ${countryName(leg.toCountry)}`;
  return leg.fromPlace || leg.toPlace ? `${journey} · ${countries}` : journey;
};

/** "1–8 July 2026 · Carrying Jack's box of ashes". */
export function tripLine(trip: TripSummary): string {
  const dates = formatDateRange(trip.startsOn, trip.endsOn);
  const what =
    trip.keepsakeNames.length === 0
      ? null
      : `${trip.purpose === 'scatter' ? 'Scattering' : 'Carrying'} ${listWords(trip.keepsakeNames)}`;
  return [dates, what].filter(Boolean).join(' · ');
}

/** The traveller who is the signed-in member, if they are on the trip. */
export const myTraveller = (trip: TripDetail, memberId: string) =>
  trip.travellers.find((t) => t.memberId === memberId);

/** The loved ones whose keepsakes travel, for "Is Jack packed?". */
export const lovedOneNames = (trip: TripDetail): string[] => [
  ...new Set(trip.keepsakes.map((k) => k.lovedOneName)),
];

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "in the carry-on bag" / "in Mum's rucksack" — the bag as the family wrote it. */
export const inBag = (bag: string): string =>
  /^(my|our|the|a|an|his|her|their)\b|'s\b/i.test(bag) ? `in ${bag}` : `in the ${bag}`;
