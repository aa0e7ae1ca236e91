import { expect, describe, it } from 'vitest';
import {
  addDeparture,
  addJack,
  addTravellingKeepsake,
  choose,
  heading,
  planTrip,
  signUp,
  tripNav,
  useJourney,
} from './steps.js';

// A family that flies out without the ashes and collects them abroad (issue 7): the trip's details
// ask "Are you collecting the ashes on this trip?" and where, with the country list the loved one's
// form uses (typed text it cannot take is never dropped). Once said, "What to carry" says the flight
// out carries nothing, and the flight on from there carries Jack.

const j = useJourney();
const TRIP = 'Bringing Jack to Germany';
const JOINS =
  'The ashes join the trip in Singapore, so there is nothing to carry on this part of the journey.';

describe('collecting the ashes on the way', () => {
  it('sets up Jack, his box and flights from the United States to Singapore, then on to Germany', async () => {
    const { page } = j;
    await signUp(page, {
      name: 'Mei',
      email: 'mei.collect@example.org',
      password: 'a long way round to bring him',
      family: 'The Tans',
    });
    await addJack(page);
    await addTravellingKeepsake(page, "Jack's box", 'Wood');
    await planTrip(page, { name: TRIP });
    await addDeparture(page, TRIP, {
      from: { typed: 'united st', option: 'United States' },
      to: { typed: 'singa', option: 'Singapore' },
      airline: { typed: 'Singapore Airlines', option: 'Singapore Airlines (SQ)' },
      leaves: { day: 2, time: '22:30' },
      zone: { typed: 'new york', option: 'America/New York' },
    });
    await addDeparture(page, TRIP, {
      from: { typed: 'singa', option: 'Singapore' },
      to: { typed: 'germ', option: 'Germany' },
      airline: { typed: 'Singapore Airlines', option: 'Singapore Airlines (SQ)' },
      leaves: { day: 5, time: '23:55' },
      another: true,
    });
  });

  it('before it is said, the flight out is answered as carrying Jack', async () => {
    const { page } = j;
    await tripNav(page, 'What to carry').click();
    const out = page.getByRole('region', { name: /^United States to Singapore/ });
    await out.waitFor();
    await page.getByRole('region', { name: 'What you carry for Jack' }).waitFor();
    await out.getByRole('listitem').first().waitFor();
    expect(await out.getByText(JOINS).count()).toBe(0);
  });

  it('the trip details ask, keep typed text they cannot take, and save Singapore', async () => {
    const { page } = j;
    await tripNav(page, 'Journey and checks').click();
    await page.getByRole('link', { name: 'Edit trip details' }).click();
    await heading(page, 'Trip details').waitFor();
    await page.getByRole('radio', { name: 'Yes, we collect them on the way' }).check();
    const where = page.getByRole('combobox', { name: /Where do you collect them/ });
    await where.fill('the funeral home');
    await where.press('Tab');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByText(/We don’t know “the funeral home” as a country here/)
      .first()
      .waitFor();
    await heading(page, 'Trip details').waitFor();
    await j.a11y('trip details, asking where the ashes are collected');
    await choose(page, where, 'singa', 'Singapore');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, TRIP).waitFor();
  });

  it('What to carry then says the flight out carries nothing, and the flight on carries Jack', async () => {
    const { page } = j;
    await tripNav(page, 'What to carry').click();
    const out = page.getByRole('region', { name: /^United States to Singapore/ });
    await out.getByText(JOINS).waitFor();
    const on = page.getByRole('region', { name: /^Singapore to Germany/ });
    await on.waitFor();
    expect(await on.getByText(JOINS).count()).toBe(0);
    expect(await out.getByText('Where our research has no rule').count()).toBe(0);
    expect(await out.getByRole('listitem').count()).toBe(0);
    await on.getByRole('listitem').first().waitFor();
    await j.a11y('what to carry, the ashes collected in Singapore');
  });

  it('the trip details show the answer again when opened', async () => {
    const { page } = j;
    await tripNav(page, 'Journey and checks').click();
    await page.getByRole('link', { name: 'Edit trip details' }).click();
    await heading(page, 'Trip details').waitFor();
    await expect
      .poll(() => page.getByRole('radio', { name: 'Yes, we collect them on the way' }).isChecked())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('combobox', { name: /Where do you collect them/ }).inputValue())
      .toBe('Singapore');
  });
});
