import type { RuleGap } from '../../contracts/travel-rules.js';
import { capitalise, countryPhrase, embassyWhere } from './names.js';
import { askingFrom, journeyStart } from './passing-through.js';
import type { Rule } from './rule-schema.js';
import { listsOfSpeakers } from './speakers.js';
import type { LegFacts, TripFacts } from './trip-facts.js';

// A source that speaks of ashes brought to a country to be buried (Poland's mission in Ireland: a
// permit from the starosta "where the remains are to be buried", then the consul's certificate) says
// nothing of ashes brought there to be scattered. For a family scattering them there, its rules are
// left out, and the leg says so, with whom to ask: never a burial permit for a burial that is not
// planned, and never silence (review 33b, M3).

/** Where the rule speaks of ashes staying: the country entered, or those its paper for leaving names. */
const stayingIn = (rule: Rule, leg: LegFacts): readonly string[] =>
  rule.for_ashes_staying ? [leg.to] : (rule.for_ashes_staying_in ?? []);

/** The rule speaks only of a burial in the country where this trip scatters the ashes. */
export const buriedWhereScattered = (rule: Rule, trip: TripFacts, leg: LegFacts): boolean =>
  rule.for_burial === true &&
  trip.purpose === 'scatter' &&
  trip.scatter !== null &&
  stayingIn(rule, leg).includes(trip.scatter.country);

export function withoutBurialOnly<T extends { rule: Rule }>(
  entries: readonly T[],
  trip: TripFacts,
  leg: LegFacts,
): T[] {
  return entries.filter((entry) => !buriedWhereScattered(entry.rule, trip, leg));
}

/** "The list of Poland's mission in Ireland is for ashes brought to Poland to be buried, …". */
export function scatteringNotBurialGaps(
  trip: TripFacts,
  leg: LegFacts,
  leftOut: readonly Rule[],
  takeWith: string,
): RuleGap[] {
  if (leftOut.length === 0 || trip.scatter === null) return [];
  const country = trip.scatter.country;
  const { lists: whose, it } = listsOfSpeakers(leftOut);
  const ask = embassyWhere(country, askingFrom(trip, leg) ?? journeyStart(trip, leg));
  return [
    {
      message: `${capitalise(whose)} for ashes brought to ${countryPhrase(country)} to be buried, so we leave ${it} out, as you are scattering them; our sources don't say what is needed to bring ashes to ${countryPhrase(country)} to scatter them. ${capitalise(ask)} can tell you before you set off${takeWith}.`,
    },
  ];
}
