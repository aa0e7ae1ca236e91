import { iso31661, iso31661Reserved } from 'iso-3166';

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

/** Every assigned ISO 3166-1 alpha-2 code, in the standard's order. */
export const COUNTRY_CODES: readonly string[] = [...ASSIGNED.keys()];

/**
 * Why a two-letter code is not a country, said so a person can fix it, or null when it is one.
 * "UK" → "Please use GB for the United Kingdom."
 */
export function countryCodeProblem(code: string): string | null {
  if (ASSIGNED.has(code)) return null;
  const meant = RESERVED_MEANING[code];
  if (meant) return `Please use ${meant[0]} for ${meant[1]}.`;
  if (!/^[A-Z]{2}$/.test(code)) return 'Please use a two-letter country code such as GB.';
  const reserved = iso31661Reserved.find((entry) => entry.alpha2 === code);
  return reserved
    ? `"${code}" is reserved for ${reserved.name}, not a country; please use the country's own two-letter code.`
    : `"${code}" is not a country code we know; please use a two-letter code such as GB.`;
}
