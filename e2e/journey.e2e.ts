import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TripDetail } from '../src/contracts/trips.js';
import {
  choose as chooseIn,
  clocksAt,
  confirmAs as confirmIn,
  dayFromToday,
  heading as headingIn,
  nav as navIn,
  TIME,
  tripNav as tripNavIn,
  useJourney,
} from './steps.js';

// A new family's first journey, as a person would make it: only clicks and typing through visible
// labels and roles, never the API. axe checks every page and state on the way, light and dark.

const NAME = 'Anna';
const EMAIL = 'anna@example.org';
const PASSWORD = 'a quiet walk by the sea';
const NEW_PASSWORD = 'the lighthouse at dusk';
const KEEPSAKE = "Jack's box of ashes";

const j = useJourney();
let page: Page;
beforeAll(() => {
  page = j.page;
});

const a11y = (where: string) => j.a11y(where);
/** The theme the page shows: html[data-theme], set from Settings. */
const theme = () => j.page.locator('html').getAttribute('data-theme');
const heading = (name: string | RegExp) => headingIn(j.page, name);
const nav = (name: string) => navIn(j.page, name);
const tripNav = (name: string) => tripNavIn(j.page, name);
const choose = (combobox: Locator, typed: string, option: string) =>
  chooseIn(j.page, combobox, typed, option);
const confirmAs = (check: Locator, who: string, how: 'choose' | 'only one' = 'choose') =>
  confirmIn(check, who, KEEPSAKE, how);

describe('a new family brings Jack along', () => {
  it('signs up, which creates the family', async () => {
    const response = await page.goto('/');
    expect(response?.status(), 'The server should answer GET / with the web app').toBe(200);
    await heading('Bring them along').waitFor();
    await page.getByRole('heading', { name: 'Private to your family' }).waitFor();
    await a11y('welcome');
    // The first Tab reaches the skip link.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Skip to main content');

    await page.getByRole('link', { name: 'Create your family' }).click();
    await heading('Create your family').waitFor();
    await a11y('sign-up');

    // Sending the empty form says calmly what to do, next to each field.
    await page.getByRole('button', { name: 'Create our family' }).click();
    await page.getByRole('alert').getByText('Please check the highlighted fields.').waitFor();
    await page.getByText('Please fill in your name.').waitFor();
    await expect.poll(() => page.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    await a11y('sign-up with messages');

    await page.getByLabel('Your name').fill(NAME);
    await page.getByLabel('E-mail address').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Family name').fill('The Carters');
    // The home zone starts as this device's zone.
    const zone = page.getByRole('combobox', { name: 'Home time zone' });
    await expect.poll(() => zone.inputValue()).toBe('Europe/London');
    await page.getByRole('button', { name: 'Create our family' }).click();

    await heading(`Hello, ${NAME}`).waitFor();
    await page
      .getByText(/The Carters/)
      .first()
      .waitFor();
    await page.getByText('Add the person you carry with you').waitFor();
    await a11y('home, empty');
  });

  it('adds Jack, lost in pregnancy, with the dates that matter', async () => {
    await nav('Loved ones').click();
    await heading('Loved ones').waitFor();
    await page.getByText('Add the person you carry with you').waitFor();
    await a11y('loved ones, empty');

    await page.getByRole('link', { name: 'Add a loved one' }).click();
    await heading('Add a loved one').waitFor();
    await a11y('loved one form');
    await page.getByLabel('Their name').fill('Jack');
    await page.getByRole('radio', { name: 'A baby lost in pregnancy' }).check();
    await page.getByLabel('The day Jack died').fill('2025-03-14');
    await page.getByLabel('Due date').fill('2025-07-20');
    await page.getByLabel('Weeks of pregnancy').fill('20');
    await choose(
      page.getByRole('combobox', { name: /Country where it happened/ }),
      'united k',
      'United Kingdom',
    );
    await page.getByLabel(/What they are to you/).fill('our son');
    await a11y('loved one form, filled');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await heading('Jack').waitFor();
    await page.getByText('14 March 2025').waitFor();
    await page.getByText('20 July 2025').waitFor();
    await a11y('loved one page');
  });

  it('adds the wooden box of ashes, which travels with us', async () => {
    await page.getByRole('link', { name: 'Add a keepsake' }).click();
    await heading("Add Jack's keepsake").waitFor();
    await a11y('keepsake form');

    // A blanket is not asked what airport X-ray sees; a box of ashes is, and travels by default.
    await page.getByLabel('Name of the keepsake').fill(KEEPSAKE);
    const travels = page.getByRole('switch', { name: 'Travels with us' });
    await page.getByRole('radio', { name: 'A blanket' }).check();
    expect(await page.getByLabel('What is it made of?').count()).toBe(0);
    expect(await travels.isChecked()).toBe(false);
    await page.getByRole('radio', { name: 'A box or urn of ashes' }).check();
    await page
      .getByText('Airport X-ray needs to see inside; wood, plastic and cardboard usually show clearly.')
      .waitFor();
    await page.getByLabel('What is it made of?').selectOption({ label: 'Wood' });
    await page.getByText('Wood: X-ray usually sees inside clearly.').waitFor();
    await expect.poll(() => travels.isChecked()).toBe(true);
    await a11y('keepsake form, filled');
    await page.getByRole('button', { name: 'Save keepsake' }).click();

    await heading('Jack').waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: KEEPSAKE }) });
    await card.getByText('Travels with us').waitFor();
    await card.getByText(/Wood/).first().waitFor();
    await a11y('loved one page with keepsake');
  });

  it('plans a trip with a flight out and the flight home', async () => {
    await nav('Trips').click();
    await heading('Trips').waitFor();
    await page.getByText('No trips planned yet').waitFor();
    await a11y('trips, empty');

    await page.getByRole('link', { name: 'Plan a trip' }).click();
    await heading('Plan a trip').waitFor();
    await page.getByText(/Coming along automatically/).waitFor();
    await a11y('new trip form');
    await page.getByLabel('Name of the trip').fill('Summer in Spain');
    await page.getByLabel('First day').fill(dayFromToday(2));
    await page.getByLabel('Last day').fill(dayFromToday(9));
    await expect
      .poll(() => page.getByRole('radio', { name: 'Carrying them with us' }).isChecked())
      .toBe(true);
    await page.getByRole('button', { name: 'Plan this trip' }).click();

    await heading('Summer in Spain').waitFor();
    await page.getByText('Add the first part of your journey').waitFor();
    await a11y('trip page, no legs yet');

    // The way out.
    await page.getByRole('link', { name: 'Add a departure' }).click();
    await heading('Add a departure').waitFor();
    await a11y('leg form');
    await expect.poll(() => page.getByRole('radio', { name: 'Flying' }).isChecked()).toBe(true);
    await choose(
      page.getByRole('combobox', { name: 'Leaving from (country)' }),
      'United Kingdom',
      'United Kingdom',
    );
    // By keyboard: type, and Enter takes the first match.
    const to = page.getByRole('combobox', { name: 'Going to (country)' });
    await to.fill('spa');
    await page.getByRole('option', { name: 'Spain', exact: true }).waitFor();
    await to.press('Enter');
    await expect.poll(() => to.inputValue()).toBe('Spain');
    await expect.poll(() => to.getAttribute('aria-expanded')).toBe('false');
    // The airline is typed by name, as people say it, and kept as its code.
    const airline = page.getByRole('combobox', { name: /Airline/ });
    await airline.fill('British Airways');
    await page.getByRole('option', { name: 'British Airways (BA)' }).waitFor();
    await airline.blur();
    await expect.poll(() => airline.inputValue()).toBe('British Airways (BA)');
    await expect.poll(() => page.getByRole('radio', { name: 'Carry-on, with you' }).isChecked()).toBe(true);
    await page.getByLabel('Departure date and time').fill(`${dayFromToday(2)}T09:30`);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Time zone where you leave from' }).inputValue())
      .toBe('Europe/London');
    await page.getByRole('button', { name: 'Save this departure' }).click();

    await heading('Summer in Spain').waitFor();
    const out = page.getByRole('region', { name: /^United Kingdom to Spain/ });
    await out.getByText(/British Airways · Carry-on, with you/).waitFor();

    // The way home starts from the way out, reversed.
    await page.getByRole('link', { name: 'Add the way home' }).click();
    await heading('The way home').waitFor();
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'This is the way home' }).isChecked())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Leaving from (country)' }).inputValue())
      .toBe('Spain');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Going to (country)' }).inputValue())
      .toBe('United Kingdom');
    await expect
      .poll(() => page.getByRole('combobox', { name: /Airline/ }).inputValue())
      .toBe('British Airways (BA)');
    await page.getByLabel('Departure date and time').fill(`${dayFromToday(9)}T18:45`);
    await choose(
      page.getByRole('combobox', { name: 'Time zone where you leave from' }),
      'madrid',
      'Europe/Madrid',
    );
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Checking out of where you stayed' }).isChecked())
      .toBe(true);
    await a11y('leg form, the way home');
    await page.getByRole('button', { name: 'Save this departure' }).click();

    await heading('Summer in Spain').waitFor();
    const home = page.getByRole('region', { name: /^Spain to United Kingdom/ });
    await home.getByText('The way home').waitFor();
    await home.getByText(/Europe\/Madrid/).waitFor();
  });

  it('keeps Jack pinned on the packing list and never unticks him silently', async () => {
    await tripNav('Packing list').click();
    await heading('Summer in Spain').waitFor();
    const pinned = page.getByRole('region', { name: 'Travelling keepsakes' });
    const jack = pinned.getByRole('checkbox', { name: KEEPSAKE });
    await jack.waitFor();
    await expect.poll(() => jack.isChecked()).toBe(false);
    await pinned.getByText('Travels with you — stays on the list').waitFor();
    await pinned.getByText(`Carried by ${NAME}, in the carry-on bag`).waitFor();
    // A pinned keepsake has no remove control.
    expect(await page.getByRole('button', { name: new RegExp(`Remove ${KEEPSAKE}`) }).count()).toBe(0);

    // An ordinary item can be added, and removed.
    await page.getByLabel('Something to pack').fill('Sun cream');
    await page.getByRole('button', { name: 'Add to the list' }).click();
    await page
      .getByRole('region', { name: 'For everyone' })
      .getByRole('checkbox', { name: 'Sun cream' })
      .waitFor();
    await page.getByRole('button', { name: 'Remove Sun cream' }).waitFor();
    await page.getByText('0 of 2 packed').waitFor();
    await a11y('packing list');

    await jack.check();
    await expect.poll(() => jack.isChecked()).toBe(true);
    await pinned.getByText(new RegExp(`Packed by ${NAME} ${TIME.source}`)).waitFor();
    await page.getByText('1 of 2 packed').waitFor();

    // Unticking asks first; "Keep it ticked" keeps it ticked.
    await jack.click();
    const ask = page.getByRole('alertdialog', {
      name: `${KEEPSAKE} is travelling with you. Untick it anyway?`,
    });
    await ask.waitFor();
    await a11y('packing list, asking before unticking');
    await ask.getByRole('button', { name: 'Keep it ticked' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => jack.isChecked()).toBe(true);

    // Saying yes unticks it, and the list shows who did and when.
    await jack.click();
    await ask.getByRole('button', { name: 'Untick it' }).click();
    await expect.poll(() => jack.isChecked()).toBe(false);
    await pinned.getByText(new RegExp(`Unticked by ${NAME} ${TIME.source}`)).waitFor();
    await jack.check();
    await expect.poll(() => jack.isChecked()).toBe(true);
    await page.getByText('1 of 2 packed').waitFor();
  });

  it('confirms Jack is packed before each departure, the way home too', async () => {
    await tripNav('Journey and checks').click();
    await heading('Summer in Spain').waitFor();
    // Two days before the flight, confirming is packing early: kept, but not done for the departure.
    const early = page
      .getByRole('region', { name: /^United Kingdom to Spain/ })
      .getByRole('region', { name: 'Before you leave' });
    await early.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await early.getByText(new RegExp(`Packed early by ${NAME} ${TIME.source}`)).waitFor();
    await early.getByText('Packed early', { exact: true }).waitFor();
    expect(await early.getByText('Done', { exact: true }).count()).toBe(0);

    // On the day of each departure, Anna confirms again, and that is done.
    const tripId = /\/trips\/([^/?#]+)/.exec(page.url())![1]!;
    const legs = ((await (await page.request.get(`/api/trips/${tripId}`)).json()) as TripDetail).legs;
    for (const [leg, departureUtc] of [
      [/^United Kingdom to Spain/, legs[0]!.departureUtc],
      [/^Spain to United Kingdom/, legs[1]!.departureUtc],
    ] as const) {
      await clocksAt(j, new Date(Date.parse(departureUtc) - 150 * 60_000).toISOString());
      await heading('Summer in Spain').waitFor();
      const before = page
        .getByRole('region', { name: leg })
        .getByRole('region', { name: 'Before you leave' });
      await before.getByText('Not done yet').waitFor();
      await before.getByText('Is Jack packed?').waitFor();
      // Anna is the only one on this trip, so the card confirms as her.
      await confirmAs(before, NAME, 'only one');
      await before.getByText('Done', { exact: true }).waitFor();
      expect(await before.getByText('Not done yet').count()).toBe(0);
    }

    // A checkpoint: after the security tray, on the way out.
    const security = page
      .getByRole('region', { name: /^United Kingdom to Spain/ })
      .getByRole('region', { name: 'After the security tray' });
    await security.getByText('Not done yet').waitFor();
    await confirmAs(security, NAME, 'only one');
    await security.getByText('Done', { exact: true }).waitFor();

    // Checkpoints can be switched off and on for each departure.
    const outbound = page.getByRole('region', { name: /^United Kingdom to Spain/ });
    await outbound.getByText('Choose the checkpoints for this part').click();
    const plane = outbound.getByRole('checkbox', { name: 'Leaving the plane' });
    await plane.uncheck();
    await outbound.getByRole('region', { name: 'Leaving the plane' }).waitFor({ state: 'detached' });
    await plane.check();
    await outbound.getByRole('region', { name: 'Leaving the plane' }).getByText('Not done yet').waitFor();
    await a11y('trip page with confirmed checks');
    // Back to today, two days before the flight.
    await clocksAt(j, new Date().toISOString());
  });

  it('asks two people on a second trip, the second a child without an account', async () => {
    await nav('Trips').click();
    await heading('Trips').waitFor();
    await page.getByText(/1 of 2 packed/).waitFor();
    await a11y('trips list');
    await page.getByRole('link', { name: 'Plan a trip' }).click();
    await heading('Plan a trip').waitFor();
    await page.getByLabel('Name of the trip').fill('To the sea at Rhossili');
    await page.getByRole('radio', { name: 'Scattering their ashes' }).check();
    await page.getByRole('checkbox', { name: 'Ask two people to confirm keepsakes' }).check();
    await page.getByRole('button', { name: 'Plan this trip' }).click();
    await heading('To the sea at Rhossili').waitFor();

    // Mia travels with us; she has no account.
    await tripNav('People and keepsakes').click();
    await page.getByRole('heading', { name: 'Who is travelling' }).waitFor();
    const addPerson = page.getByRole('form', { name: 'Add someone without an account' });
    await addPerson.getByLabel('Their name').fill('Mia');
    await addPerson.getByRole('checkbox', { name: 'This is a child' }).check();
    await addPerson.getByRole('button', { name: 'Add to the trip' }).click();
    await page.getByText('Mia is on the trip.').waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Mia' })
      .getByText(/a child/)
      .waitFor();

    // Who carries Jack, and in which bag, can be changed.
    const along = page.getByRole('region', { name: 'Keepsakes coming along' });
    await along.getByLabel('Which bag?').fill("Anna's rucksack");
    await along.getByRole('button', { name: `Save who carries ${KEEPSAKE}` }).click();
    await along.getByText('Saved.').waitFor();
    await a11y('people and keepsakes');

    await tripNav('Journey and checks').click();
    await page.getByRole('link', { name: 'Add a departure' }).click();
    await heading('Add a departure').waitFor();
    await page.getByRole('radio', { name: 'Car or coach' }).check();
    await choose(
      page.getByRole('combobox', { name: 'Leaving from (country)' }),
      'United Kingdom',
      'United Kingdom',
    );
    await choose(
      page.getByRole('combobox', { name: 'Going to (country)' }),
      'United Kingdom',
      'United Kingdom',
    );
    await page.getByLabel('Departure date and time').fill(`${dayFromToday(5)}T10:00`);
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Leaving the car or hire car' }).isChecked())
      .toBe(true);
    await page.getByRole('button', { name: 'Save this departure' }).click();
    await heading('To the sea at Rhossili').waitFor();

    // The morning of the drive: the checks are open.
    const rhossili = /\/trips\/([^/?#]+)/.exec(page.url())![1]!;
    const driveLeg = ((await (await page.request.get(`/api/trips/${rhossili}`)).json()) as TripDetail)
      .legs[0]!;
    await clocksAt(j, new Date(Date.parse(driveLeg.departureUtc) - 120 * 60_000).toISOString());
    await heading('To the sea at Rhossili').waitFor();
    const drive = page.getByRole('region', { name: /^United Kingdom to United Kingdom/ });
    const before = drive.getByRole('region', { name: 'Before you leave' });
    await before.getByText(`carried by ${NAME}, in Anna's rucksack`).waitFor();
    // The signed-in member is offered first.
    const who = before.getByLabel('Who is confirming?');
    await expect.poll(async () => (await who.locator('option:checked').textContent())?.trim()).toBe(NAME);
    await confirmAs(before, NAME);
    // One person is not enough on this trip.
    await before.getByText('Not done yet').waitFor();
    await before.getByText(/One more person to confirm/).waitFor();
    await a11y('two-person check, half done');
    await confirmAs(before, 'Mia', 'only one');
    await before.getByText('Done', { exact: true }).waitFor();
    await before.getByText(`(recorded by ${NAME})`).waitFor();

    const car = drive.getByRole('region', { name: 'Leaving the car or hire car' });
    await car.getByText('Not done yet').waitFor();
    await confirmAs(car, 'Mia');
    await car.getByText('Not done yet').waitFor();
    await confirmAs(car, NAME, 'only one');
    await car.getByText('Done', { exact: true }).waitFor();
    await a11y('two-person trip, confirmed');
    await clocksAt(j, new Date().toISOString());
  });

  it('greets the family at home with the next trip and a "Before you leave" prompt', async () => {
    await nav('Home').click();
    await heading(`Hello, ${NAME}`).waitFor();
    const next = page.getByRole('region', { name: 'Next trip' });
    await next.getByRole('link', { name: 'Summer in Spain' }).waitFor();
    await next.getByText(/1 of 2 packed/).waitFor();
    await page.getByText(`Is ${KEEPSAKE} packed?`).waitFor();
    await a11y('home with a trip');
  });

  it("says on Jack's page why his box can't be removed while it is on a trip, before anyone asks", async () => {
    await nav('Loved ones').click();
    await heading('Loved ones').waitFor();
    await page.getByRole('link', { name: /^Jack/ }).first().click();
    await heading('Jack').waitFor();
    await page
      .getByText(/Part of the trips? .*“Summer in Spain”/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: `Remove ${KEEPSAKE}` }).count()).toBe(0);
    expect(await page.getByRole('button', { name: "Delete Jack's profile" }).count()).toBe(0);
    await a11y("Jack's page, his box on a trip");
  });

  it('switches to the dark theme, which stays after a reload', async () => {
    await nav('Settings').click();
    await heading('Settings').waitFor();
    await a11y('settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => theme()).toBe('dark');
    await a11y('settings, dark');

    await page.reload();
    await heading('Settings').waitFor();
    await expect.poll(() => theme()).toBe('dark');

    await nav('Trips').click();
    await page.getByRole('link', { name: 'Summer in Spain' }).click();
    await heading('Summer in Spain').waitFor();
    await page.getByRole('region', { name: /^Spain to United Kingdom/ }).waitFor();
    await a11y('trip page, dark');
    await tripNav('Packing list').click();
    await page.getByRole('region', { name: 'Travelling keepsakes' }).waitFor();
    await a11y('packing list, dark');
    await nav('Loved ones').click();
    await page.getByRole('link', { name: 'Jack' }).click();
    await heading('Jack').waitFor();
    await a11y('loved one page, dark');

    await nav('Settings').click();
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(() => theme()).toBe('light');
  });

  it('changes the password, saying which field is wrong first', async () => {
    const section = page.getByRole('region', { name: 'Your password' });
    await section.getByLabel('Current password').fill('not my password');
    await section.getByLabel('New password').fill(NEW_PASSWORD);
    await section.getByRole('button', { name: 'Change password' }).click();
    await section.getByText('That is not your current password. Please try again.').waitFor();
    await a11y('settings, a wrong current password');
    await section.getByLabel('Current password').fill(PASSWORD);
    await section.getByRole('button', { name: 'Change password' }).click();
    await section
      .getByText('Your password is changed. Any other device signed in to your account has been signed out.')
      .waitFor();
    await expect.poll(() => section.getByLabel('New password').inputValue()).toBe('');
  });

  it('signs out, and signs back in with the new password', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await heading('Bring them along').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await heading('Sign in').waitFor();
    await a11y('sign in');
    await page.getByLabel('E-mail address').fill(EMAIL);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(`Hello, ${NAME}`).waitFor();
  });
});
