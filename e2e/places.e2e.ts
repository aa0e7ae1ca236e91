import { describe, expect, it } from 'vitest';
import {
  addJack,
  addTravellingKeepsake,
  choose,
  heading,
  nav,
  planFlights,
  signUp,
  useJourney,
} from './steps.js';

// "Places Jack has been": a leg's destination picked from the packaged gazetteer (searched on the
// server as it is typed) becomes a pin on Jack's map, drawn in the app, with a list beside it.
// On the phone-sized window every journey opens (e2e/harness.ts).

const j = useJourney();
const TRIP = 'Summer in Madrid';

describe('places Jack has been', () => {
  it('shows kind words before Jack has travelled', async () => {
    const { page } = j;
    await signUp(page, {
      name: 'Olive',
      email: 'olive.places@example.org',
      password: 'the long road to madrid',
      family: 'The Places',
    });
    await addJack(page);
    await page.getByRole('link', { name: /See the map of places Jack/ }).click();
    await heading(page, 'Places Jack has been').waitFor();
    await page.getByText('Jack hasn’t travelled with you yet').waitFor();
    await j.a11y('places page, not travelled yet');
    await page.getByRole('link', { name: 'Back to Jack' }).click();
    await heading(page, 'Jack').waitFor();
    await addTravellingKeepsake(page, 'Jack’s box', 'Wood');
  });

  it('picks Madrid from the suggestions for where the flight arrives', async () => {
    const { page } = j;
    await planFlights(page, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'British', option: 'British Airways (BA)' },
      homeZone: 'Europe/London',
    });
    await page.getByRole('link', { name: /^Edit United Kingdom to Spain/ }).click();
    await heading(page, 'Edit departure').waitFor();
    const arriving = page.getByRole('combobox', { name: /Arriving at/ });
    await choose(page, arriving, 'Madr', 'Madrid');
    await j.a11y('leg form, a town picked');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, TRIP).waitFor();
  });

  it('finds Madrid on Jack’s places page, as a pin and in the list', async () => {
    const { page } = j;
    await nav(page, 'Loved ones').click();
    await page.getByRole('link', { name: 'Jack' }).first().click();
    await heading(page, 'Jack').waitFor();
    await page.getByRole('link', { name: /See the map of places Jack/ }).click();
    await heading(page, 'Places Jack has been').waitFor();

    const map = page.getByRole('img', { name: /A map of the world with Spain shaded, and a pin at Madrid/ });
    await map.waitFor();
    await expect.poll(() => page.locator('svg .pin[data-place="Madrid"]').count()).toBe(1);
    await expect.poll(() => page.locator('svg .land.visited').count()).toBe(1);

    const spain = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Spain' }) });
    await spain.getByText('Madrid', { exact: true }).waitFor();
    await spain.getByText('a pin on the map', { exact: false }).waitFor();
    // Home (the way back to the United Kingdom) is not a place Jack "has been".
    await expect.poll(() => page.getByRole('heading', { name: 'United Kingdom' }).count()).toBe(0);
    await j.a11y('places page with Madrid');

    await spain.getByRole('link', { name: TRIP }).first().click();
    await heading(page, TRIP).waitFor();
  });
});
