import type { ScreeningBody } from './rule-schema.js';

// Which airport security body screens a departure from each country. Only bodies the research
// covers are listed; any other country's screening is reported as a gap, never guessed.

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
  ['CA', 'CA-CATSA'],
  ['GB', 'UK'],
  ['AU', 'AU'],
  ...EU_EEA.map((country): [string, ScreeningBody] => [country, 'EU']),
]);

export function screeningBodyFor(country: string): ScreeningBody | null {
  return BY_COUNTRY.get(country) ?? null;
}

export const SCREENING_BODY_NAMES: Readonly<Record<ScreeningBody, string>> = {
  'US-TSA': 'US airport security (TSA)',
  'CA-CATSA': 'Canadian airport security (CATSA)',
  UK: 'UK airport security',
  EU: 'airport security in Europe',
  AU: 'Australian airport security',
};
