import { describe, it } from 'vitest';
import {
  addDeparture,
  addJack,
  addTravellingKeepsake,
  planTrip,
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
    await planTrip(page, { name: TRIP });
    await addDeparture(page, TRIP, {
      from: { typed: 'united st', option: 'United States' },
      to: { typed: 'germ', option: 'Germany' },
      airline: { typed: 'Lufthansa', option: 'Lufthansa (LH)' },
      leaves: { day: 2, time: '17:30' },
      zone: { typed: 'new york', option: 'America/New York' },
    });
    await addDeparture(page, TRIP, {
      mode: 'Car or coach',
      from: { typed: 'germ', option: 'Germany' },
      to: { typed: 'pol', option: 'Poland' },
      leaves: { day: 3, time: '10:00' },
      zone: { typed: 'berlin', option: 'Europe/Berlin' },
      another: true,
    });
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
    // Passing through is an "if" since review 33b, M2: the family may stay in Germany a while first.
    await page
      .getByText(
        /^If you stay in Germany, this applies to you\. If you only pass through, our sources don't say/,
      )
      .first()
      .waitFor();
    await j.a11y('what to carry, passing through Germany');
  });
});
