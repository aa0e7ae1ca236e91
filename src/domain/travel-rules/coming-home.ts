import { customsTerritoryOf } from './borders.js';
import { countryPhrase, embassyWhere } from './names.js';
import type { KeepsakeFacts, LegFacts, TripFacts } from './trip-facts.js';

// Whom a family asks about bringing ashes into their own country. What a country needs at its own
// border is for that country to say: the family asks its border authorities (its customs, for ashes
// coming back), before they set off, never at the border when they arrive, where it is too late to
// ask (review 27, finding 6), and never their own country's post abroad. One answer for a person's
// ashes and a pet's (review 35, t: review 34b, finding 2), for every leg that arrives home with the
// ashes, whether or not it is marked as the way home and wherever the trip began (review 34b,
// finding 3; review 34, finding 6).

/** The ashes set off from home on this trip: the first leg carrying them leaves it. */
export const leftHome = (trip: TripFacts): boolean =>
  trip.homeKnown && trip.legs[trip.joinsAt ?? 0]?.from === trip.home;

/** Whom the family asks about bringing these ashes home on this leg, and whether they come back. */
export interface ComingHome {
  /** The ashes left home on this trip, or were cremated (or the loved one died) there: they come back. */
  back: boolean;
  /** "the customs service of Ireland" for ashes coming back, else "the border authorities of Ireland". */
  whom: string;
}

/**
 * On a leg bringing `keepsakes` into the family's home (where they said they live), whom they ask
 * before they set off; null on any other leg, and while the family has not said where they live.
 */
export function comingHome(
  trip: TripFacts,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
): ComingHome | null {
  if (!trip.homeKnown || leg.to !== trip.home) return null;
  // Cremated at home, or set off from there on this trip (review 17, finding 8; review 30, finding 6).
  const back =
    leftHome(trip) ||
    (keepsakes.length > 0 &&
      keepsakes.every(
        (k) => k.lovedOne !== null && (k.lovedOne.cremationCountry ?? k.lovedOne.lossCountry) === leg.to,
      ));
  // Home's customs (Puerto Rico's are the United States': borders.ts; review 35, w), else its
  // border authorities (a territory's own authorities: names.ts).
  const customs = countryPhrase(customsTerritoryOf(leg.to));
  return { back, whom: back ? `the customs service of ${customs}` : embassyWhere(leg.to, leg.to) };
}
