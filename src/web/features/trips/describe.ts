import type { Leg, TripDetail, TripSummary } from '../../../contracts/trips.js';
import { formatDateRange, listWords } from '../../lib/format.js';
import { countryName } from '../../lib/places.js';
import { modeWords } from '../../lib/words.js';

/** "Flight: United Kingdom to Spain". */
export const legTitle = (leg: Leg): string =>
  `${capitalise(modeWords[leg.mode].journey)}: ${countryName(leg.fromCountry)} to ${countryName(leg.toCountry)}`;

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
