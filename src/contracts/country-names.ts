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

/**
 * Names that read wrongly mid-sentence as the platform gives them: "into Hong Kong SAR China", "in
 * Congo - Kinshasa", "Myanmar (Burma)" (review 34b, finding 8). A place's everyday English name.
 */
const IN_RUNNING_TEXT: Readonly<Record<string, string>> = {
  HK: 'Hong Kong',
  MO: 'Macao',
  CD: 'the Democratic Republic of the Congo',
  CG: 'the Republic of the Congo',
  MM: 'Myanmar',
  PS: 'the Palestinian Territories',
  GS: 'South Georgia and the South Sandwich Islands',
  VC: 'St. Vincent and the Grenadines',
};

/** Island groups and territories take "the" ("the Isle of Man", "the Falkland Islands"). */
const TAKES_THE = /Islands$|Territory$|Territories$|^Isle of /;

/**
 * The country's name as it reads mid-sentence: "Spain", "the United Kingdom", "the Isle of Man",
 * "Hong Kong", "Trinidad and Tobago" (an "&" is for a list's label, not a sentence).
 */
export function countryPhrase(code: string): string {
  const named = IN_RUNNING_TEXT[code];
  if (named !== undefined) return named;
  const name = countryName(code).replaceAll(' & ', ' and ');
  return WITH_THE.has(code) || (name !== code && TAKES_THE.test(name)) ? `the ${name}` : name;
}

/** True unless both are given and the region lies outside the country ("GB-SCT" is in "GB"). */
export const regionLiesIn = (
  region: string | null | undefined,
  country: string | null | undefined,
): boolean => !region || !country || region.startsWith(`${country}-`);
