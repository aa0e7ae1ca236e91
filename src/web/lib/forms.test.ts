import { describe, expect, it } from 'vitest';
import { createTripBody } from '../../contracts/trips.js';
import { check, numberOrNull } from './forms.js';

describe('forms', () => {
  it("shows the contract's own message next to each field", () => {
    const result = check(createTripBody, { name: ' ', purpose: 'carry', requireTwoPeople: false });
    expect(result).toEqual({ ok: false, fields: { name: 'Please fill in a name for the trip.' } });
  });

  it('gives back the parsed body when all is well', () => {
    const result = check(createTripBody, {
      name: ' Summer in Spain ',
      purpose: 'carry',
      requireTwoPeople: true,
      startsOn: '',
    });
    expect(result).toEqual({
      ok: true,
      data: { name: 'Summer in Spain', purpose: 'carry', requireTwoPeople: true, startsOn: null },
    });
  });

  it('reads numbers from text, leaving empty as null and nonsense for the schema to name', () => {
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull(' 20 ')).toBe(20);
    expect(numberOrNull('twenty')).toBeNaN();
  });
});
