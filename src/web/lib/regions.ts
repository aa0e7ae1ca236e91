import { regionsOf } from '../../contracts/countries.js';
import type { Choice } from './places.js';

// The parts of a country, from ISO 3166-2 (the contracts' list, the one the server checks): only the
// forms that ask for one load it.

/** The parts of a country where rules may differ (states, nations), or none for no country. */
export function regionChoices(country: string): Choice[] {
  if (!country) return [];
  return regionsOf(country).map((region) => ({
    value: region.code,
    label: region.name,
    keywords: [region.code],
  }));
}
