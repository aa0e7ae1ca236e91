import type { ScreeningBody } from './rule-schema.js';

// Which airport security body screens a departure from each country. Only bodies the research
// covers are listed; a country with no body, or a body with no rule for the case at hand, is
// reported as a gap ("we have no rule from our research for airport security in …"), never guessed.

/** EU member states plus the EEA states (Iceland, Liechtenstein, Norway), as the brief asks. */
const EU_EEA = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
] as const;

const BY_COUNTRY: ReadonlyMap<string, ScreeningBody> = new Map<string, ScreeningBody>([
  ['US', 'US-TSA'],
  // TSA screens departures from US territories too (review 13, finding 4), each from a page read
  // 2026-12-06: Puerto Rico (tsa.gov press release, 7 April 2021: "The TSA is screening passengers
  // across Puerto Rico"), Guam (tsa.gov press release, 22 September 2023, on the checkpoint at
  // A.B. Won Pat Guam International Airport) and the US Virgin Islands (St. John Tradewinds on TSA's
  // screening at Cyril E. King, St Thomas, and Henry E. Rohlsen, St Croix). American Samoa and the
  // Northern Mariana Islands are left out: we read nothing on who screens there.
  ['PR', 'US-TSA'],
  ['GU', 'US-TSA'],
  ['VI', 'US-TSA'],
  ['CA', 'CA-CATSA'],
  ['GB', 'UK'],
  ['AU', 'AU'],
  ['NZ', 'NZ-AVSEC'],
  ['JP', 'JP'],
  ['SG', 'SG'],
  ['AE', 'AE'],
  ['IN', 'IN-BCAS'],
  ['MX', 'MX'],
  ['CH', 'CH'],
  ...EU_EEA.map((country): [string, ScreeningBody] => [country, 'EU']),
]);

export function screeningBodyFor(country: string): ScreeningBody | null {
  return BY_COUNTRY.get(country) ?? null;
}

/**
 * Who screens passengers, for a body none of whose rules speaks of the case at hand: the gap names
 * them, so a family knows whom "airport security" means there, and still says that nothing we found
 * from them speaks of ashes (issue 7). Each from a page read on 2026-12-06:
 * - Switzerland: FOCA's "Security measures" page (bazl.admin.ch/bazl/en/home/flugbetrieb/
 *   security-measures.html, undated: FOCA certifies and supervises "providers of screening
 *   services" and inspects "passengers and hand luggage"); the Aviation Ordinance (LFV), art. 122c
 *   (lawbrary.ch copy of the version of January 2023: security measures follow "the provisions of
 *   EU law binding on Switzerland"); zürich24.ch on Zurich's 2024 figures, undated: the Zurich
 *   cantonal police carry out the checks for Flughafen Zürich AG. Nothing found for Geneva or Basel,
 *   and nothing from any of them on urns or ashes.
 * - Singapore: the letter to The Straits Times of 11 December 2017 from Changi Airport Group's head of
 *   aviation security and Certis Cisco Aviation Security's, on the CAS officers and X-ray operators
 *   at Changi; nothing found from Changi Airport Group, Certis or the Civil Aviation Authority of
 *   Singapore on urns or ashes, apart from the US-bound powder rule (`sg-us-flights-present-ashes`).
 */
export const SCREENING_BODY_WHO: Readonly<Partial<Record<ScreeningBody, string>>> = {
  CH: 'In Switzerland, the Federal Office of Civil Aviation (FOCA) certifies and supervises those who screen passengers, under the EU aviation security rules Switzerland applies; at Zurich, the Zurich cantonal police screen passengers for the airport.',
  SG: 'At Changi, the X-ray screening was run by Certis Cisco Aviation Security for Changi Airport Group, as both said in December 2017.',
};

export const SCREENING_BODY_NAMES: Readonly<Record<ScreeningBody, string>> = {
  'US-TSA': 'US airport security (TSA)',
  'CA-CATSA': 'Canadian airport security (CATSA)',
  UK: 'UK airport security',
  EU: 'airport security in Europe',
  AU: 'Australian airport security',
  'NZ-AVSEC': 'New Zealand airport security (Aviation Security Service)',
  JP: 'airport security in Japan',
  SG: 'airport security in Singapore',
  AE: 'airport security in the United Arab Emirates',
  'IN-BCAS': 'airport security in India',
  MX: 'airport security in Mexico',
  CH: 'airport security in Switzerland',
};
