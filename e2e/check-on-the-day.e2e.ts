import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TripDetail } from '../src/contracts/trips.js';
import { expectNoA11yViolations } from './harness.js';
import {
  addJack,
  addTravellingKeepsake,
  choose,
  dayFromToday,
  heading,
  nav,
  signUp,
  useJourney,
} from './steps.js';

// "The check must mean now": Jack's box is packed five days before the flight from Heathrow to
// Madrid. On the morning of the flight that does not count as done: home asks "Is Jack packed?"
// with the button on the first phone screen. Tapped at the gate with no signal, the confirmation
// keeps the moment it was tapped, not the moment signal came back. Both clocks (the server's test
// clock and the browser's) are moved rather than waited for.

const j = useJourney();
const NAME = 'Anna';
const KEEPSAKE = "Jack's box of ashes";
const TRIP = 'Jack to Madrid';
const PHONE = { width: 390, height: 844 };
const LEG = 'Heathrow to Madrid';
let tripId = '';
let departureUtc = '';

const banner = () => j.page.getByRole('status').filter({ hasText: /offline|waiting to be saved|are saved/ });
/** axe on this page: nothing moderate or worse, best practices included (landmark names). */
const a11y = (where: string) => expectNoA11yViolations(j.page, where, 'moderate');
const tripDetail = async (): Promise<TripDetail> =>
  (await j.page.request.get(`/api/trips/${tripId}`)).json() as Promise<TripDetail>;
const beforeYouLeave = (detail: TripDetail) =>
  detail.legs[0]!.checks.find((c) => c.kind === 'before_you_leave')!;

/** Moves the server's clock and the browser's to the same moment; both run on from there. */
async function bothClocksAt(iso: string): Promise<void> {
  await j.server.setClock(iso);
  await j.page.clock.setSystemTime(new Date(iso));
}

/** The element is on the first screen: inside the viewport, not scrolled to, and not covered. */
async function onFirstScreen(element: Locator): Promise<void> {
  expect(await j.page.evaluate('window.scrollY')).toBe(0);
  const box = await element.boundingBox();
  expect(box, 'the element is on the page').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, 'the whole button is on the first screen').toBeLessThanOrEqual(PHONE.height);
  const x = box!.x + box!.width / 2;
  const y = box!.y + box!.height / 2;
  // Written as text: this project's types describe Node, not the browser.
  const onTop = await j.page.evaluate(
    `document.elementFromPoint(${x}, ${y})?.closest('button')?.textContent ?? null`,
  );
  expect(onTop, 'nothing covers the button').toBe(await element.textContent());
}

describe('the check on the day of travel, on a phone', () => {
  it('plans a flight from Heathrow to Madrid in five days', async () => {
    const { page } = j;
    await page.setViewportSize(PHONE);
    await signUp(page, {
      name: NAME,
      email: 'anna.on-the-day@example.org',
      password: 'a slow morning by the river',
      family: 'The Browns',
    });
    await addJack(page);
    await addTravellingKeepsake(page, KEEPSAKE, 'Wood');

    await nav(page, 'Trips').click();
    await page.getByRole('link', { name: 'Plan a trip' }).click();
    await page.getByLabel('Name of the trip').fill(TRIP);
    await page.getByLabel('First day').fill(dayFromToday(5));
    await page.getByLabel('Last day').fill(dayFromToday(12));
    await page.getByRole('button', { name: 'Plan this trip' }).click();
    await heading(page, TRIP).waitFor();
    tripId = /\/trips\/([^/?#]+)/.exec(page.url())![1]!;

    await page.getByRole('link', { name: 'Add a departure' }).click();
    await heading(page, 'Add a departure').waitFor();
    await choose(
      page,
      page.getByRole('combobox', { name: 'Leaving from (country)' }),
      'United K',
      'United Kingdom',
    );
    await choose(page, page.getByRole('combobox', { name: 'Going to (country)' }), 'Spain', 'Spain');
    await page.getByLabel('Leaving from (airport, station or town)').fill('Heathrow');
    await page.getByRole('combobox', { name: /Arriving at/ }).fill('Madrid');
    await page.getByLabel('Departure date and time').fill(`${dayFromToday(5)}T09:30`);
    await page.getByRole('button', { name: 'Save this departure' }).click();
    await heading(page, TRIP).waitFor();
    // The leg is headed with its places, as people think of it.
    const leg = page.getByRole('region', { name: new RegExp(`^${LEG}`) });
    const title = leg.getByRole('heading', { name: LEG, exact: true });
    await title.waitFor();
    // On screen an arrow; read aloud "to".
    expect(await title.textContent()).toMatch(/^Heathrow →\s*to Madrid/);

    // The way home, from the way out reversed: every leg has its own checks, each named for its leg.
    await page.getByRole('link', { name: 'Add the way home' }).click();
    await heading(page, 'The way home').waitFor();
    await page.getByLabel('Departure date and time').fill(`${dayFromToday(12)}T18:45`);
    await choose(
      page,
      page.getByRole('combobox', { name: 'Time zone where you leave from' }),
      'madrid',
      'Europe/Madrid',
    );
    await page.getByRole('button', { name: 'Save this departure' }).click();
    await heading(page, TRIP).waitFor();
    await page
      .getByRole('region', { name: /^Madrid to Heathrow/ })
      .getByRole('region', { name: 'Before you leave (Madrid to Heathrow)' })
      .waitFor();
    departureUtc = (await tripDetail()).legs[0]!.departureUtc;
  });

  it('counts a confirmation five days early as packed early, not done', async () => {
    const { page } = j;
    const before = page.getByRole('region', { name: `Before you leave (${LEG})` });
    await before.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await before.getByText(/Packed early by Anna at \d{2}:\d{2}/).waitFor();
    await before.getByText('Packed early', { exact: true }).waitFor();
    await before
      .getByText(
        /^Packed early today\. We will ask once more on \w{3} \d+ \w+ at 18:00, the evening before you leave\.$/,
      )
      .waitFor();
    expect(await before.getByText('Done', { exact: true }).count()).toBe(0);
    // Nothing more to do until the check opens: no button, and no "everyone has confirmed".
    expect(await before.getByRole('button', { name: `I have ${KEEPSAKE}` }).count()).toBe(0);
    expect(await before.getByText(/Everyone on the trip has confirmed/).count()).toBe(0);
    const check = beforeYouLeave(await tripDetail());
    expect(check).toMatchObject({ complete: false, completedAt: null });
    expect(check.packedEarlyAt).not.toBeNull();
    expect((await tripDetail()).trip.progress.checksComplete).toBe(0);
    await a11y('trip page, packed early');
  });

  it('on the morning of the flight, home asks "Is Jack packed?" with the button on the first screen', async () => {
    const { page } = j;
    // 07:00 on the day: two and a half hours before the 09:30 departure.
    const morning = new Date(Date.parse(departureUtc) - 150 * 60_000).toISOString();
    await j.server.setClock(morning);
    await page.clock.install({ time: new Date(morning) });
    await page.clock.resume();
    await page.goto('/');
    await heading(page, 'Is Jack packed?').waitFor();
    await page.getByText(new RegExp(`${TRIP} · Heathrow →\\s*to Madrid · leaves at 09:30`)).waitFor();
    const check = page.getByRole('region', { name: `Before you leave (${LEG})` });
    await check.getByText('Not done yet').waitFor();
    await check
      .getByText(/^Packed early, on \w{3} \d+ \w+\. Please check once more before you leave/)
      .waitFor();
    const button = check.getByRole('button', { name: `I have ${KEEPSAKE}` });
    await onFirstScreen(button);
    // The server agrees: five days before is not this morning.
    expect(beforeYouLeave(await tripDetail()).complete).toBe(false);
    await a11y('home on the day of travel');

    // The trip's own page puts today's departure first, its check on the first screen too.
    await page.goto(`/trips/${tripId}`);
    await page.getByRole('heading', { level: 2, name: `${LEG} Today` }).waitFor();
    const onTripPage = page
      .getByRole('region', { name: `Before you leave (${LEG})` })
      .getByRole('button', { name: `I have ${KEEPSAKE}` });
    await onFirstScreen(onTripPage);
    await page.getByText("Today's departure is at the top of the page.").waitFor();
    await a11y('trip page on the day of travel');
    await page.goto('/');
    await heading(page, 'Is Jack packed?').waitFor();
  });

  it('keeps the moment of a tap made with no signal, and then asks the next question', async () => {
    const { page, context } = j;
    await context.setOffline(true);
    const tappedAt = await page.evaluate('Date.now()');
    const check = page.getByRole('region', { name: `Before you leave (${LEG})` });
    await check.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    // Home moves on to the next checkpoint at once, and says what is done.
    await heading(page, 'Is Jack back in the bag after security?').waitFor();
    await page.getByText(/^Done so far: Before you leave\.$/).waitFor();
    await banner().getByText('One change is waiting to be saved.').waitFor();
    await a11y('home on the day, offline, after the first check');

    // Signal comes back 25 minutes later.
    await bothClocksAt(new Date(Number(tappedAt) + 25 * 60_000).toISOString());
    await context.setOffline(false);
    await banner().getByText('The changes you made without signal are saved.').waitFor();
    const saved = beforeYouLeave(await tripDetail());
    expect(saved.complete).toBe(true);
    const confirmedAt = Date.parse(saved.keepsakes[0]!.confirmations[0]!.confirmedAt);
    expect(Math.abs(confirmedAt - Number(tappedAt)), 'recorded at the tap').toBeLessThan(60_000);
    expect(saved.keepsakes[0]!.confirmations).toHaveLength(1);
    expect(saved.keepsakes[0]!.confirmations[0]!.early).toBe(false);

    // The journey page says when it was tapped, not when it arrived.
    const tapTime = new Date(Number(tappedAt)).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/London',
    });
    await page.goto(`/trips/${tripId}`);
    await heading(page, TRIP).waitFor();
    const before = page.getByRole('region', { name: `Before you leave (${LEG})` });
    await before.getByText(`Confirmed by ${NAME} at ${tapTime}`).waitFor();
    await before.getByText(`Done at ${tapTime}.`).waitFor();
    await a11y('trip page on the day, after the checks');
  });

  it('walks through each checkpoint from home, one at a time', async () => {
    const { page } = j;
    await page.goto('/');
    await heading(page, 'Is Jack back in the bag after security?').waitFor();
    const security = page.getByRole('region', { name: `After the security tray (${LEG})` });
    await onFirstScreen(security.getByRole('button', { name: `I have ${KEEPSAKE}` }));
    await security.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await heading(page, 'Is Jack with you as you leave the plane?').waitFor();
    const plane = page.getByRole('region', { name: `Leaving the plane (${LEG})` });
    await onFirstScreen(plane.getByRole('button', { name: `I have ${KEEPSAKE}` }));
    await plane.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await heading(page, `Every check is done for ${LEG}`).waitFor();
    await page
      .getByText(/^Done so far: Before you leave \(at \d{2}:\d{2}\), After the security tray/)
      .waitFor();
    await a11y('home on the day, every check done');
  });

  it('asks before unticking Jack on the packing list, with keeping him ticked as the main choice', async () => {
    const { page } = j;
    await page.goto(`/trips/${tripId}/checklist`);
    await heading(page, TRIP).waitFor();
    const box = page
      .getByRole('region', { name: 'Travelling keepsakes' })
      .getByRole('checkbox', { name: KEEPSAKE });
    await box.check();
    await page.getByText(new RegExp(`Packed by ${NAME} at \\d{2}:\\d{2}`)).waitFor();
    await box.click();
    const ask = page.getByRole('alertdialog', {
      name: `${KEEPSAKE} is travelling with you. Untick it anyway?`,
    });
    const keep = ask.getByRole('button', { name: 'Keep it ticked' });
    const untick = ask.getByRole('button', { name: 'Untick it' });
    // The safe choice is the filled button, first, with focus; "Untick it" is the quieter one.
    expect(await keep.getAttribute('class')).toBe('button');
    expect(await untick.getAttribute('class')).toContain('secondary');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Keep it ticked');
    expect((await keep.boundingBox())!.x).toBeLessThanOrEqual((await untick.boundingBox())!.x);
    await a11y('packing list, asking before unticking');
    await keep.click();
    await ask.waitFor({ state: 'detached' });
    await page.bringToFront();
    await expect.poll(() => box.isChecked()).toBe(true);
  });
});
