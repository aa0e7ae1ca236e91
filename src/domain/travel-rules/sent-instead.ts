import { countryPhrase } from './names.js';
import { joinList } from './ordering.js';
import { entryRulesInDoubt, isEntryRuleOf } from './passing-through.js';
import type { MatchedRule } from './requirements.js';
import type { KeepsakeFacts, TripFacts } from './trip-facts.js';

// Where a country does not allow a family to carry an urn and its source says the urn is sent
// instead (Germany's missions: through a funeral home or a specialist carrier), the urn is not with
// the family after that leg: it goes to a funeral home or cemetery there. A way home from Germany
// after sending Oma's urn was told its urn would be X-rayed (review 35, t05); it carries nothing.

/**
 * Where each urn is sent instead: its label, and the leg on which a country's refusal to let a family
 * bring an urn in, whose source says it is sent there instead, meets it, said flatly (never on a leg
 * only passing through, where whether it binds is in doubt). The urn stays there, so the legs after
 * it do not carry it; the urns not sent travel on as planned (a dog's ashes, which Germany's rule does
 * not speak of, beside Oma's urn). A refusal to hand an urn over where it leaves (Hesse's) says nothing
 * of where it goes, and leaves the legs after it as planned.
 */
export function urnsSentOn(
  carriedByLeg: readonly (readonly MatchedRule[])[],
  trip: TripFacts,
  urns: readonly KeepsakeFacts[],
): ReadonlyMap<string, number> {
  const sentAt = new Map<string, number>();
  carriedByLeg.forEach((entries, index) => {
    const leg = trip.legs[index]!;
    if (!leg.carriesAshes || entryRulesInDoubt(trip, leg)) return;
    for (const { rule, keepsakes } of entries) {
      if (rule.sent_instead !== true || rule.refuses_journey !== true || !isEntryRuleOf(rule, leg.to))
        continue;
      for (const label of keepsakes)
        if (!sentAt.has(label) && urns.some((urn) => urn.label === label)) sentAt.set(label, index);
    }
  });
  return sentAt;
}

/** A leg's matched rules without the urns sent on an earlier leg; a rule left matching none is gone. */
export function withoutUrnsSent(
  entries: readonly MatchedRule[],
  gone: ReadonlySet<string>,
  urns: readonly KeepsakeFacts[],
): MatchedRule[] {
  if (gone.size === 0) return [...entries];
  return entries.flatMap((entry) => {
    const keepsakes = new Set([...entry.keepsakes].filter((label) => !gone.has(label)));
    if (keepsakes.size === 0) return [];
    const held = urns.filter((urn) => keepsakes.has(urn.label));
    const owners = new Set(
      [...entry.owners].filter((name) =>
        held.some((urn) => urn.lovedOne === null || urn.lovedOne.name === name),
      ),
    );
    return [{ ...entry, keepsakes, owners }];
  });
}

/** Said on each leg after the urn is sent: nothing travels with the family there. */
export const sentAheadGap = (country: string): string =>
  `If the urn is sent to ${countryPhrase(country)} instead, as said above, it does not travel with you, so there is nothing to carry on this part of the journey.`;

/** Said on a leg after one urn is sent, where others still travel with the family. */
export const oneSentAheadGap = (names: readonly string[], country: string): string =>
  `If ${joinList(names)}'s urn is sent to ${countryPhrase(country)} instead, as said above, it does not travel with you on this part of the journey.`;
