import { describe, expect, it } from 'vitest';
import {
  addJack,
  addTravellingKeepsake,
  choose,
  heading,
  planFlights,
  signUp,
  tripNav,
  useJourney,
} from './steps.js';

// Scattering at sea in the United Kingdom without saying which nation (review 11, finding 4): our
// rules for the sea are England's, so "What to carry" asks the nation, kindly, with a way to say it
// in the trip's "Where you will scatter"; once said, the question is gone.

const j = useJourney();
const TRIP = 'Jack to the sea';

describe('which nation of the UK the ashes are scattered in', () => {
  it('sets up Jack, his box and a trip that scatters at sea in the UK, the nation not said', async () => {
    const { page } = j;
    await signUp(page, {
      name: 'Ruth',
      email: 'ruth.nation@example.org',
      password: 'the tide coming in slowly',
      family: 'The Hallidays',
    });
    await addJack(page);
    await addTravellingKeepsake(page, "Jack's shell", 'Biodegradable (paper, salt, sand)');
    await planFlights(page, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'British Airways', option: 'British Airways (BA)' },
      homeZone: 'Europe/Madrid',
    });
    await page.getByRole('link', { name: 'Edit trip details' }).click();
    await heading(page, 'Trip details').waitFor();
    await page.getByRole('radio', { name: /Scattering their ashes/ }).check();
    const where = page.getByRole('group', { name: 'Where you will scatter' });
    await choose(page, where.getByRole('combobox', { name: /Country/ }), 'united k', 'United Kingdom');
    await where.getByRole('radio', { name: 'At sea' }).check();
    await where.getByRole('radio', { name: 'No, all of them stay there' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, TRIP).waitFor();
  });

  it('asks which nation on What to carry, and the link leads to where it is said', async () => {
    const { page } = j;
    await tripNav(page, 'What to carry').click();
    const summary = page.getByRole('region', { name: 'What you carry for Jack' });
    await summary.getByText(/^Which nation of the United Kingdom will you scatter the ashes in/).waitFor();
    await j.a11y('what to carry, asking the nation');
    await summary.getByRole('link', { name: 'Add it under “Where you will scatter” in the trip' }).click();
    await heading(page, 'Trip details').waitFor();
    const where = page.getByRole('group', { name: 'Where you will scatter' });
    await choose(page, where.getByRole('combobox', { name: /Part of United Kingdom/ }), 'Engl', 'England');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, TRIP).waitFor();
  });

  it('once said, asks no more', async () => {
    const { page } = j;
    await tripNav(page, 'What to carry').click();
    const summary = page.getByRole('region', { name: 'What you carry for Jack' });
    await summary.getByText(/Jack/).first().waitFor();
    await expect.poll(() => summary.getByText(/Which nation of the United Kingdom/).count()).toBe(0);
  });
});
