import { countryPhrase, regionName } from '../../contracts/countries.js';
import type { TravelMode } from '../../contracts/travel-rules.js';
import { iataAirlineName, isIataAirlineCode } from './iata-airlines.js';
import { type Rule, screeningBodies, type ScreeningBody, scopeKindOf, scopeNameOf } from './rule-schema.js';
import { joinList } from './ordering.js';
import { SCREENING_BODY_NAMES } from './screening-bodies.js';

export { countryName, countryPhrase, isRegionCode, regionName } from '../../contracts/countries.js';

// Names people recognise, for messages. Codes are identifiers, not facts, so this table needs no
// source; an unknown code is shown as the family typed it.

/** Ships, trains and post: they have no shared code list. Airlines are named in iata-airlines.ts. */
const CARRIER_NAMES: Readonly<Record<string, string>> = {
  CCL: 'Carnival',
  CARNIVAL: 'Carnival',
  RCL: 'Royal Caribbean',
  RCCL: 'Royal Caribbean',
  NCL: 'Norwegian',
  NORWEGIAN: 'Norwegian',
  PCL: 'Princess',
  PRINCESS: 'Princess',
  DCL: 'Disney Cruise Line',
  DISNEY: 'Disney Cruise Line',
  AMTRAK: 'Amtrak',
  '2V': 'Amtrak',
  VIA: 'VIA Rail',
  EUROSTAR: 'Eurostar',
  '9F': 'Eurostar',
  USPS: 'USPS',
  DHL: 'DHL Express',
  DHLPAKET: 'DHL Paket',
  UPS: 'UPS',
  FEDEX: 'FedEx',
  FX: 'FedEx',
  ROYALMAIL: 'Royal Mail',
  PARCELFORCE: 'Parcelforce',
  NZPOST: 'NZ Post',
  AUSPOST: 'Australia Post',
};

/**
 * A carrier's name for messages. Flights and airline cargo use the one airline list
 * (iata-airlines.ts); a train or ferry code never does (DB is Deutsche Bahn to a family, not the
 * airline Brit Air), so one we do not know is shown as typed. An airline code whose holder we cannot
 * name with confidence is "the airline flying as FJ", never its old name (review 13, finding 3).
 */
export function carrierName(code: string, mode: TravelMode | 'shipment' = 'air'): string {
  const upper = code.toUpperCase();
  const byAir = mode === 'air' || mode === 'shipment';
  const airline = byAir ? iataAirlineName(upper) : null;
  const unnamed =
    byAir && airline === null && isIataAirlineCode(upper) ? `the airline flying as ${upper}` : null;
  return CARRIER_NAMES[upper] ?? airline ?? unnamed ?? code;
}

const isScreeningBody = (name: string): name is ScreeningBody =>
  (screeningBodies as readonly string[]).includes(name);

/** Who a rule speaks for, e.g. "British Airways", "Spain", "US airport security (TSA)". */
export function scopeLabel(rule: Pick<Rule, 'scope'>): string {
  const name = scopeNameOf(rule);
  switch (scopeKindOf(rule)) {
    case 'security':
      return isScreeningBody(name) ? SCREENING_BODY_NAMES[name] : 'airport security';
    case 'airline':
    case 'carrier':
    case 'cruise':
      return carrierName(name);
    case 'rail':
      // A rail operator's scope is its code (AMTRAK, VIA, EUROSTAR); anything else is a country.
      return CARRIER_NAMES[name] ?? `rail travel in ${countryPhrase(name)}`;
    case 'country':
      return countryPhrase(name);
    case 'road':
      // A road rule is advice for driving there, not that country asking for anything.
      return `advice for driving in ${countryPhrase(name)}`;
    case 'scattering':
      return `scattering in ${countryPhrase(name.slice(0, 2))}`;
    case 'documents':
      return name === 'general' ? GENERAL_PAPERS : countryPhrase(name);
    case 'container':
      return 'airport X-ray';
  }
}

/** "the embassy…" → "The embassy…", at the start of a sentence. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** How the general "usual papers for a border" rules are named in a list of who asks. */
export const GENERAL_PAPERS = 'the usual advice for any border';

/** The usual papers for any border, said as a suggestion ("The usual papers for any border include one"). */
export const USUAL_PAPERS = 'The usual papers for any border';

/** "Vueling asks for", "Vueling and Spain ask for", "The usual advice for any border is to carry". */
export function askVerb(labels: readonly string[]): string {
  if (labels.length !== 1) return 'ask for';
  return labels[0] === GENERAL_PAPERS ? 'is to carry' : 'asks for';
}

/** How firmly a source asks for a paper (see `howItAsks` in document-list.ts). */
export type AskFirmness = 'asks for' | 'may ask for' | 'suggests';
const FIRMNESS: readonly AskFirmness[] = ['asks for', 'may ask for', 'suggests'];

/** The firmer of two ways of asking: one source that asks outweighs another that only may. */
export const firmer = (a: AskFirmness | undefined, b: AskFirmness): AskFirmness =>
  a === undefined || FIRMNESS.indexOf(b) < FIRMNESS.indexOf(a) ? b : a;

/**
 * "Vueling asks for one, and British Airways may ask for one": who asks for a paper, each as firmly
 * as their source allows, so a weak source never reads as a flat "asks for".
 */
export function askClause(
  labels: readonly string[],
  firmnessOf: (label: string) => AskFirmness,
  object: string,
  startsSentence = true,
  /** The object again in a later clause ("… suggest one"), so the paper is named once. */
  again = object,
  /** What the usual advice for any border says of the paper: to carry it, or, for an urn sent instead, that it goes with the urn. */
  generalAdvice: (thing: string) => string = (thing) => `is to carry ${thing}`,
): string {
  let named = false;
  const clauses = FIRMNESS.flatMap((firmness) => {
    const thing = named ? again : object;
    named = named || labels.some((label) => firmnessOf(label) === firmness);
    const group = labels.filter((label) => firmnessOf(label) === firmness);
    if (group.length === 0) return [];
    if (group.length === 1 && group[0] === GENERAL_PAPERS)
      return [`${GENERAL_PAPERS} ${generalAdvice(thing)}`];
    const plural = group.length > 1;
    const verb =
      firmness === 'asks for'
        ? plural
          ? 'ask for'
          : 'asks for'
        : firmness === 'suggests' && plural
          ? 'suggest'
          : firmness;
    return [`${joinList(group)} ${verb} ${thing}`];
  });
  const text = clauses.join(', and ');
  return startsSentence ? capitalise(text) : text;
}

/**
 * Territories with no embassies or consulates of their own (British Overseas Territories and the
 * Crown Dependencies, others governed from abroad, France's overseas departments, and Hong Kong and
 * Macao), each with the country it belongs to: their own authorities are the ones to ask, and that
 * country has no mission there to ask (review 34, finding 5: a family in Bermuda was sent to "the
 * embassy or consulate of the United Kingdom serving Bermuda"; review 35, w: a family in Jersey to
 * "the embassy or consulate of the United Kingdom in Jersey", one in Réunion to France's "in Réunion").
 */
const belongingTo = (country: string, territories: readonly string[]) =>
  territories.map((territory) => [territory, country] as const);
const GOVERNED_FROM: ReadonlyMap<string, string> = new Map([
  ...belongingTo('GB', ['AI', 'BM', 'FK', 'GI', 'GS', 'IO', 'KY', 'MS', 'PN', 'SH', 'TC', 'VG']),
  ...belongingTo('GB', ['GG', 'JE', 'IM']), // the Crown Dependencies
  ...belongingTo('US', ['AS', 'GU', 'MP', 'PR', 'UM', 'VI']),
  ...belongingTo('NL', ['AW', 'CW', 'SX', 'BQ']), // the Kingdom of the Netherlands
  ...belongingTo('DK', ['GL', 'FO']),
  ...belongingTo('FR', ['NC', 'PF', 'WF', 'PM', 'BL', 'MF', 'TF']),
  ...belongingTo('FR', ['GP', 'MQ', 'GF', 'RE', 'YT']), // France's overseas departments
  ...belongingTo('NZ', ['CK', 'NU', 'TK']),
  ...belongingTo('AU', ['CX', 'CC', 'NF', 'HM']),
  // China's special administrative regions: no embassies of their own abroad; what may be brought in
  // is for their own authorities to say (review 33, r33a finding M5).
  ...belongingTo('CN', ['HK', 'MO']),
]);
const TERRITORIES: ReadonlySet<string> = new Set(GOVERNED_FROM.keys());

/** The country a territory belongs to (Puerto Rico: the United States); undefined for any other place. */
export const governedFrom = (place: string): string | undefined => GOVERNED_FROM.get(place);

/**
 * Missions that are not "the embassy or consulate of" their country. Taiwan has embassies only
 * where it has diplomatic relations and representative offices, under several names, elsewhere,
 * so neither name alone is true everywhere (review 33, r33a finding M5).
 */
const MISSION_NAMES: Readonly<Record<string, string>> = {
  TW: "Taiwan's embassy or representative office",
};

/**
 * A region's name as it reads mid-sentence: "the Northern Territory", "the Australian Capital
 * Territory", "the District of Columbia", as a country's is "the United Kingdom"; others as named
 * ("Victoria", "Western Australia").
 */
export function regionPhrase(code: string): string {
  const name = regionName(code);
  return /\bTerritor(?:y|ies)$|^District of /.test(name) ? `the ${name}` : name;
}

/**
 * "the embassy or consulate of Spain", for a territory "the authorities in Bermuda", and for Taiwan
 * "Taiwan's embassy or representative office".
 */
export function embassyOf(country: string): string {
  if (TERRITORIES.has(country)) return `the authorities in ${countryPhrase(country)}`;
  return MISSION_NAMES[country] ?? `the embassy or consulate of ${countryPhrase(country)}`;
}

/**
 * Whom a family asks about a country's rules from inside it, or coming home to it: its border
 * authorities ("the border authorities of India"), or a territory's own ("the authorities in
 * Bermuda"). Nobody asks a country's embassy in that country itself.
 */
export const borderAuthoritiesOf = (country: string): string =>
  TERRITORIES.has(country) ? embassyOf(country) : `the border authorities of ${countryPhrase(country)}`;

/**
 * Places where a country's mission is mostly neither an embassy nor a consulate: in Taiwan most
 * countries are represented by an office under another name (France's Bureau français de Taipei),
 * so the mission there is named by what it does, for every country alike (review 33b, M5).
 */
const REPRESENTED_BY_OFFICES: ReadonlySet<string> = new Set(['TW']);

/**
 * A country's mission, said with where: "the embassy or consulate of Mexico in Canada" where the
 * family lives (or sets off), "… where you live" when that is not said; a territory's own
 * authorities are where they are ("the authorities in Bermuda"). A family in Canada told only "the
 * embassy or consulate of Mexico" was not told which (review 22 leftovers, finding 2). A mission is
 * abroad: ashes setting off from the country they go to (a cruise from and back to the United
 * States) are asked about with that country's own border authorities, never "the embassy or
 * consulate of the United States in the United States" (review 29, finding 3). Where missions are
 * not embassies (Taiwan), or a territory's post may be elsewhere (Bermuda), that is said as it is
 * (review 33b, M5).
 */
export function embassyWhere(country: string, place: string | null): string {
  if (TERRITORIES.has(country) || place === country) return borderAuthoritiesOf(country);
  if (place === null) return `${embassyOf(country)} where you live`;
  if (REPRESENTED_BY_OFFICES.has(place)) {
    return `the office that represents ${countryPhrase(country)} in ${countryPhrase(place)}`;
  }
  // A territory has no embassies of its own, and a country's post for it may be elsewhere; the
  // country it belongs to has none there at all, and its border authorities are the ones to ask.
  if (GOVERNED_FROM.get(place) === country) return `the border authorities of ${countryPhrase(country)}`;
  if (TERRITORIES.has(place)) return `${embassyOf(country)} serving ${countryPhrase(place)}`;
  return `${embassyOf(country)} in ${countryPhrase(place)}`;
}

/**
 * Whom to ask about a rule of this scope. Given the family's home, a rule about their own country
 * sends them to its authorities: nobody asks their own country's embassy.
 */
export function whoToAsk(rule: Pick<Rule, 'scope' | 'conditions'>, home?: string): string {
  const name = scopeNameOf(rule);
  switch (scopeKindOf(rule)) {
    case 'airline':
    case 'carrier':
    case 'cruise':
    case 'rail':
      return carrierName(name);
    case 'country':
      // Coming home, a family asks its own country's authorities, not an embassy.
      return rule.conditions.to && name !== home && !rule.conditions.home?.includes(name)
        ? embassyOf(name)
        : `the authorities in ${countryPhrase(name)}`;
    case 'road':
      return `the authorities in ${countryPhrase(name)}`;
    case 'security':
    case 'container':
      return 'your airline or the airport';
    case 'scattering':
      if (name.startsWith('US-EPA')) return 'your EPA region';
      // Nobody owns the sea as a landowner owns a field.
      if (rule.conditions.scatter_place?.every((place) => place === 'sea')) return 'the local authority';
      if (name === 'GB') return 'the landowner';
      return 'the local authority or landowner';
    case 'documents':
      return 'the hospital or registry office';
  }
}
