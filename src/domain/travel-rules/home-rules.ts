import type { RuleQuestion } from '../../contracts/travel-rules.js';
import { conditionsHold } from './match-conditions.js';
import { countryPhrase, embassyOf } from './names.js';
import { compareText, joinList } from './ordering.js';
import type { Rule } from './rule-schema.js';
import type { KeepsakeFacts, LegFacts, TripFacts } from './trip-facts.js';

// A rule that speaks only for families living somewhere (a consulate's list, which speaks for the
// people living where it serves; "coming back to the UK") is not applied on a guess. When nothing
// in the trip says where the family lives (no home_country, no leg marked as the way home), the
// leg names the unknown plainly, with whom to ask meanwhile, and the family is asked once.

/** Rules for this leg that would apply if the family lived in one of the places they speak for. */
export function homeUnknownRules(
  rules: readonly Rule[],
  trip: TripFacts,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
  appliesTo: (rule: Rule, keepsake: KeepsakeFacts) => boolean,
): Rule[] {
  if (trip.homeKnown) return [];
  return rules.filter((rule) => {
    const homes = rule.conditions.home;
    if (!homes) return false;
    return keepsakes.some(
      (keepsake) =>
        appliesTo(rule, keepsake) &&
        homes.some((home) =>
          conditionsHold(rule.conditions, {
            channel: 'trip',
            trip: { ...trip, home, homeKnown: true },
            leg,
            keepsake,
          }),
        ),
    );
  });
}

export interface HomeGaps {
  /** Said for the country entered, in place of "we have no rule for taking ashes into …". */
  entry: string | null;
  /** Said for the country left, in place of "we have no rule for taking ashes out of …". */
  exit: string | null;
}

const homesOf = (rules: readonly Rule[]) =>
  joinList(
    [...new Set(rules.flatMap((rule) => rule.conditions.home ?? []))].map(countryPhrase).sort(compareText),
    'or',
  );

const why = (rules: readonly Rule[]) =>
  rules.some((rule) => rule.source_kind === 'consulate')
    ? ": consulates' lists differ by where you apply from"
    : '';

export function homeGaps(leg: LegFacts, unknown: readonly Rule[], takeWith: string): HomeGaps {
  const entering = unknown.filter((rule) => rule.conditions.to !== undefined);
  const leaving = unknown.filter(
    (rule) => rule.conditions.to === undefined && rule.conditions.from !== undefined,
  );
  const into = countryPhrase(leg.to);
  const outOf = countryPhrase(leg.from);
  // Coming home is asked about before setting off, never at the border; anyone else asks where they live.
  const whom = entering.some((rule) => rule.conditions.home?.includes(leg.to))
    ? `${embassyOf(leg.to)} in ${countryPhrase(leg.setsOffFrom)} can tell you, before you set off, what they need`
    : `${embassyOf(leg.to)} where you live can tell you what they need`;
  return {
    entry:
      entering.length === 0
        ? null
        : `Where does your family live? Our sources on taking ashes into ${into} include some that speak only for families who live in ${homesOf(entering)}${why(entering)}. Tell us where you live to see whether they are for you; until then, ${whom}${takeWith}.`,
    exit:
      leaving.length === 0
        ? null
        : `Where does your family live? Our sources on taking ashes out of ${outOf} include some that speak only for families who live in ${homesOf(leaving)}${why(leaving)}. Tell us where you live to see whether they are for you; until then, the crematorium or funeral director there can tell you whether anything is needed before you go.`,
  };
}

export function homeQuestion(): RuleQuestion {
  return {
    loved_one: null,
    field: 'home_country',
    message:
      "Where does your family live? Consulates' lists differ by where you apply from, and some rules are only for families coming home, so we can only show the ones that are for you once we know.",
  };
}
