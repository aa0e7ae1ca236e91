import { conditionsHold } from './match-conditions.js';
import { type Rule, scopeKindOf } from './rule-schema.js';
import type { KeepsakeFacts, LegFacts, TripFacts } from './trip-facts.js';

// A country's rule that names the airlines it speaks of (Vietnam's aviation authority's letter on
// domestic flights, as the newspapers report it, names Vietnam Airlines, VietJet and Bamboo
// Airways) says nothing of any other airline. Flying another (Pacific Airlines, Vietravel
// Airlines), the family hears that our sources name only those, and to ask their own airline,
// never "no papers" (review 28, finding 5). The rule is not stretched to airlines its source does
// not name.

/**
 * The airlines a country's rules for this leg name, where this leg's airline is not among them and
 * every other condition of those rules holds for one of these keepsakes; empty otherwise.
 */
export function airlinesNamedInstead(
  trip: TripFacts,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
  rules: readonly Rule[],
): string[] {
  const carrier = leg.carrier;
  if (carrier === null || leg.mode !== 'air') return [];
  const naming = rules.filter(
    (rule) =>
      scopeKindOf(rule) === 'country' &&
      rule.conditions.carrier !== undefined &&
      !rule.conditions.carrier.includes(carrier) &&
      keepsakes.some((keepsake) =>
        conditionsHold(
          { ...rule.conditions, carrier: [carrier] },
          { channel: 'trip', trip, leg, keepsake },
          rule.scope,
        ),
      ),
  );
  return [...new Set(naming.flatMap((rule) => rule.conditions.carrier ?? []))];
}
