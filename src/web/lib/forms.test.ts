import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CountryListsNotLoaded } from '../../contracts/country-lists.js';
import { createTripBody } from '../../contracts/trips.js';
import { check, checkForm, numberOrNull } from './forms.js';

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

  it('never lets a code through while the country lists are still on their way: it waits and checks again', async () => {
    // As in the browser before the lists have arrived (on Node they are always there).
    let listsHere = false;
    const country = z.string().superRefine((code, ctx) => {
      if (!listsHere) {
        listsHere = true;
        throw new CountryListsNotLoaded();
      }
      if (code !== 'GB')
        ctx.addIssue({ code: 'custom', message: 'Please choose the country from the list.' });
    });
    expect(() => check(country, 'XX')).toThrow(CountryListsNotLoaded);
    listsHere = false;
    await expect(checkForm(country, 'XX')).resolves.toEqual({
      ok: false,
      fields: { form: 'Please choose the country from the list.' },
    });
    await expect(checkForm(country, 'GB')).resolves.toEqual({ ok: true, data: 'GB' });
  });

  it('reads numbers from text, leaving empty as null and nonsense for the schema to name', () => {
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull(' 20 ')).toBe(20);
    expect(numberOrNull('twenty')).toBeNaN();
  });
});
