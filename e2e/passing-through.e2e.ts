import { describe, it } from 'vitest';
import {
  addJack,
  addTravellingKeepsake,
  choose,
  dayFromToday,
  heading,
  nav,
  signUp,
  tripNav,
  useJourney,
} from './steps.js';

// Flying to Frankfurt and driving on to Poland (review 26, finding 6): Germany's certificate for
// bringing cremains in is one our sources don't say a family only passing through needs. The papers
// list says to ask before travelling, as the summary does, never a flat "bring".

const j = useJourney();
const TRIP = 'Jack to Kraków';

describe('a paper only a country passed through may ask for', () => {
  it('sets up Jack, his box and a flight from the United States to Germany, then the drive to Poland', async () => {
    const { page } = j;
    await signUp(page, {
      name: 'Kasia',
      email: 'kasia.through@example.org',
      password: 'the long road east in spring',
      family: 'The Nowaks',
    });
    await addJack(page);
    await addTravellingKeepsake(page, "Jack's box", 'Wood');
    await nav(page, 'Trips').click();
    await heading(page, 'Trips').waitFor();
    await page.getByRole('link', { name: 'Plan a trip' }).click();
    await heading(page, 'Plan a trip').waitFor();
    await page.getByLabel('Name of the trip').fill(TRIP);
    await page.getByLabel('First day').fill(dayFromToday(2));
    await page.getByLabel('Last day').fill(dayFromToday(9));
    await page.getByRole('button', { name: 'Plan this trip' }).click();
    await heading(page, TRIP).waitFor();

    await page.getByRole('link', { name: 'Add a departure' }).click();
    await heading(page, 'Add a departure').waitFor();
    await choose(
      page,
      page.getByRole('combobox', { name: 'Leaving from (country)' }),
      'united st',
      'United States',
    );
    await choose(page, page.getByRole('combobox', { name: 'Going to (country)' }), 'germ', 'Germany');
    await choose(page, page.getByRole('combobox', { name: /Airline/ }), 'Lufthansa', 'Lufthansa (LH)');
    await page.getByLabel('Departure date and time').fill(`${dayFromToday(2)}T17:30`);
    const zone = page.getByRole('combobox', { name: 'Time zone where you leave from' });
    await choose(page, zone, 'new york', 'America/New York');
    await page.getByRole('button', { name: 'Save this departure' }).click();
    await heading(page, TRIP).waitFor();
    await page.getByRole('region', { name: /^United States to Germany/ }).waitFor();

    await page.getByRole('link', { name: 'Add another departure' }).click();
    await heading(page, 'Add a departure').waitFor();
    await page.getByRole('radio', { name: 'Car or coach' }).check();
    await choose(page, page.getByRole('combobox', { name: 'Leaving from (country)' }), 'germ', 'Germany');
    await choose(page, page.getByRole('combobox', { name: 'Going to (country)' }), 'pol', 'Poland');
    await page.getByLabel('Departure date and time').fill(`${dayFromToday(3)}T10:00`);
    await choose(
      page,
      page.getByRole('combobox', { name: 'Time zone where you leave from' }),
      'berlin',
      'Europe/Berlin',
    );
    await page.getByRole('button', { name: 'Save this departure' }).click();
    await heading(page, TRIP).waitFor();
    await page.getByRole('region', { name: /^Germany to Poland/ }).waitFor();
  });

  it("says to ask before travelling about Germany's certificate, on the list as in the summary", async () => {
    const { page } = j;
    await tripNav(page, 'What to carry').click();
    const summary = page.getByRole('region', { name: 'What you carry for Jack' });
    await summary
      .getByText(
        /Germany's missions in the United States issue a certificate for shipping cremains; ask them whether you need one/,
      )
      .waitFor();
    const paper = page.getByRole('listitem', {
      name: "A German mission's certificate for shipping cremains",
    });
    await paper.getByText('Ask before you travel whether you need this one.').waitFor();
    await page
      .getByText(/^You only pass through Germany: our sources don't say whether this applies then/)
      .first()
      .waitFor();
    await j.a11y('what to carry, passing through Germany');
  });
});
