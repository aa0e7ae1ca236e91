import { countryPhrase, embassyWhere } from './names.js';
import { joinList } from './ordering.js';
import type { KeepsakeFacts, LegFacts, TripFacts } from './trip-facts.js';

// Where we have no rule for taking ashes out of the country the journey leaves, someone there is
// named to ask. "The crematorium or funeral director there" exists only where the ashes set off
// from: cremated there, else died there, or collected there. A US family taking Pop, cremated in
// the US, by train from Italy to France was sent to a crematorium in Italy that never had him
// (review 35, finding 1); they ask Italy's border authorities, or its mission where they live.

/** Where these ashes set off from, as `ashes_from` reads it (cremated, else died); null where unsaid. */
const setOffFrom = (keepsake: KeepsakeFacts): string | null =>
  keepsake.lovedOne?.cremationCountry ?? keepsake.lovedOne?.lossCountry ?? null;

/**
 * "We have no rule … for taking ashes out of Italy", with whom to ask. Where the family has not said
 * where any of the ashes set off from, or some did from here, the crematorium or funeral director
 * there is asked, as before.
 */
export function noExitRuleGap(
  trip: Pick<TripFacts, 'home' | 'homeKnown' | 'collectIn'>,
  leg: Pick<LegFacts, 'from'>,
  keepsakes: readonly KeepsakeFacts[],
): string {
  const noRule = `We have no rule from our research for taking ashes out of ${countryPhrase(leg.from)}.`;
  const fromHere =
    trip.collectIn === leg.from ||
    keepsakes.some((keepsake) => {
      const from = setOffFrom(keepsake);
      return from === null || from === leg.from;
    });
  if (fromHere)
    return `${noRule} The crematorium or funeral director there can tell you whether anything is needed before you go.`;
  const names = [...new Set(keepsakes.map((keepsake) => keepsake.lovedOne!.name))];
  const border = `the border authorities of ${countryPhrase(leg.from)}`;
  const mission = embassyWhere(leg.from, trip.homeKnown ? trip.home : null);
  // Living there (or a territory, whose own authorities are named), one is enough.
  const whom =
    mission === border || mission.startsWith('the authorities in') ? mission : `${border}, or ${mission},`;
  return `${noRule} ${joinList(names)}'s ashes came to ${countryPhrase(leg.from)} from elsewhere, so there is no crematorium there to ask; ${whom} can tell you whether anything is needed before you go.`;
}
