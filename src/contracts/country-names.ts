// What reads a country without its lists: names from the platform's own data (Intl) and whether a
// region code lies in a country. Kept apart from countries.ts (the ISO 3166 lists, 258 KB) so that
// a page that only shows countries, such as a trip, never downloads the lists.

// English names from the platform's own data (Intl), so none are hand-kept here.
let regionNames: Intl.DisplayNames | null = null;
export function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Countries whose English name takes "the" inside a sentence ("the United Kingdom"). */
const WITH_THE = new Set([
  'AE',
  'BS',
  'CF',
  'DO',
  'GB',
  'GM',
  'KM',
  'KY',
  'MH',
  'MV',
  'NL',
  'PH',
  'SB',
  'SC',
  'TC',
  'US',
  'VG',
  'VI',
]);

/** The country's name as it reads mid-sentence: "Spain", "the United Kingdom". */
export function countryPhrase(code: string): string {
  return WITH_THE.has(code) ? `the ${countryName(code)}` : countryName(code);
}

/** True unless both are given and the region lies outside the country ("GB-SCT" is in "GB"). */
export const regionLiesIn = (
  region: string | null | undefined,
  country: string | null | undefined,
): boolean => !region || !country || region.startsWith(`${country}-`);
