import { ENTERED_WHEN_CHANGING_PLANES } from '../../contracts/trips.js';
import { countryPhrase } from '../../contracts/countries.js';
import type { Rule } from './rule-schema.js';
import type { LegFacts, TripFacts } from './trip-facts.js';

// Going into a country and straight on out of it to a third (a flight to Frankfurt and the train
// on to Austria, or driving through). A country's rules for bringing ashes in speak of ashes that
// stay there (Germany's certificate is "for shipping cremains to Germany", to a cemetery or funeral
// home there); none of our sources says whether they bind a family only passing through. So the
// unknown is said on the leg (gaps.ts), and the papers those rules ask for are ones the country
// "may ask for": not on the bring list, the family asks first (review 8, t45). A change of planes
// airside never enters the country at all, so its entry rules do not match there (match-conditions).

/** What telling a journey's legs apart needs of a trip: its legs, where the family lives, where they scatter. */
export type Journey = Pick<TripFacts, 'home' | 'homeKnown' | 'scatter' | 'collectIn'> & {
  legs: readonly LegFacts[];
};

/**
 * The leg enters a country the trip goes straight on from, to a third country. Going on home from it
 * is passing through too (Chicago, Frankfurt and the train home to Poland): only going back where
 * the leg came from (home, Germany and home again) makes it a visit (review 25, finding 1).
 */
export function passesThrough(trip: Journey, leg: LegFacts): boolean {
  const next = trip.legs[trip.legs.indexOf(leg) + 1];
  if (!next || !leg.international || leg.endsAtConnection || sailsOn(leg, next) || next.from !== leg.to)
    return false;
  // A leg back to where this one came from is a visit, not passing through; so is staying to scatter there.
  if (next.to === leg.to || next.to === leg.from || next.to === leg.setsOffFrom) return false;
  // Where the family collects the ashes, their journey with them begins (review 28, finding 1).
  if (leg.to === trip.home || trip.scatter?.country === leg.to || trip.collectIn === leg.to) return false;
  return !turnsForHome(trip, leg, next);
}

/**
 * A round trip turns for home in this leg's country: the journey there set off from home, and the
 * next leg (over any change of planes) goes home. It is where the family went, not a country they
 * crossed on the way home from somewhere else: a Dutch family driving through Belgium to France and
 * straight home visits France (review 32, r32b finding 7), while a Polish family coming home from
 * Chicago by Frankfurt passes through Germany (review 25, finding 1), as does a US family landing
 * in Frankfurt and taking the train on to Paris, where they fly home from (review 31, finding 3).
 */
function turnsForHome(trip: Journey, leg: LegFacts, next: LegFacts): boolean {
  if (!trip.homeKnown || journeyStart(trip, leg) !== trip.home) return false;
  let onward = next;
  for (;;) {
    const after = trip.legs[trip.legs.indexOf(onward) + 1];
    if (!onward.endsAtConnection || !after || after.from !== onward.to) return onward.to === trip.home;
    onward = after;
  }
}

/**
 * The ashes leave this leg's country again on this trip, with the family: passing straight through
 * it, or a visit they come back out of (Ireland to Poland and home again with the urn). A source
 * that speaks only of ashes brought there to stay (Poland's permit from the starosta "where the
 * ashes will be buried") is not this journey (review 31, finding 1). Scattering there keeps them there.
 */
export function ashesLeaveAgain(trip: Journey, leg: LegFacts): boolean {
  if (passesThrough(trip, leg)) return true;
  if (!leg.international || leg.endsAtConnection || trip.scatter?.country === leg.to) return false;
  return trip.legs
    .slice(trip.legs.indexOf(leg) + 1)
    .some((later) => later.carriesAshes && later.international && later.from === leg.to);
}

/**
 * Passing through a country whose rules for bringing ashes in may not bind the family: not one where
 * every arrival is entered (the US: "every passenger arriving on an international flight is processed
 * by US Customs and Border Protection at the first US airport", us-transit-enters). There, landing
 * and going on by road, rail or another flight is entering, and its rules for arriving apply as
 * they do to a change of planes; only its rules for ashes that stay there are left out (review 29,
 * finding 6: "You only pass through the United States" was said beside CBP's own words).
 */
export const entryRulesInDoubt = (trip: Journey, leg: LegFacts): boolean =>
  passesThrough(trip, leg) && !ENTERED_WHEN_CHANGING_PLANES.has(leg.to) && !leavesTheAirport(trip, leg);

/**
 * Countries whose border control meets everyone who lands on a flight and leaves the airport, each
 * with its source's words: a family landing there and going on by train, road or ferry (London,
 * then the Eurostar to Paris) has brought the ashes in through it, so its rules for bringing ashes
 * in apply as on any arrival, and only its rules for ashes that stay there are left out (review
 * 31, finding 3). `not_going_on_to`: where the source does not speak for going on (the UK page is
 * for transit to somewhere other than Ireland, inside the Common Travel Area).
 */
export const ENTERED_WHEN_LEAVING_THE_AIRPORT: Readonly<
  Record<
    string,
    {
      says: string;
      source_url: string;
      source_date: string | null;
      read_on: string;
      not_going_on_to: readonly string[];
    }
  >
> = {
  GB: {
    says: 'You always pass through border control if you: leave the main airport building for any reason',
    source_url: 'https://www.gov.uk/check-uk-visa/y/india/transit/somewhere_else?previous_response=no',
    source_date: null,
    read_on: '2026-12-07',
    not_going_on_to: ['IE'],
  },
  // The Irish Naturalisation and Immigration Service's page for a traveller who needs no visa to
  // transit (a US passport): it speaks of any "other destination" and names no exception for the UK,
  // so a family landing in Dublin and taking the ferry to Holyhead meets Ireland's border control
  // there; the Common Travel Area is about crossing between Ireland and the UK, not arriving from
  // the US (review 32, r32b finding 1).
  IE: {
    says: 'Times you would pass through border control would include, but are not limited to: Leaving the terminal building for any purpose',
    source_url: 'http://www.inis.gov.ie/en/INIS/Pages/non-visa-required-transit',
    source_date: '2018-08-02',
    read_on: '2026-12-07',
    not_going_on_to: [],
  },
  // France's embassy in Algiers on airport transit in France: leaving the airport's international
  // zone is passing the immigration control ("vous passez donc le contrôle migratoire"); its page
  // names no onward country it does not speak for (review 32, r32b finding 1).
  FR: {
    says: 'vous sortez de la "zone internationale" de l’aéroport français (vous passez donc le contrôle migratoire)',
    source_url: 'http://alger.ambafrance-dz.org/Definition-du-transit',
    source_date: '2012-10-21',
    read_on: '2026-12-07',
    not_going_on_to: [],
  },
};

/** The leg lands on a flight where leaving the airport means the border, and the trip goes on from the town. */
function leavesTheAirport(trip: Journey, leg: LegFacts): boolean {
  const next = trip.legs[trip.legs.indexOf(leg) + 1];
  const there = ENTERED_WHEN_LEAVING_THE_AIRPORT[leg.to];
  return (
    there !== undefined &&
    leg.mode === 'air' &&
    next !== undefined &&
    next.mode !== 'air' &&
    !there.not_going_on_to.includes(next.to)
  );
}

/**
 * The same line sailing on from a port (a cruise's next sailing): its stops have their own note. A
 * ferry that lands the family, who drive or take a train or another ferry on to a third country,
 * passes through that country as a train does (Scandlines to Germany, then the drive to the
 * Netherlands; review 27, finding 4).
 */
const sailsOn = (leg: LegFacts, next: LegFacts): boolean =>
  leg.mode === 'sea' && next.mode === 'sea' && next.carrier === leg.carrier;

/**
 * Where the family really set off from for this leg: after passing straight through a country on
 * the way (a flight to Frankfurt, then the train), where that journey began, not the country
 * crossed (review 25, finding 1).
 */
export function journeyStart(trip: Journey, leg: LegFacts): string {
  let start = leg;
  for (;;) {
    const previous = trip.legs[trip.legs.indexOf(start) - 1];
    if (!previous || previous.to !== start.from || !passesThrough(trip, previous)) return start.setsOffFrom;
    start = previous;
  }
}

/**
 * Every country the journey to the end of this leg set off from or went on from: this leg's `from`,
 * and, walking back over changes of planes and countries only passed through, each earlier leg's
 * `from`. A family driving from the Netherlands into Germany, where Pitaji's ashes are, and flying
 * on home to India has set off with them from Germany on this journey (review 27, finding 2).
 */
export function journeyCountries(trip: Journey, leg: LegFacts): string[] {
  const countries = [leg.from];
  let start = leg;
  for (;;) {
    const previous = trip.legs[trip.legs.indexOf(start) - 1];
    if (!previous || previous.to !== start.from) return countries;
    if (!previous.markedConnection && !passesThrough(trip, previous)) return countries;
    countries.push(previous.from);
    start = previous;
  }
}

/**
 * The trip goes on from this leg to the family's home: this leg, or the legs joined after it, end
 * there (a Ryanair flight to Germany and the drive home to Poland; the ferry to France, then driving
 * through Germany). Stopping to scatter on the way means the ashes stay there (review 26, finding 1).
 */
export function goesHome(
  trip: Pick<TripFacts, 'home' | 'homeKnown' | 'scatter'>,
  legs: readonly LegFacts[],
  leg: LegFacts,
): boolean {
  if (!trip.homeKnown) return false;
  for (let i = legs.indexOf(leg); i >= 0 && i < legs.length; i++) {
    const current = legs[i]!;
    if (current.to === trip.home && !current.endsAtConnection) return true;
    const next = legs[i + 1];
    if (!next || next.from !== current.to) return false;
    if (!current.endsAtConnection && trip.scatter?.country === current.to) return false;
  }
  return false;
}

/** The ashes set off from home on this trip: the first leg carrying them leaves it. */
export const leftHome = (
  trip: Pick<TripFacts, 'home' | 'homeKnown' | 'joinsAt'> & { legs: readonly LegFacts[] },
): boolean => trip.homeKnown && trip.legs[trip.joinsAt ?? 0]?.from === trip.home;

/**
 * Whose missions a family asks, from this leg: on a trip with ashes that set off from home, those
 * where the family lives, on every leg, the way home too: they can ask before they leave, as the
 * first leg says (a Lithuanian family driving through Poland to Germany and back asks Poland's
 * mission in Lithuania both ways, not in Germany; review 35b, finding 3); otherwise, on the way
 * home, those where the journey sets off (review 25, finding 1; review 26, finding 5); on the journey that sets off from where the family
 * collects the ashes, those there, where papers for ashes leaving are applied for (a Canadian family
 * collecting Lola's ashes in the UK and flying them to the Philippines; review 33b, M1); otherwise
 * those where the family lives; null while that is not said ("where you live"). About entering
 * their own home, a family asks its own authorities, never its post abroad (coming-home.ts).
 */
export function askingFrom(trip: TripFacts, leg: LegFacts): string | null {
  if (!trip.homeKnown) return null;
  if (leftHome(trip)) return trip.home;
  const setOffFrom = journeyStart(trip, leg);
  if (goesHome(trip, trip.legs, leg) || (trip.collectIn && setOffFrom === trip.collectIn)) return setOffFrom;
  return trip.home;
}

// A trip that lands in a country and goes on to a third may stay there a while (a tour of the UK
// and Ireland) or only pass through: the family has not said which, so passing through is only
// ever said as an "if", never as what they do (review 33b, M2).

/**
 * Where a family passing through a country would be going, as the summary's word on a refusal says
 * it: "if you only pass through on the way to France".
 */
export const ifOnlyPassingThrough = (onTo: string): string =>
  `if you only pass through on the way to ${countryPhrase(onTo)}`;

/**
 * The leg's note on whom to ask, for a family who may stay or only pass through: "whether you stay
 * there or only pass through on the way to France".
 */
export const stayingOrPassingThrough = (onTo: string): string =>
  `whether you stay there or only pass through on the way to ${countryPhrase(onTo)}`;

/** A rule of the country the leg enters about bringing ashes in (its `to` names that country). */
export const isEntryRuleOf = (rule: Rule, country: string): boolean =>
  rule.scope === `country:${country}` && rule.conditions.to !== undefined;

const IN_DOUBT = new WeakSet<Rule>();

/** The rule as it speaks to a family only passing through: what it asks for, it only may ask. */
export function inDoubtPassingThrough(rule: Rule): Rule {
  const copy = { ...rule };
  IN_DOUBT.add(copy);
  return copy;
}

/** Whether this rule was matched on a leg that only passes through its country. */
export const isInDoubtPassingThrough = (rule: Rule): boolean => IN_DOUBT.has(rule);
