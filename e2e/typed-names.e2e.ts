import { describe, expect, it } from 'vitest';
import { dayFromToday, heading, nav, signUp, useJourney } from './steps.js';

// People type the names they use: "England", "UK", "British Airways". The forms take those, offer
// suggestions, and never drop or change what was typed without saying so. This journey also fills
// in what the travel rules depend on: whether a baby was born alive, the birth weight, the part of
// the country, where the ashes are scattered, whether some come home, and a change of planes.

const j = useJourney();
const TRIP = 'Scattering at Loch Lomond';

const field = (name: string | RegExp) => j.page.getByRole('combobox', { name });
const alert = () => j.page.getByRole('alert').getByText('Please check the highlighted fields.');

describe('names typed as people say them', () => {
  it('signs up', async () => {
    // Every refusal by the page's Content-Security-Policy, kept in the page (the app is one page).
    await j.page.addInitScript(
      "window.__refused = []; document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
    await signUp(j.page, {
      name: 'Iona',
      email: 'iona.names@example.org',
      password: 'the loch at first light',
      family: 'The Campbells',
    });
  });

  it('takes "England" for the country, then asks which part, and keeps the answers', async () => {
    const { page } = j;
    await nav(page, 'Loved ones').click();
    await page.getByRole('link', { name: 'Add a loved one' }).click();
    await heading(page, 'Add a loved one').waitFor();
    await page.getByLabel('Their name').fill('Rory');
    await page.getByRole('radio', { name: 'A baby lost in pregnancy' }).check();
    await page.getByLabel('Weeks of pregnancy').fill('22');

    // A name the list does not know is said back, and the form will not save without it fixed.
    const country = field(/Country where it happened/);
    await country.fill('Englnd');
    await country.blur();
    await page
      .getByText('We don’t know “Englnd” here. Please choose from the suggestions, or clear the field.')
      .waitFor();
    await expect.poll(() => country.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await alert().waitFor();
    await heading(page, 'Add a loved one').waitFor();
    await j.a11y('loved one form, a country not understood');

    // "UK" offers the United Kingdom first (not Ukraine); "England" is understood as it.
    await country.fill('UK');
    await expect.poll(() => page.getByRole('option').first().textContent()).toBe('United Kingdom');
    await country.fill('England');
    await country.blur();
    await expect.poll(() => country.inputValue()).toBe('United Kingdom');
    await expect.poll(() => country.getAttribute('aria-invalid')).toBeNull();

    const part = field(/Part of United Kingdom/);
    await part.fill('Scot');
    await page.getByRole('option', { name: 'Scotland', exact: true }).click();
    await expect.poll(() => part.inputValue()).toBe('Scotland');

    await page.getByRole('radio', { name: 'No, Rory was born without signs of life' }).check();
    await page.getByLabel('Birth weight in grams').fill('480');
    await j.a11y('loved one form with the questions the rules need');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await heading(page, 'Rory').waitFor();

    // Everything said is kept, and shown again as said.
    await page.getByRole('link', { name: "Edit Rory's details" }).click();
    await heading(page, 'Rory’s details').waitFor();
    await expect.poll(() => field(/Country where it happened/).inputValue()).toBe('United Kingdom');
    await expect.poll(() => field(/Part of United Kingdom/).inputValue()).toBe('Scotland');
    await expect
      .poll(() => page.getByRole('radio', { name: 'No, Rory was born without signs of life' }).isChecked())
      .toBe(true);
    await expect.poll(() => page.getByLabel('Birth weight in grams').inputValue()).toBe('480');
  });

  it('plans a scattering in Scotland, at sea, with none of the ashes coming home', async () => {
    const { page } = j;
    await nav(page, 'Trips').click();
    await page.getByRole('link', { name: 'Plan a trip' }).click();
    await heading(page, 'Plan a trip').waitFor();
    await page.getByLabel('Name of the trip').fill(TRIP);
    await page.getByLabel('First day').fill(dayFromToday(3));
    await page.getByRole('radio', { name: /Scattering their ashes/ }).check();
    const where = page.getByRole('group', { name: 'Where you will scatter' });
    const country = where.getByRole('combobox', { name: /Country/ });
    await country.fill('Scotland');
    await country.blur();
    await expect.poll(() => country.inputValue()).toBe('United Kingdom');
    const part = where.getByRole('combobox', { name: /Part of United Kingdom/ });
    await part.fill('Scotland');
    await part.blur();
    await expect.poll(() => part.inputValue()).toBe('Scotland');
    await where.getByRole('radio', { name: 'At sea' }).check();
    await where.getByRole('radio', { name: 'No, all of them stay there' }).check();
    await j.a11y('trip form, where they scatter');
    await page.getByRole('button', { name: 'Plan this trip' }).click();
    await heading(page, TRIP).waitFor();

    await page.getByRole('link', { name: 'Edit trip details' }).click();
    await heading(page, 'Trip details').waitFor();
    const kept = page.getByRole('group', { name: 'Where you will scatter' });
    await expect
      .poll(() => kept.getByRole('combobox', { name: /Country/ }).inputValue())
      .toBe('United Kingdom');
    await expect
      .poll(() => kept.getByRole('combobox', { name: /Part of United Kingdom/ }).inputValue())
      .toBe('Scotland');
    await expect.poll(() => kept.getByRole('radio', { name: 'At sea' }).isChecked()).toBe(true);
    await expect
      .poll(() => kept.getByRole('radio', { name: 'No, all of them stay there' }).isChecked())
      .toBe(true);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await heading(page, TRIP).waitFor();
  });

  it('takes an airline by its name or code, and says back one it does not know', async () => {
    const { page } = j;
    await page.getByRole('link', { name: 'Add a departure' }).click();
    await heading(page, 'Add a departure').waitFor();
    const from = field('Leaving from (country)');
    await from.fill('Britain');
    await from.blur();
    await expect.poll(() => from.inputValue()).toBe('United Kingdom');
    const to = field('Going to (country)');
    await to.fill('Holland');
    await to.blur();
    await expect.poll(() => to.inputValue()).toBe('Netherlands');

    const airline = field(/Airline/);
    await airline.fill('Puffin Airways');
    await airline.blur();
    await page
      .getByText(
        'We don’t know an airline called “Puffin Airways”. Please choose one from the suggestions, or clear the field.',
      )
      .waitFor();
    await page.getByLabel('Departure date and time').fill(`${dayFromToday(3)}T08:15`);
    await page.getByRole('button', { name: 'Save this departure' }).click();
    await alert().waitFor();
    await heading(page, 'Add a departure').waitFor();

    // The code finds the airline first; Enter takes it.
    await airline.fill('ba');
    await expect.poll(() => page.getByRole('option').first().textContent()).toBe('British Airways (BA)');
    await airline.press('Enter');
    await expect.poll(() => airline.inputValue()).toBe('British Airways (BA)');

    // A change of planes is asked only for a flight, and names where the flight lands.
    const connection = page.getByRole('checkbox', { name: 'Only changing planes in Netherlands' });
    await connection.check();
    await j.a11y('departure form, airline chosen');
    await page.getByRole('button', { name: 'Save this departure' }).click();
    await heading(page, TRIP).waitFor();
    await page
      .getByRole('region', { name: /^United Kingdom to Netherlands/ })
      .getByText(/British Airways · .* · Only changing planes here/)
      .waitFor();
  });

  it('offers trains only the companies the rules know, and says so', async () => {
    const { page } = j;
    await page.getByRole('link', { name: 'Add another departure' }).click();
    await heading(page, 'Add a departure').waitFor();
    await page.getByRole('radio', { name: 'Train' }).check();
    expect(await page.getByRole('checkbox', { name: /Only changing planes/ }).count()).toBe(0);
    await page.getByText(/Our research has rules from Amtrak, Eurostar and VIA Rail/).waitFor();
    const company = field(/Rail company/);
    await company.fill('euro');
    await page.getByRole('option', { name: 'Eurostar (9F)' }).click();
    await expect.poll(() => company.inputValue()).toBe('Eurostar (9F)');
    // A sailing may stop at a port where the ashes stay aboard: asked for boats, never for trains.
    await page.getByRole('radio', { name: 'Boat or ferry' }).check();
    const portCall = page.getByRole('checkbox', { name: /^A port of call.*the ashes stay on board$/ });
    await portCall.check();
    await expect.poll(() => portCall.isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Train' }).check();
    expect(await page.getByRole('checkbox', { name: /A port of call/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await heading(page, TRIP).waitFor();
  });

  it('takes a nationality by its country, says back a word it does not know, and never blocks on a hidden question', async () => {
    const { page } = j;
    await nav(page, 'Loved ones').click();
    await page.getByRole('link', { name: 'Add a loved one' }).click();
    await heading(page, 'Add a loved one').waitFor();
    await page.getByLabel('Their name').fill('Ana');
    await page.getByRole('radio', { name: 'A baby lost in pregnancy' }).check();
    const country = field(/Country where it happened/);
    await country.fill('Englnd');
    await country.blur();
    await expect.poll(() => country.getAttribute('aria-invalid')).toBe('true');
    // She was not a baby: the question goes, and what it could not understand goes with it.
    await page.getByRole('radio', { name: 'A grown-up' }).check();
    await country.waitFor({ state: 'detached' });

    const nationality = field(/Their nationality/);
    await nationality.fill('Portuguese');
    await nationality.blur();
    await page.getByText(/We don’t know “Portuguese” as a country here/).waitFor();
    await expect.poll(() => nationality.getAttribute('aria-invalid')).toBe('true');
    await j.a11y('loved one form, a nationality not understood');
    await nationality.fill('Portugal');
    await nationality.blur();
    await expect.poll(() => nationality.inputValue()).toBe('Portugal');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await heading(page, 'Ana').waitFor();

    await page.getByRole('link', { name: "Edit Ana's details" }).click();
    await heading(page, 'Ana’s details').waitFor();
    await expect.poll(() => field(/Their nationality/).inputValue()).toBe('Portugal');
  });

  it('asked nothing of the browser that the page’s security policy refuses', async () => {
    // zod probes for `new Function` unless told not to (src/web/zod-jitless.ts).
    expect(await j.page.evaluate('window.__refused')).toEqual([]);
  });
});
