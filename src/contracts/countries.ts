import { iso31661, iso31661Reserved, iso31662 } from 'iso-3166';
import { regionLiesIn } from './country-names.js';

export { countryName, countryPhrase, regionLiesIn } from './country-names.js';

// Country codes are checked against ISO 3166-1 as published (the `iso-3166` package, kept up to
// date with the standard), never against a pattern: "XX", "ZZ" and "EU" look like codes but name
// no country, and a rule or a trip about them would be a promise about nowhere.

const ASSIGNED: ReadonlyMap<string, string> = new Map(iso31661.map((entry) => [entry.alpha2, entry.name]));

/** Codes people reach for that ISO 3166-1 reserves for another use: the code they mean, and its name. */
const RESERVED_MEANING: Readonly<Record<string, readonly [string, string]>> = {
  UK: ['GB', 'the United Kingdom'],
  EL: ['GR', 'Greece'],
};

export const isCountryCode = (code: string): boolean => ASSIGNED.has(code);

/**
 * Codes ISO 3166-1 leaves for users to assign that are in wide use for one place: "XK" for Kosovo
 * (used by the European Commission and others). Not in the standard, so no rule of ours names it,
 * but a family typing it means a real place, and is told so, with whom to ask (review 13, finding 12).
 */
const USER_ASSIGNED_MEANING: Readonly<Record<string, string>> = { XK: 'Kosovo' };

/** For "UK" or "EL", the code people mean: "Please use GB for the United Kingdom."; otherwise null. */
export function reservedCodeHint(code: string): string | null {
  const meant = RESERVED_MEANING[code];
  return meant ? `Please use ${meant[0]} for ${meant[1]}.` : null;
}

/**
 * Codes ISO 3166-1 assigns to places where nobody lives (no indigenous people; at most staffed
 * research, weather or military stations): Antarctica (AQ), under the Antarctic Treaty, with no
 * government of its own; and Bouvet Island (BV), South Georgia and the South Sandwich Islands (GS),
 * Heard and McDonald Islands (HM), the British Indian Ocean Territory (IO), the French Southern
 * Territories (TF) and the US Minor Outlying Islands (UM), each administered from elsewhere. None
 * has an embassy or consulate, a crematorium or a local office a family could ask, so a trip there
 * would send a family to nobody (review 8, finding 9). They are refused like "XX", with the field
 * named; places where people live, however few (Pitcairn, Tokelau), are kept.
 */
const NOBODY_TO_ASK: ReadonlySet<string> = new Set(['AQ', 'BV', 'GS', 'HM', 'IO', 'TF', 'UM']);

/** Every assigned ISO 3166-1 alpha-2 code a trip can name, in the standard's order. */
export const COUNTRY_CODES: readonly string[] = [...ASSIGNED.keys()].filter(
  (code) => !NOBODY_TO_ASK.has(code),
);

/**
 * Why a two-letter code is not a country a trip can go to, said so a person can fix it, or null
 * when it is one. "UK" → "Please use GB for the United Kingdom." A shipment's problem speaks of
 * sending the ashes, never of a trip or an airline (review 20, finding 5).
 */
export function countryCodeProblem(code: string, use: 'trip' | 'shipment' = 'trip'): string | null {
  if (NOBODY_TO_ASK.has(code))
    return use === 'shipment'
      ? `"${code}" is ${ASSIGNED.get(code) ?? code}, where nobody lives and there is no embassy, consulate or local office to ask, so we have no rules to give for it; the carrier can tell you whether it sends anything there.`
      : `"${code}" is ${ASSIGNED.get(code) ?? code}, where nobody lives and there is no embassy, consulate or local office to ask, so we have no rules to give for it; for a voyage there, the cruise line or tour operator can tell you what is allowed.`;
  if (ASSIGNED.has(code)) return null;
  const hint = reservedCodeHint(code);
  if (hint) return hint;
  if (!/^[A-Z]{2}$/.test(code)) return 'Please use a two-letter country code such as GB.';
  const place = USER_ASSIGNED_MEANING[code];
  if (place)
    return use === 'shipment'
      ? `"${code}" is the code often used for ${place}, but it is not in the international list of country codes our rules use, and we have no rules for ${place}. Before you send the ashes, please ask the embassy or consulate of ${place}, and the carrier, what they need.`
      : `"${code}" is the code often used for ${place}, but it is not in the international list of country codes our rules use, and we have no rules for ${place}. Please leave it out of the trip, and ask the embassy or consulate of ${place}, or your airline, what they need.`;
  const reserved = iso31661Reserved.find((entry) => entry.alpha2 === code);
  return reserved
    ? `"${code}" is reserved for ${reserved.name}, not a country; please use the country's own two-letter code.`
    : `"${code}" is not a country code we know; please use a two-letter code such as GB.`;
}

/**
 * English names where ISO 3166-2 gives a region's own ("Hessen", "Bayern"): the app speaks English,
 * and a state is named one way throughout ("Hesse" in a rule's title and in a question; review 9,
 * finding 16).
 */
const ENGLISH_REGION_NAMES: Readonly<Record<string, string>> = {
  'DE-BY': 'Bavaria',
  'DE-HE': 'Hesse',
  'DE-MV': 'Mecklenburg-Western Pomerania',
  'DE-NI': 'Lower Saxony',
  'DE-NW': 'North Rhine-Westphalia',
  'DE-RP': 'Rhineland-Palatinate',
  'DE-SN': 'Saxony',
  'DE-ST': 'Saxony-Anhalt',
  'DE-TH': 'Thuringia',
};
const englishName = (entry: { code: string; name: string }): string =>
  ENGLISH_REGION_NAMES[entry.code] ?? entry.name;

const REGIONS: ReadonlyMap<string, string> = new Map(
  iso31662.map((entry) => [entry.code, englishName(entry)]),
);

/** True for an ISO 3166-2 subdivision code that exists ("GB-SCT", "US-CA"). */
export const isRegionCode = (code: string): boolean => REGIONS.has(code);

/** "GB-SCT" → "Scotland", "US-CA" → "California"; the code itself when unknown. */
export const regionName = (code: string): string => REGIONS.get(code) ?? code;

/**
 * Why a region code is not a region (of `country`, when given), said so a person can fix it, or
 * null when it is one.
 */
export function regionCodeProblem(code: string, country?: string | null): string | null {
  if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code))
    return 'Please give the region as a code such as GB-SCT or US-CA.';
  if (!REGIONS.has(code))
    return `"${code}" is not a region code we know; please use one such as GB-SCT or US-CA.`;
  if (!regionLiesIn(code, country))
    return `${regionName(code)} (${code}) is not in the country given (${country}).`;
  return null;
}

/** The United Kingdom's four nations: its ISO 3166-2 list puts them beside 200 council areas. */
const UK_NATIONS = ['GB-ENG', 'GB-NIR', 'GB-SCT', 'GB-WLS'];

/**
 * The parts of a country a person would name when rules differ inside it: its top-level ISO 3166-2
 * subdivisions (states, provinces, regions; for the United Kingdom, its nations), by name.
 */
export function regionsOf(country: string): readonly { code: string; name: string }[] {
  const top =
    country === 'GB'
      ? iso31662.filter((entry) => UK_NATIONS.includes(entry.code))
      : iso31662.filter((entry) => entry.parent === country);
  return top
    .map((entry) => ({ code: entry.code, name: englishName(entry) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
