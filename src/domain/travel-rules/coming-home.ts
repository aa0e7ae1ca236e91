import { customsTerritoryOf } from './borders.js';
import { sharesLandBorder } from './land-borders.js';
import { borderAuthoritiesOf, countryPhrase, embassyWhere } from './names.js';
import { journeyStart, leftHome } from './passing-through.js';
import { type Rule, scopeKindOf } from './rule-schema.js';
import type { KeepsakeFacts, LegFacts, TripFacts } from './trip-facts.js';

// Whom a family asks about bringing ashes into their own country. What a country needs at its own
// border is for that country to say: the family asks its border authorities (its customs, for ashes
// coming back), before they set off, never at the border when they arrive, where it is too late to
// ask (review 27, finding 6), and never their own country's post abroad. One answer for a person's
// ashes and a pet's (review 35, t: review 34b, finding 2), for every leg that arrives home with the
// ashes, whether or not it is marked as the way home and wherever the trip began (review 34b,
// finding 3; review 34, finding 6). Where home's own law has the family's paper issued by its
// missions abroad (a consular certificate), that mission, where the ashes set off, is whom to ask
// (review 35b, finding 2).

/** Whom the family asks about bringing these ashes home on this leg, and whether they come back. */
export interface ComingHome {
  /** The ashes left home on this trip, or were cremated (or the loved one died) there: they come back. */
  back: boolean;
  /** "the customs service of Ireland" for ashes coming back, else "the border authorities of Ireland". */
  whom: string;
  /**
   * What none of our sources answers, said before whom to ask: whether home's rule that an urn goes
   * to a funeral home there holds for ashes driven home from a neighbour (review 35, finding 5); null
   * where there is no such question.
   */
  openQuestion: string | null;
}

/**
 * Our sources say an urn coming into this country goes to a funeral home (or a cemetery) there,
 * never to a family (Germany's missions abroad: rules marked `sent_instead`).
 */
const urnsGoToAFuneralHome = (country: string, rules: readonly Rule[]): boolean =>
  rules.some(
    (rule) =>
      rule.sent_instead === true && scopeKindOf(rule) === 'country' && rule.conditions.to?.includes(country),
  );

/**
 * On a leg bringing `keepsakes` into the family's home (where they said they live), whom they ask
 * before they set off; null on any other leg, and while the family has not said where they live.
 */
export function comingHome(
  trip: TripFacts,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
  rules: readonly Rule[] = [],
): ComingHome | null {
  if (!trip.homeKnown || leg.to !== trip.home) return null;
  // Cremated at home, or set off from there on this trip (review 17, finding 8; review 30, finding 6).
  const back =
    leftHome(trip) ||
    (keepsakes.length > 0 &&
      keepsakes.every(
        (k) => k.lovedOne !== null && (k.lovedOne.cremationCountry ?? k.lovedOne.lossCountry) === leg.to,
      ));
  // Home's customs (Puerto Rico's are the United States': borders.ts; review 35, w), else its
  // border authorities (a territory's own authorities: names.ts).
  const customs = countryPhrase(customsTerritoryOf(leg.to));
  if (back) return { back, whom: `the customs service of ${customs}`, openQuestion: null };
  // A person's ashes driven (or brought by train) home from a neighbour, into a country whose
  // missions say an urn goes to a funeral home there, not to a family (Germany's): what matters is
  // home's burial law, not its border, where there may be nobody to ask. The missions' pages say
  // the urn is sent to a funeral home or a cemetery administration in Germany, whose arrival is
  // announced to them and whose details are agreed with them beforehand (germany.info, 20.05.2022;
  // kopenhagen.diplo.de, 31.07.2018), so they are the ones to ask (review 35, finding 5).
  const overLand =
    (leg.mode === 'road' || leg.mode === 'rail') && sharesLandBorder(leg.from, leg.to) === true;
  const people =
    keepsakes.length > 0 && keepsakes.every((k) => k.lovedOne !== null && k.lovedOne.kind !== 'pet');
  if (overLand && people && urnsGoToAFuneralHome(leg.to, rules)) {
    const home = countryPhrase(leg.to);
    return {
      back,
      whom: `a funeral home or a cemetery administration in ${home}`,
      openQuestion: `Those sources say an urn coming into ${home} goes to a funeral home or a cemetery administration there, not to a family; whether that holds for ashes you bring home from ${countryPhrase(leg.from)} yourselves, none of them says.`,
    };
  }
  // Home's own rules say a paper for ashes coming in is its consulate's (India's missions' attestation
  // or certificate, a Polish consul's certificate): home's embassy or consulate where the ashes set
  // off issues it, so it is the one that can tell them, not a border post at home (review 35b,
  // finding 2). A pet's ashes, and a country with no such rule, keep the border authorities.
  if (people && homeMissionIssuesThePaper(leg.to, rules)) {
    return { back, whom: embassyWhere(leg.to, journeyStart(trip, leg)), openQuestion: null };
  }
  return { back, whom: borderAuthoritiesOf(leg.to), openQuestion: null };
}

/**
 * A rule of this country's for ashes coming into it asks for a consulate's certificate, which its
 * own missions abroad issue (`consular_certificate`: Poland's, India's, Vietnam's, Greece's), whoever
 * that rule speaks for: the paper is the country's law, not only that mission's (review 35b, finding 2).
 */
const homeMissionIssuesThePaper = (country: string, rules: readonly Rule[]): boolean =>
  rules.some(
    (rule) =>
      rule.scope === `country:${country}` &&
      rule.conditions.to?.includes(country) === true &&
      rule.document?.asks_for?.some((ask) => ask.key === 'consular_certificate') === true,
  );

/**
 * On a leg bringing `keepsakes` home, home and whom the family asks there (for a rule's "{mission}":
 * requirements.ts); null on any other leg (review 35, aa).
 */
export function askedComingHome(
  trip: TripFacts,
  leg: LegFacts,
  keepsakes: readonly KeepsakeFacts[],
  rules: readonly Rule[],
): { home: string; whom: string } | null {
  const asked = comingHome(trip, leg, keepsakes, rules);
  return asked && { home: leg.to, whom: asked.whom };
}
