// Countries and time zones from the browser's own Intl data: nothing to download or keep up to date.
// The parts of a country come from ISO 3166-2 (the contracts' list, the one the server checks), in
// regions.ts: this file is on pages that only show a country, which never download the lists.
import { loadCountryLists } from '../../contracts/country-lists.js';
import { countryName as englishCountryName, countryPhrase } from '../../contracts/country-names.js';

export { countryPhrase };

export interface Choice {
  value: string;
  label: string;
  /** Other words people use for it, which a search matches ("GB", "UK", "England" for the United Kingdom). */
  keywords?: readonly string[];
}

/** Codes Intl can name that are not places a leg leaves from or arrives in. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/**
 * Names people type for a country that are not its English name: its nations and common short
 * names. "England" is the United Kingdom here: a country field holds the state (rules about papers
 * are the state's); the part of the country, where rules differ inside it, is asked separately.
 */
const OTHER_NAMES: Readonly<Record<string, readonly string[]>> = {
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  US: ['USA', 'U.S.A.', 'US', 'America', 'United States of America'],
  NL: ['Holland'],
  AE: ['UAE', 'Dubai', 'Abu Dhabi'],
  CZ: ['Czech Republic'],
  TR: ['Turkey'],
  KR: ['Korea'],
  CI: ["Cote d'Ivoire", 'Ivory Coast'],
  MM: ['Burma'],
  SZ: ['Swaziland'],
  CV: ['Cape Verde'],
  VA: ['Vatican'],
  RU: ['Russia'],
  IE: ['Eire', 'Republic of Ireland'],
};

let countries: Choice[] | undefined;

/** Every country and territory, by name in English, with its ISO 3166 two-letter code. */
export function countryChoices(): Choice[] {
  // A form that asks for a country checks it against the ISO lists before saving: fetch them now,
  // while the person fills it in.
  void loadCountryLists();
  if (countries) return countries;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const out: Choice[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      // Old codes (ZR, YU…) canonicalise to today's; keep each place once, under its current code.
      const canonical = Intl.getCanonicalLocales(`und-${code}`)[0];
      if (!name || name === code || canonical !== `und-${code}`) continue;
      out.push({ value: code, label: name, keywords: [code, ...(OTHER_NAMES[code] ?? [])] });
    }
  }
  countries = out.sort((x, y) => x.label.localeCompare(y.label, 'en'));
  return countries;
}

/** The country's English name ("United Kingdom"), or '' when there is none. */
export function countryName(code: string | null | undefined): string {
  return code ? englishCountryName(code) : '';
}

/** The zone this device is in, e.g. "Europe/London". */
export function deviceZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const zoneLabel = (zone: string) => zone.replaceAll('_', ' ');

let zones: Choice[] | undefined;

/** Every IANA zone the browser knows, plus this device's own if the list leaves it out. */
export function zoneChoices(): Choice[] {
  if (zones) return zones;
  const all = new Set<string>(Intl.supportedValuesOf('timeZone'));
  all.add(deviceZone());
  all.add('UTC');
  zones = [...all].sort().map((zone) => ({ value: zone, label: zoneLabel(zone), keywords: [zone] }));
  return zones;
}

/** Ensures a zone that is not in the list (an old alias) can still be shown and kept. */
export function withZone(choices: Choice[], zone: string): Choice[] {
  return !zone || choices.some((c) => c.value === zone)
    ? choices
    : [{ value: zone, label: zoneLabel(zone) }, ...choices];
}

interface LocaleWithZones {
  getTimeZones?: () => string[] | undefined;
  timeZones?: string[];
}

/** The zones of a country where the browser can tell (Intl.Locale zone info); empty otherwise. */
export function zonesOfCountry(code: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${code}`) as unknown as LocaleWithZones;
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}
