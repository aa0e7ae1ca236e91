import { describe, expect, it } from 'vitest';
import { carrierChoices } from './carrier-choices.js';
import { RULES } from './load-rules.js';

describe('the companies a leg can name', () => {
  const choices = carrierChoices();

  it('offers flying airlines by name, each code once, including every airline our rules speak for', () => {
    const byCode = new Map(choices.air.map((c) => [c.code, c.name]));
    expect(byCode.size).toBe(choices.air.length);
    expect(byCode.get('BA')).toBe('British Airways');
    expect(byCode.get('6E')).toBe('IndiGo');
    const ruled = RULES.filter((r) => r.conditions.mode?.includes('air')).flatMap(
      (r) => r.conditions.carrier ?? [],
    );
    for (const code of ruled) expect(byCode.has(code), code).toBe(true);
  });

  it('offers trains and boats only the companies our rules know, under codes a leg can hold', () => {
    expect(choices.rail).toEqual([
      { code: '2V', name: 'Amtrak' },
      { code: '9F', name: 'Eurostar' },
      { code: 'VIA', name: 'VIA Rail' },
    ]);
    expect(choices.sea.map((c) => c.name)).toContain('Royal Caribbean');
    for (const list of Object.values(choices))
      for (const { code } of list) expect(code).toMatch(/^[A-Z0-9]{2,3}$/);
  });
});
