import type { RuleGap } from '../../contracts/travel-rules.js';
import { setsOffElsewhere } from './match-conditions.js';
import { capitalise, countryPhrase, embassyWhere } from './names.js';
import type { Rule } from './rule-schema.js';
import { listsOfSpeakers } from './speakers.js';
import type { LegFacts, TripFacts } from './trip-facts.js';

// A consulate's list for taking ashes to its country from where it is (`home_or_death_there`: the
// Philippine posts in Australia, Poland's mission in Dublin) is for ashes leaving that country. A
// family living there who collect the ashes in a third country (New Zealand, the United States) and
// take them on from there set off from that country, so the list is left out (match-conditions,
// setsOffElsewhere), and the leg says so, with the mission to ask where the ashes set off: never
// the home post's papers, and never silence (review 34, finding 2).

/**
 * The rules to try "as if the ashes had set off from home", to find those left out: a list of the
 * country this leg enters, for families living where this family lives, that the journey from where
 * the ashes joined the trip does not meet.
 */
export function homeListsToTry(rules: readonly Rule[], trip: TripFacts, leg: LegFacts): Rule[] {
  const home = trip.home;
  if (!trip.homeKnown || home === null || !leg.carriesAshes) return [];
  return rules.filter(
    (rule) =>
      rule.conditions.home_or_death_there === true &&
      rule.scope === `country:${leg.to}` &&
      (rule.conditions.to?.includes(leg.to) ?? false) &&
      rule.conditions.home !== undefined &&
      rule.conditions.home.includes(home) &&
      setsOffElsewhere(rule.conditions.home, trip, leg),
  );
}

/** The trip as it would be had the ashes set off from home: the only difference is where they joined it. */
export const asIfFromHome = (trip: TripFacts): TripFacts => ({ ...trip, tripOrigin: trip.home });

/** "The list of Poland's mission in Ireland is for ashes taken from Ireland to Poland, so we leave it out, …". */
export function setOffElsewhereGaps(
  trip: TripFacts,
  leg: LegFacts,
  leftOut: readonly Rule[],
  takeWith: string,
): RuleGap[] {
  if (leftOut.length === 0 || trip.home === null) return [];
  const { lists: whose, it } = listsOfSpeakers(leftOut);
  const from = trip.tripOrigin;
  return [
    {
      message: `${capitalise(whose)} for ashes taken from ${countryPhrase(trip.home)} to ${countryPhrase(leg.to)}, so we leave ${it} out, as the ashes set off with you from ${countryPhrase(from)}. ${capitalise(embassyWhere(leg.to, from))} can tell you what they need${takeWith}.`,
    },
  ];
}
