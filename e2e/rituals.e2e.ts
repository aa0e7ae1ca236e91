import { describe, expect, it } from 'vitest';
import {
  addJack,
  addTravellingKeepsake,
  clocksAt,
  dayFromToday,
  heading,
  nav,
  planFlights,
  signUp,
  useJourney,
} from './steps.js';

// Rituals on a phone (390×844): the family adds "Set out a glass of water for Jack" for whenever
// they arrive, sets off, taps "We've arrived" on the trip, sees the ritual card, marks it done
// ("The children set out the water"), and finds it under "What we have done" on Jack's page. The
// card offers "Not today" beside "Done". axe finds nothing serious on any of these pages.

const j = useJourney();
const ROSA = {
  name: 'Rosa',
  email: 'rosa.rituals@example.org',
  password: 'water wherever we arrive',
  family: 'The Moreno family',
};
const TRIP = 'Jack to Madrid';
const WATER = 'Set out a glass of water for Jack';

describe('a ritual on arrival', () => {
  it('adds the ritual on Jack’s page', async () => {
    const { page } = j;
    await page.setViewportSize({ width: 390, height: 844 });
    await signUp(page, ROSA);
    await addJack(page);
    await addTravellingKeepsake(page, "Jack's box of ashes", 'Wood');
    const rituals = page.getByRole('region', { name: 'Rituals' });
    await rituals.getByRole('button', { name: 'Add a ritual' }).click();
    await page.getByLabel('What you call it').fill('Water for Jack');
    await page.getByLabel('What you do').fill(WATER);
    await page.getByRole('radio', { name: 'When we arrive somewhere on a trip' }).check();
    await page.getByLabel('Who usually does it').fill('The children');
    await page.getByRole('button', { name: 'Add the ritual' }).click();
    await page.getByRole('button', { name: 'Add the ritual' }).waitFor({ state: 'detached' });
    await rituals.getByRole('heading', { name: 'Water for Jack' }).waitFor();
    await rituals.getByText('When we arrive somewhere on a trip').waitFor();
    await j.a11y('Jack’s page with a ritual');
  });

  it('taps "We’ve arrived" on the trip and sees the ritual card', async () => {
    const { page } = j;
    await planFlights(page, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'British Airways', option: 'British Airways (BA)' },
      homeZone: 'Europe/London',
    });
    // The flight left London at 09:30 two days from now; it is early afternoon in Madrid.
    await clocksAt(j, `${dayFromToday(2)}T13:00:00.000Z`);
    await heading(page, TRIP).waitFor();
    expect(await page.getByText(WATER).count()).toBe(0);
    await page.getByRole('button', { name: 'We’ve arrived' }).click();
    const card = page.getByRole('article', { name: 'Water for Jack' });
    await card.getByText(WATER).waitFor();
    await card.getByRole('button', { name: 'Not today' }).waitFor();
    await page.getByText(/You told us you arrived at \d\d:\d\d\./).waitFor();
    await j.a11y('trip page with a ritual card');
  });

  it('marks it done: the children set out the water', async () => {
    const { page } = j;
    const card = page.getByRole('article', { name: 'Water for Jack' });
    await card.getByRole('button', { name: 'Done' }).click();
    await card.getByLabel('Who took part').fill('The children set out the water');
    await j.a11y('marking a ritual done');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.waitFor({ state: 'detached' });
    const words = await page.locator('main').innerText();
    expect(words).not.toMatch(/\b(streak|missed|well done|points?)\b/i);
  });

  it('finds it under "What we have done" on Jack’s page', async () => {
    const { page } = j;
    await nav(page, 'Loved ones').click();
    await page.getByRole('link', { name: /Jack/ }).first().click();
    await heading(page, 'Jack').waitFor();
    await page.getByRole('button', { name: 'What we have done' }).click();
    const done = page.getByRole('region', { name: 'What we have done for Jack' });
    await done.getByText('The children set out the water').waitFor();
    await done.getByRole('heading', { name: 'Water for Jack' }).waitFor();
    await j.a11y('what we have done for Jack');
  });

  it('adds a weekly candle with "Remind us" and finds it on the calendar at its time', async () => {
    const { page } = j;
    const rituals = page.getByRole('region', { name: 'Rituals' });
    await rituals.getByRole('button', { name: 'Add a ritual' }).click();
    await page.getByLabel('What you call it').fill('Jack’s candle');
    await page.getByLabel('What you do').fill('Light his candle at tea time');
    await page.getByRole('radio', { name: 'On a day, or every year, month or week' }).check();
    await page.getByRole('radio', { name: 'Every week' }).check();
    await page.getByLabel('From', { exact: true }).fill(dayFromToday(3));
    await page.getByLabel('At', { exact: true }).fill('17:00');
    await page.getByRole('radio', { name: 'At its time' }).check();
    await j.a11y('a ritual with "Remind us"');
    await page.getByRole('button', { name: 'Add the ritual' }).click();
    await page.getByRole('button', { name: 'Add the ritual' }).waitFor({ state: 'detached' });
    await rituals.getByText('We are reminded when it comes round.').waitFor();
    await nav(page, 'Calendar').click();
    await heading(page, 'Calendar').waitFor();
    const candle = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Jack’s candle' }) });
    await candle.first().getByText('Light his candle at tea time').waitFor();
    await candle
      .first()
      .getByText(/At 5 pm/)
      .waitFor();
    await j.a11y('the calendar with a ritual');
  });
});
