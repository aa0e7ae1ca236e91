import { describe, expect, it } from 'vitest';
import {
  addDeparture,
  addJack,
  addTravellingKeepsake,
  heading,
  nav,
  planTrip,
  saveHomeCountry,
  signUp,
  tripNav,
  useJourney,
} from './steps.js';

// A family in South Africa flying Jack's box to Germany (review 35, t05): Germany's mission in South
// Africa says a family cannot bring an urn in itself, and that it is sent instead, through a funeral
// home or a specialist carrier. Jack's papers go with the urn, so "What to carry" lists them as papers
// to have ready for whoever sends it, never "keep them in your hand luggage".

const j = useJourney();
const TRIP = 'Jack to Oma in Germany';

describe('papers for an urn that is sent instead', () => {
  it('sets up a family in South Africa, Jack and his box, and flights to Germany and home', async () => {
    const { page } = j;
    await signUp(page, {
      name: 'Anke',
      email: 'anke.sent@example.org',
      password: 'the jacaranda in flower again',
      family: 'The Vogels',
    });
    await nav(page, 'Settings').click();
    await heading(page, 'Settings').waitFor();
    await saveHomeCountry(page, 'south af', 'South Africa');
    await addJack(page);
    await addTravellingKeepsake(page, "Jack's box", 'Wood');
    await planTrip(page, { name: TRIP });
    await addDeparture(page, TRIP, {
      from: { typed: 'south af', option: 'South Africa' },
      to: { typed: 'germ', option: 'Germany' },
      airline: { typed: 'Lufthansa', option: 'Lufthansa (LH)' },
      leaves: { day: 2, time: '19:40' },
    });
    await addDeparture(page, TRIP, {
      from: { typed: 'germ', option: 'Germany' },
      to: { typed: 'south af', option: 'South Africa' },
      airline: { typed: 'Lufthansa', option: 'Lufthansa (LH)' },
      leaves: { day: 9, time: '21:15' },
      zone: { typed: 'berlin', option: 'Europe/Berlin' },
      another: true,
    });
  });

  it('lists his papers to have ready for whoever sends the urn, not to keep in a bag', async () => {
    const { page } = j;
    await tripNav(page, 'What to carry').click();
    const summary = page.getByRole('region', { name: 'What you carry for Jack' });
    await summary
      .getByText(/The urn can be sent instead, through a funeral home or a specialist carrier/)
      .waitFor();
    const papers = page.getByRole('region', { name: 'Papers to have ready for Jack' });
    await papers.getByText("Have them ready for whoever sends Jack's urn: they go with it.").waitFor();
    const certificate = papers.getByRole('listitem', { name: 'Cremation certificate' });
    await certificate
      .getByText('Have this ready for whoever sends the urn: it goes with the urn, not in your bag.')
      .waitFor();
    await certificate.getByText(/The usual advice for any border is for it to go with the urn\./).waitFor();
    expect(await page.getByRole('region', { name: 'Papers to carry for Jack' }).count()).toBe(0);
    expect(await page.getByText(/in your hand luggage with Jack/).count()).toBe(0);
    await j.a11y('what to carry, the urn sent instead');
  });
});
