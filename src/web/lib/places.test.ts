import { describe, expect, it } from 'vitest';
import { exactChoice, rankChoices } from './choices.js';
import { countryChoices, countryName, withZone, zoneChoices, zonesOfCountry } from './places.js';
import { regionChoices } from './regions.js';

describe('places', () => {
  it('lists countries by name with their codes, each once, without groupings', () => {
    const countries = countryChoices();
    const codes = countries.map((c) => c.value);
    expect(countries.find((c) => c.value === 'GB')?.label).toBe('United Kingdom');
    expect(codes).toContain('ES');
    for (const notACountry of ['EU', 'UN', 'ZZ', 'XA']) expect(codes).not.toContain(notACountry);
    // Old codes (ZR for Congo - Kinshasa) give way to today's (CD).
    expect(codes).not.toContain('ZR');
    expect(codes).toContain('CD');
    expect(new Set(codes).size).toBe(codes.length);
    expect(countryName('ES')).toBe('Spain');
  });

  it('lists time zones and keeps one the list does not know', () => {
    const zones = zoneChoices();
    expect(zones.find((z) => z.value === 'America/New_York')?.label).toBe('America/New York');
    const short = [{ value: 'UTC', label: 'UTC' }];
    expect(withZone(short, 'UTC')).toBe(short);
    expect(withZone(short, 'Europe/Kiev').map((z) => z.value)).toEqual(['Europe/Kiev', 'UTC']);
  });

  it("knows a country's zones where the runtime can tell", () => {
    const zones = zonesOfCountry('ES');
    if (zones.length > 0) expect(zones).toContain('Europe/Madrid');
  });

  it('finds a country by the names people type, the one they mean first', () => {
    const countries = countryChoices();
    const first = (typed: string) => rankChoices(countries, typed)[0]?.value;
    // "UK" means the United Kingdom, ahead of Ukraine, which only starts with the letters.
    expect(first('UK')).toBe('GB');
    expect(rankChoices(countries, 'uk').map((c) => c.value)).toContain('UA');
    for (const typed of ['England', 'Scotland', 'Britain', 'great britain', 'u.k.', 'GB'])
      expect(exactChoice(countries, typed)?.value, typed).toBe('GB');
    expect(exactChoice(countries, 'USA')?.value).toBe('US');
    expect(exactChoice(countries, 'Holland')?.value).toBe('NL');
    expect(exactChoice(countries, 'espana')).toBeUndefined();
    expect(exactChoice(countries, 'Spain')?.value).toBe('ES');
    expect(exactChoice(countries, 'Englnd')).toBeUndefined();
    expect(first('eng')).toBe('GB');
  });

  it('lists the parts of a country where rules differ: the UK’s nations, US states', () => {
    expect(regionChoices('GB').map((r) => r.label)).toEqual([
      'England',
      'Northern Ireland',
      'Scotland',
      'Wales',
    ]);
    expect(regionChoices('US').find((r) => r.value === 'US-CA')?.label).toBe('California');
    expect(regionChoices('')).toEqual([]);
    // Every part offered lies in its country, so the server never refuses a suggestion.
    for (const country of ['GB', 'US', 'FR', 'AU', 'NZ'])
      for (const region of regionChoices(country)) expect(region.value.startsWith(`${country}-`)).toBe(true);
  });
});
