import type { RuleQuestion } from '../../contracts/travel-rules.js';
import { regionsOf } from '../../contracts/countries.js';
import { countryPhrase, regionName } from './names.js';
import { compareText, joinList } from './ordering.js';
import { isScatteringRule, type Rule, scopeKindOf, speaksForPlace } from './rule-schema.js';
import type { KeepsakeFacts, TripFacts } from './trip-facts.js';

// Where in a country the ashes are scattered, when our rules there belong to one state or nation
// (England's for the sea; California's 500 yards). Until the family says, what we have is named
// with whose it is, and they are asked once, kindly, in the trip's own "where you will scatter"
// (review 11, finding 4), as a US family is asked the state.

type Scatter = NonNullable<TripFacts['scatter']>;

/** "state", or for the United Kingdom "nation". */
export const partWord = (country: string): string => (country === 'GB' ? 'nation' : 'state');

/** The regions our scattering rules for this country and place belong to, by name, sorted. */
export function regionsWithOwnRules(scatter: Scatter, rules: readonly Rule[]): string[] {
  const place = scatter.place;
  if (place === null) return [];
  const codes = rules
    .filter(
      (rule) =>
        isScatteringRule(rule) &&
        scopeKindOf(rule) !== 'cruise' &&
        rule.conditions.scatter_country?.includes(scatter.country) &&
        rule.conditions.scatter_region !== undefined &&
        speaksForPlace(rule, place),
    )
    .flatMap((rule) => rule.conditions.scatter_region ?? []);
  return [...new Set(codes)].map((code) => regionName(code)).sort(compareText);
}

/** The UK's four nations by name ("England, Northern Ireland, Scotland or Wales"); none for a country of fifty states. */
function partsToName(country: string): string | null {
  const parts = regionsOf(country);
  if (parts.length === 0 || parts.length > 4) return null;
  const names = parts.map((p) => p.name);
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Said where only a state's or nation's own rules speak for this place and the family has not said
 * which: never "we have no rule for the United Kingdom" while England's exist.
 */
export function onlyRegionalRulesGap(
  scatter: Scatter,
  known: readonly string[],
  placeWords: string,
  whom: string,
): string {
  const part = partWord(scatter.country);
  const parts = partsToName(scatter.country);
  return `Our rules for scattering ashes ${placeWords} in ${countryPhrase(scatter.country)} are ${joinList([...known])}'s own; we have none for the whole country. Tell us which ${part}${parts ? ` (${parts})` : ''} to see whether they apply. Until then, and for the other ${part}s, ${whom.charAt(0).toLowerCase()}${whom.slice(1)}`;
}

/**
 * Asked once for the trip when our rules for scattering at this place differ by state or nation and
 * the family has not said which: the answer is the trip's "where you will scatter" region.
 */
export function scatterRegionQuestion(
  scatter: Scatter | null,
  rules: readonly Rule[],
  keepsakes: readonly KeepsakeFacts[],
  placeWords: (place: NonNullable<Scatter['place']>) => string,
): RuleQuestion | null {
  if (!scatter || scatter.place === null || scatter.region !== null) return null;
  // A state's law on a person's remains (California's) is no reason to ask about a pet's ashes.
  const scattered = keepsakes.filter((k) => k.kind !== 'jewellery');
  const forThem = rules.filter(
    (rule) => !scattered.every((k) => k.lovedOne && rule.conditions.loved_one_not?.includes(k.lovedOne.kind)),
  );
  const known = regionsWithOwnRules(scatter, forThem);
  if (known.length === 0) return null;
  const part = partWord(scatter.country);
  const parts = partsToName(scatter.country);
  return {
    loved_one: null,
    field: 'scatter_region',
    message: `Which ${part} of ${countryPhrase(scatter.country)} will you scatter the ashes in${parts ? `: ${parts}` : ''}? We have ${joinList(known)}'s own rules for scattering ashes ${placeWords(scatter.place)}, so we can show the right ones once we know. You can leave this for another day.`,
  };
}
