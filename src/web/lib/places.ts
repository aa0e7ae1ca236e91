// Countries and time zones from the browser's own Intl data: nothing to download or keep up to date.

export interface Choice {
  value: string;
  label: string;
  /** Extra words a search may match ("GB" for United Kingdom). */
  keywords?: string;
}

/** Codes Intl can name that are not places a leg leaves from or arrives in. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

let countries: Choice[] | undefined;

/** Every country and territory, by name in English, with its ISO 3166 two-letter code. */
export function countryChoices(): Choice[] {
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
      out.push({ value: code, label: name, keywords: code });
    }
  }
  countries = out.sort((x, y) => x.label.localeCompare(y.label, 'en'));
  return countries;
}

export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
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
  zones = [...all].sort().map((zone) => ({ value: zone, label: zoneLabel(zone), keywords: zone }));
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
