import type { RuleQuestion } from '../../contracts/travel-rules.js';
import { conditionsHold } from './match-conditions.js';
import { countryPhrase, embassyOf, embassyWhere } from './names.js';
import { compareText, joinList } from './ordering.js';
import type { Rule } from './rule-schema.js';
import type { KeepsakeFacts, LegFacts, TripFacts } from './trip-facts.js';

// A rule that speaks only for families living somewhere (a consulate's list, which speaks for the
// people living where it serves; "coming back to the UK") is not applied on a guess. When nothing
// in the trip says where the family lives (no home_country, no leg marked as the way home), the
// leg names the unknown plainly, with whom to ask meanwhile, and the family is asked once.

/**
 * Rules for this leg that would apply if the family lived in one of the places they speak for. One
 * saying what a rule already said on the leg says (the same merge_key: Germany's missions in the US
 * and in Canada, where the same page's refusal is said for a journey from the US) is not waiting.
 */
export function homeUnknownRules(
  rules: readonly Rule[],
  trip: TripFacts,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
  appliesTo: (rule: Rule, keepsake: KeepsakeFacts) => boolean,
  said: readonly Rule[] = [],
): Rule[] {
  if (trip.homeKnown) return [];
  const saidKeys = new Set(said.flatMap((rule) => (rule.merge_key ? [rule.merge_key] : [])));
  return rules.filter((rule) => {
    const homes = rule.conditions.home;
    if (!homes) return false;
    if (rule.merge_key && saidKeys.has(rule.merge_key)) return false;
    return keepsakes.some(
      (keepsake) =>
        appliesTo(rule, keepsake) &&
        homes.some((home) =>
          conditionsHold(
            rule.conditions,
            {
              channel: 'trip',
              trip: { ...trip, home, homeKnown: true },
              leg,
              keepsake,
            },
            rule.scope,
          ),
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

/**
 * "Ireland", and ", or who are taking ashes from there after a death there" where every one of them
 * also holds for a family setting off with the ashes from there after a death there: coming home
 * (home_or_death_there; review 25, finding 7), or collecting them there (review 33b, M1).
 */
const homesOf = (rules: readonly Rule[]) => {
  const homes = [...new Set(rules.flatMap((rule) => rule.conditions.home ?? []))];
  const one = homes.length === 1;
  const died = rules.every((rule) => rule.conditions.home_or_death_there)
    ? `, or who are taking ashes from ${one ? 'there' : 'one of them'} after a death ${one ? 'there' : 'in it'}`
    : '';
  return `${joinList(homes.map(countryPhrase).sort(compareText), 'or')}${died}`;
};

const why = (rules: readonly Rule[]) =>
  rules.some((rule) => rule.source_kind === 'consulate')
    ? ": consulates' lists differ by where you apply from"
    : '';

/**
 * Waiting rules that say the journey is not allowed as planned (Germany's missions: a family may not
 * carry an urn), by what they say, each with the homes it speaks for: "Germany doesn't allow a
 * family to carry an urn" for Canada and the United States. Never applied on a guess (data/README.md),
 * but never hidden behind "consulates' lists differ" either, as if only the papers were in doubt
 * (review 23, finding 7).
 */
export function waitingRefusals(unknown: readonly Rule[]): { title: string; homes: string[] }[] {
  const byTitle = new Map<string, Set<string>>();
  for (const rule of unknown) {
    if (!rule.refuses_journey || rule.conditions.to === undefined) continue;
    const homes = byTitle.get(rule.title) ?? new Set<string>();
    for (const home of rule.conditions.home ?? []) homes.add(home);
    byTitle.set(rule.title, homes);
  }
  return [...byTitle].map(([title, homes]) => ({ title, homes: [...homes].sort(compareText) }));
}

/** "for families who live in Canada or the United States, our sources say Germany doesn't allow …" */
export function refusalWords(refusals: readonly { title: string; homes: readonly string[] }[]): string {
  return refusals
    .map(
      ({ title, homes }) =>
        `for families who live in ${joinList(homes.map(countryPhrase).sort(compareText), 'or')}, our sources say ${title.replace(/\.$/, '')}`,
    )
    .join('; and ');
}

export function homeGaps(
  leg: LegFacts,
  unknown: readonly Rule[],
  takeWith: string,
  setsOffFrom: string = leg.setsOffFrom,
  ashesIn: string | null = null,
): HomeGaps {
  const entering = unknown.filter((rule) => rule.conditions.to !== undefined);
  const refusals = waitingRefusals(entering);
  // Said calmly, as what may be so, with the same whom to ask.
  const notAllowed =
    refusals.length === 0 ? '' : ` Some say more than which papers: ${refusalWords(refusals)}.`;
  const whether = refusals.length === 0 ? '' : ', and whether the ashes can travel with you as planned';
  const leaving = unknown.filter(
    (rule) => rule.conditions.to === undefined && rule.conditions.from !== undefined,
  );
  const into = countryPhrase(leg.to);
  const outOf = countryPhrase(leg.from);
  // Coming home is asked about before setting off, never at the border; anyone else asks where they live.
  // Lists that speak only for ashes leaving one country (Vietnam's missions: the permit is asked for
  // where the ashes are, wherever the family lives) name the mission there (review 25, finding 2).
  const whereAshesAre =
    ashesIn !== null &&
    ashesIn !== leg.to &&
    entering.every((rule) => rule.conditions.ashes_from?.includes(ashesIn) === true);
  const whom = entering.some((rule) => rule.conditions.home?.includes(leg.to))
    ? `${embassyWhere(leg.to, setsOffFrom)} can tell you, before you set off, what they need`
    : whereAshesAre
      ? `${embassyWhere(leg.to, ashesIn)}, where the ashes are, can tell you what they need`
      : `${embassyOf(leg.to)} where you live can tell you what they need`;
  return {
    entry:
      entering.length === 0
        ? null
        : `Where does your family live? Our sources on taking ashes into ${into} include some that speak only for families who live in ${homesOf(entering)}${why(entering)}.${notAllowed} Tell us where you live to see whether they are for you; until then, ${whom}${whether}${takeWith}.`,
    exit:
      leaving.length === 0
        ? null
        : `Where does your family live? Our sources on taking ashes out of ${outOf} include some that speak only for families who live in ${homesOf(leaving)}${why(leaving)}. Tell us where you live to see whether they are for you; until then, the crematorium or funeral director there can tell you whether anything is needed before you go.`,
  };
}

export function homeQuestion(
  refusals: readonly { title: string; homes: readonly string[] }[] = [],
): RuleQuestion {
  return {
    loved_one: null,
    field: 'home_country',
    message:
      refusals.length === 0
        ? "Where does your family live? Consulates' lists differ by where you apply from, and some rules are only for families coming home, so we can only show the ones that are for you once we know."
        : `Where does your family live? Some of our sources speak only for families living in certain places, and not only about papers: ${refusalWords(refusals)}. Consulates' lists also differ by where you apply from, and some rules are only for families coming home, so we can only show the ones that are for you once we know.`,
  };
}
