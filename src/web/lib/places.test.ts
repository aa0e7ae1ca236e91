import { describe, expect, it } from 'vitest';
import { countryChoices, countryName, withZone, zoneChoices, zonesOfCountry } from './places.js';

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
});
