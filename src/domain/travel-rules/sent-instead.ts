import { countryPhrase } from './names.js';
import { entryRulesInDoubt, isEntryRuleOf } from './passing-through.js';
import type { MatchedRule } from './requirements.js';
import type { KeepsakeFacts, TripFacts } from './trip-facts.js';

// Where a country does not allow a family to carry an urn and its source says the urn is sent
// instead (Germany's missions: through a funeral home or a specialist carrier), the urn is not with
// the family after that leg: it goes to a funeral home or cemetery there. A way home from Germany
// after sending Oma's urn was told its urn would be X-rayed (review 35, t05); it carries nothing.

/**
 * The leg on which every urn on the trip is met by a country's refusal to let a family bring an urn
 * in, whose source says it is sent there instead, said flatly (never on a leg only passing through,
 * where whether it binds is in doubt); -1 where none is. The urn stays there, so the legs after it
 * carry none. A refusal to hand an urn over where it leaves (Hesse's) says nothing of where it goes,
 * and leaves the legs after it as planned.
 */
export function urnSentOnLeg(
  carriedByLeg: readonly (readonly MatchedRule[])[],
  trip: TripFacts,
  urns: readonly KeepsakeFacts[],
): number {
  return carriedByLeg.findIndex((entries, index) => {
    const leg = trip.legs[index]!;
    if (!leg.carriesAshes || urns.length === 0) return false;
    const sent = new Set(
      entries
        .filter(
          ({ rule }) =>
            rule.sent_instead === true &&
            rule.refuses_journey === true &&
            isEntryRuleOf(rule, leg.to) &&
            !entryRulesInDoubt(trip, leg),
        )
        .flatMap((entry) => [...entry.keepsakes]),
    );
    return urns.every((urn) => sent.has(urn.label));
  });
}

/** Said on each leg after the urn is sent: nothing travels with the family there. */
export const sentAheadGap = (country: string): string =>
  `If the urn is sent to ${countryPhrase(country)} instead, as said above, it does not travel with you, so there is nothing to carry on this part of the journey.`;
