import { customsTerritoryOf } from './borders.js';
import type { RuleConditions } from './rule-schema.js';
import { goesHome, journeyCountries } from './passing-through.js';
import type { KeepsakeFacts, LegFacts, LovedOneFacts, TripFacts } from './trip-facts.js';

// Does a rule apply here? Every condition present must hold; a list means "any of these".
// A rule is matched against one leg with one keepsake (its container, and whose ashes it holds),
// so a warning about a metal urn names that urn, and a loved one's papers are that loved one's.
// What we do not know is treated deliberately, per field:
//  - bag not given: bag-specific rules still show (a family should see "no checked bags" before
//    deciding where to pack);
//  - carrier not given on a trip leg: carrier rules do not show (the leg gets a gap instead), but
//    for a shipment every carrier's rule shows, as the choices open to the family;
//  - loved one not given: rules about a particular loved one do not show, but rules that only
//    exclude a kind of loved one (`loved_one_not`, e.g. not a pet's ashes) or a place of death
//    (`loss_country_not`, e.g. only after a death abroad) do;
//  - where the loved one died not given: a rule of the trip's that turns on it (a death there, or
//    outside a country) still shows, said as holding only after such a death, and the family is
//    asked (whereTheyDiedDecides);
//  - where the family lives not given (no home_country, no leg marked as the way home): rules
//    for families living somewhere (`home`) do not show; the leg names the unknown and asks;
//  - where scattering happens not given: rules for a particular place (the sea, a national park)
//    do not show, and the family is asked;
//  - the facts of a baby's birth not given (born alive, weeks, weight): paperwork rules answer
//    "maybe", so a paper that may not exist is flagged and the family asked, never assumed.
// An airside connection, or a port of call where the ashes stay on board, is not an arrival: `to`
// never holds for it, `via` does.

export interface MatchContext {
  channel: 'trip' | 'shipment';
  trip: Pick<TripFacts, 'home' | 'homeKnown' | 'tripOrigin' | 'purpose' | 'scatter' | 'arrivals'> & {
    /** The trip's legs, to tell whether a leg goes on home (a shipment has none). */
    legs?: readonly LegFacts[];
  };
  leg: LegFacts;
  keepsake: KeepsakeFacts;
}

const within = <T>(list: readonly T[] | undefined, value: T | null): boolean =>
  list === undefined || (value !== null && list.includes(value));

/**
 * Whether a rule's `from` is where the ashes set off for the journey rather than where this leg
 * departs: a country's rule for ashes arriving there from somewhere (`to` with `from`: Germany's
 * missions in the US, "a certificate for shipping cremains to Germany"; NFDA, "from the United
 * States to Germany") speaks of that journey, however many planes are changed on the way (a change
 * at Paris, or a stopover there and the train on), and not of an urn that only changed planes in the
 * US on its way from Mexico (review 27, finding 1). A carrier's, a train's or a road's rule (Korean
 * Air from Hong Kong to Incheon) and a rule for leaving a country speak of the leg itself.
 */
const speaksOfJourney = (c: RuleConditions, scope: string | undefined): boolean =>
  scope !== undefined && scope.startsWith('country:') && c.to !== undefined && c.from !== undefined;

/**
 * Where the loved one died decides a rule: it holds only after a death `in` these, or `outside` these;
 * with `cremated`, only after a cremation `in` these (`cremated_in`, France's prefect).
 */
export type DiedWhere = { in: readonly string[]; cremated?: true } | { outside: readonly string[] };

/**
 * A rule that holds, or not, only because the family has not said where their loved one died: a
 * consulate's list for families taking ashes home after a death there (`home_or_death_there`, the
 * Philippine consulate in Los Angeles to a family living in the Philippines), a rule for a death in
 * one country (`loss_country`) or after a death outside it (`loss_country_not`, Japan's embassy in
 * Canada). The trip's rules show it, said as holding only then, and the family is asked, as for a
 * nationality (review 22, finding 8; review 32, r32b finding 5): `in` one holds for the trip while
 * unsaid. Only for the trip's own rules: asked what would hold were the family living elsewhere,
 * the answer is never a guess on a guess. A keepsake with no loved one named has nobody to ask about.
 */
export function whereTheyDiedDecides(c: RuleConditions, ctx: MatchContext, scope?: string): DiedWhere | null {
  const lovedOne = ctx.keepsake.lovedOne;
  if (!lovedOne || lovedOne.lossCountry !== null) return null;
  if (conditionsHold(c, ctx, scope)) return c.loss_country_not ? { outside: c.loss_country_not } : null;
  const named = [...(c.loss_country ?? []), ...(c.home_or_death_there ? (c.home ?? []) : [])];
  const diedIn = [...new Set(named)].filter((country) =>
    conditionsHold(
      c,
      { ...ctx, keepsake: { ...ctx.keepsake, lovedOne: { ...lovedOne, lossCountry: country } } },
      scope,
    ),
  );
  return diedIn.length > 0 ? { in: diedIn } : null;
}

/**
 * A rule for ashes cremated in a country (`cremated_in`: France's prefect authorises an urn where it
 * was cremated) that holds, or not, only because the family has not said where the cremation was:
 * shown, said as holding only then, and the family is asked "Where was … cremated?", never "Where
 * did … die?", which does not decide it (review 35, u finding 5). Never a guess: it holds as said
 * only once the family names the country (review 34, finding 3).
 */
export function whereCrematedDecides(
  c: RuleConditions,
  ctx: MatchContext,
  scope?: string,
): { in: readonly string[]; cremated: true } | null {
  const lovedOne = ctx.keepsake.lovedOne;
  if (!lovedOne || lovedOne.cremationCountry !== null || !c.cremated_in) return null;
  const crematedIn = c.cremated_in.filter((country) =>
    conditionsHold(
      c,
      { ...ctx, keepsake: { ...ctx.keepsake, lovedOne: { ...lovedOne, cremationCountry: country } } },
      scope,
    ),
  );
  return crematedIn.length > 0 ? { in: crematedIn, cremated: true } : null;
}

/** `scope` is the rule's (`country:DE`), so a country's rule for arriving from somewhere is judged by the journey. */
export function conditionsHold(c: RuleConditions, ctx: MatchContext, scope?: string): boolean {
  const { leg, keepsake, trip } = ctx;
  // Ashes scattered before the ship leaves the waters it sets off in never arrive in `to` (review 33b, H2).
  const arrival = leg.endsAtConnection || leg.scatteredBeforeLeaving ? null : leg.to;
  const departure = speaksOfJourney(c, scope) ? (leg.journeyFrom ?? leg.setsOffFrom) : leg.from;
  if (!(c.channel ?? ['trip']).includes(ctx.channel)) return false;
  if (!within(c.mode, ctx.channel === 'shipment' ? null : leg.mode)) return false;
  if (!within(c.screening, leg.screening)) return false;
  if (!within(c.from, departure) || !within(c.to, arrival)) return false;
  if (c.from_not?.includes(leg.from)) return false;
  if (c.journey_from_not?.includes(leg.journeyFrom ?? leg.setsOffFrom)) return false;
  if (c.via && !(leg.endsAtConnection && c.via.includes(leg.to))) return false;
  if (c.touches && !c.touches.includes(leg.from) && !(arrival !== null && c.touches.includes(arrival))) {
    return false;
  }
  // A rule for arriving somewhere from abroad holds where the ashes arrive from abroad: after a
  // port of call on the way, on the leg that sets them down there (review 31, finding 2).
  const international = c.to !== undefined ? (leg.entersFromAbroad ?? leg.international) : leg.international;
  if (c.international !== undefined && c.international !== international) return false;
  if (c.carrier && !(leg.carrier === null ? ctx.channel === 'shipment' : c.carrier.includes(leg.carrier))) {
    return false;
  }
  if (c.bag && leg.bag !== null && !c.bag.includes(leg.bag)) return false;
  if (!(c.keepsake ?? ['ashes', 'jewellery']).some((kind) => kind === keepsake.kind)) return false;
  // What an urn is made of is a container; jewellery's material counts only where the rule names
  // jewellery (Australia: every wooden article is declared, a wooden bracelet too; review 9, 7).
  const material = keepsake.kind === 'ashes' || (c.keepsake?.includes('jewellery') ?? false);
  if (c.container && !(material && c.container.includes(keepsake.container))) return false;
  if (!within(c.purpose, trip.purpose)) return false;
  // Where the family lives is never guessed: a rule for families living somewhere waits until it is said.
  if (c.home && !trip.homeKnown) return false;
  const forWhereTheyLive =
    within(c.home, trip.home) && !(c.home_or_death_there && setsOffElsewhere(c.home!, trip, leg));
  if (!forWhereTheyLive && !(c.home_or_death_there && setsOffWhereTheyDied(c.home!, ctx))) return false;
  if (c.trip_origin_not?.includes(trip.tripOrigin)) return false;
  const lovedOne = keepsake.lovedOne;
  if (!within(c.ashes_from, lovedOne?.cremationCountry ?? lovedOne?.lossCountry ?? trip.tripOrigin)) {
    return false;
  }
  if (!within(c.ashes_from_region, lovedOne?.cremationRegion ?? null)) return false;
  if (c.cremated_in && !c.cremated_in.includes(lovedOne?.cremationCountry ?? '')) return false;
  if (lovedOne?.cremationRegion && c.ashes_from_region_not?.includes(lovedOne.cremationRegion)) return false;
  const loss = keepsake.lovedOne?.lossCountry ?? null;
  // Puerto Rico is inside the United States (borders.ts): ashes from San Juan are not "from abroad"
  // for the EPA's 12 nautical miles off California (review 35, ab).
  const inside = (list: readonly string[], place: string) =>
    list.includes(place) || list.includes(customsTerritoryOf(place));
  const broughtFrom = (list: readonly string[]) =>
    !inside(list, trip.tripOrigin) || (loss !== null && !inside(list, loss));
  if (c.ashes_from_outside && !broughtFrom(c.ashes_from_outside)) return false;
  if (c.ashes_from_within && broughtFrom(c.ashes_from_within)) return false;
  if (c.trip_reaches && !c.trip_reaches.some((country) => trip.arrivals.has(country))) return false;
  if (c.connection && !leg.departsFromConnection) return false;
  if (c.marked_connection && !leg.markedConnection) return false;
  if (!scatteringHolds(c, ctx)) return false;
  return lovedOneMatch(c, keepsake.lovedOne).holds !== 'no';
}

/**
 * The loved one died in one of these countries, and this journey sets off with the ashes from
 * there, where the consulate's papers are applied for: judged by where this journey set off with the
 * ashes (where they were cremated, else where the loved one died), not by where the whole trip began.
 * It holds when the trip takes them home from there, judged by where the journey from this leg ends,
 * not only this leg (Ireland to Germany, then the drive home to Poland; review 26, finding 1; a family
 * flying out from Poland to collect Babcia's ashes in Ireland and flying home with them, review 27,
 * finding 2), and when the ashes join the trip there, wherever they go (a Canadian family collecting
 * Lola's ashes in the US and flying them to the Philippines applies to a Philippine consulate in the
 * US, not in Canada; review 33b, M1). Ashes the family brought from home and only stopped with there
 * are not leaving from there.
 */
function setsOffWhereTheyDied(countries: readonly string[], { leg, trip, keepsake }: MatchContext): boolean {
  const loss = keepsake.lovedOne?.lossCountry ?? null;
  if (loss === null || !countries.includes(loss)) return false;
  const ashesIn = keepsake.lovedOne?.cremationCountry ?? loss;
  const legs = trip.legs;
  const setOffFrom = legs?.includes(leg) ? journeyCountries({ ...trip, legs }, leg) : [leg.setsOffFrom];
  if (!countries.includes(ashesIn) || !setOffFrom.includes(ashesIn)) return false;
  if (!leg.endsAtConnection && leg.to === trip.home) return true;
  if (trip.tripOrigin === ashesIn) return true;
  return trip.legs !== undefined && goesHome(trip, trip.legs, leg);
}

/**
 * A consulate's list for ashes leaving its country (`home_or_death_there`: the Philippine posts in
 * Australia, Poland's mission in Dublin) speaks for a family living there only when the ashes set
 * off from there: not on the journey from another country where the ashes joined the trip (an
 * Australian family collecting Lolo's ashes in New Zealand and flying them to the Philippines asks
 * the Philippine mission in New Zealand, not Sydney; review 34, finding 2). Ashes collected abroad
 * and taken home first set off from home again on a later journey.
 */
export function setsOffElsewhere(
  countries: readonly string[],
  trip: MatchContext['trip'],
  leg: LegFacts,
): boolean {
  if (countries.includes(trip.tripOrigin)) return false;
  const legs = trip.legs;
  const setOffFrom = legs?.includes(leg) ? journeyCountries({ ...trip, legs }, leg) : [leg.setsOffFrom];
  return setOffFrom.includes(trip.tripOrigin);
}

function scatteringHolds(c: RuleConditions, { leg, trip }: MatchContext): boolean {
  const asks =
    c.scatter_country || c.scatter_region || c.scatter_place || c.scatter_place_not || c.scatter_site;
  if (!asks) return true;
  const scatter = trip.scatter;
  if (!scatter || !leg.reachesScattering) return false;
  return (
    within(c.scatter_country, scatter.country) &&
    within(c.scatter_region, scatter.region) &&
    within(c.scatter_place, scatter.place) &&
    !(scatter.place !== null && (c.scatter_place_not?.includes(scatter.place) ?? false)) &&
    within(c.scatter_site, scatter.site)
  );
}

export type LovedOneFact = 'born_alive' | 'gestation_weeks' | 'birth_weight_g' | 'loss_region';

export interface LovedOneMatch {
  holds: 'yes' | 'no' | 'maybe';
  /** What the family has not told us that would settle a "maybe". */
  unknown: LovedOneFact[];
}

/**
 * The loved-one conditions of a rule, with an honest "maybe": a paperwork threshold for a baby
 * ("before 24 weeks, born without signs of life") cannot be settled while a fact is missing.
 */
export function lovedOneMatch(c: RuleConditions, lovedOne: LovedOneFacts | null): LovedOneMatch {
  const asks =
    c.loved_one ||
    c.loss_country ||
    c.loss_region ||
    c.born_alive !== undefined ||
    c.gestation_weeks_lt !== undefined ||
    c.gestation_weeks_gte !== undefined ||
    c.birth_weight_g_lt !== undefined ||
    c.birth_weight_g_gte !== undefined ||
    c.birth_weight_known !== undefined ||
    c.gestation_weeks_known !== undefined;
  if (lovedOne && c.loved_one_not?.includes(lovedOne.kind)) return { holds: 'no', unknown: [] };
  if (lovedOne?.lossCountry && c.loss_country_not?.includes(lovedOne.lossCountry)) {
    return { holds: 'no', unknown: [] };
  }
  if (!asks) return { holds: 'yes', unknown: [] };
  if (!lovedOne) return { holds: 'no', unknown: [] };
  if (!within(c.loved_one, lovedOne.kind) || !within(c.loss_country, lovedOne.lossCountry)) {
    return { holds: 'no', unknown: [] };
  }
  const unknown: LovedOneFact[] = [];
  const check = (fact: LovedOneFact, value: number | boolean | string | null, test: () => boolean) => {
    // A weight known not to be known meets no weight threshold.
    if (fact === 'birth_weight_g' && lovedOne.birthWeightUnknown) return false;
    if (fact === 'gestation_weeks' && lovedOne.gestationWeeksUnknown) return false;
    if (value === null) unknown.push(fact);
    else if (!test()) return false;
    return true;
  };
  const weeks = lovedOne.gestationWeeks;
  const grams = lovedOne.birthWeightG;
  const ok =
    (c.loss_region === undefined ||
      check('loss_region', lovedOne.lossRegion, () => c.loss_region!.includes(lovedOne.lossRegion!))) &&
    (c.born_alive === undefined ||
      check('born_alive', lovedOne.bornAlive, () => lovedOne.bornAlive === c.born_alive)) &&
    (c.gestation_weeks_lt === undefined ||
      check('gestation_weeks', weeks, () => weeks! < c.gestation_weeks_lt!)) &&
    (c.gestation_weeks_gte === undefined ||
      check('gestation_weeks', weeks, () => weeks! >= c.gestation_weeks_gte!)) &&
    (c.birth_weight_g_lt === undefined ||
      check('birth_weight_g', grams, () => grams! < c.birth_weight_g_lt!)) &&
    (c.birth_weight_g_gte === undefined ||
      check('birth_weight_g', grams, () => grams! >= c.birth_weight_g_gte!)) &&
    // A weight given is known; none given leaves "not known" one of the answers still open.
    (c.birth_weight_known === undefined ||
      lovedOne.birthWeightUnknown === true ||
      check('birth_weight_g', grams, () => false)) &&
    // Weeks given are known: a rule going by the weight only where they are not never holds then.
    (c.gestation_weeks_known === undefined ||
      lovedOne.gestationWeeksUnknown === true ||
      check('gestation_weeks', weeks, () => false));
  if (!ok) return { holds: 'no', unknown: [] };
  return unknown.length === 0
    ? { holds: 'yes', unknown: [] }
    : { holds: 'maybe', unknown: [...new Set(unknown)] };
}
