import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './harness.js';
import {
  addJack,
  addTravellingKeepsake,
  heading,
  nav,
  planFlights,
  signUp,
  tripNav,
  useTwoBrowsers,
} from './steps.js';

// Two phones, one check. Olive plans a trip on which two people must confirm Jack's box, with Sam
// on it "without an account". She invites Sam, the other parent; Sam joins on his own phone, and
// Olive, seeing him appear without reloading, says that Sammy on the trip is him. Then each confirms
// on their own phone, signed in as themselves (Sam at the gate without signal, his outbox sending
// it when signal returns), and each sees the other's confirmation appear without reloading (the
// family's live stream). axe checks the pages.

const phones = useTwoBrowsers({ second: { viewport: { width: 390, height: 844 } } });
const OLIVE = {
  name: 'Olive',
  email: 'olive.two-phones@example.org',
  password: 'the long road to the coast',
  family: 'The Ellis family',
};
const KEEPSAKE = "Jack's box of ashes";
const TRIP = 'Jack to Madrid';

let olive: Page;
let sam: Page;
let tripId = '';
let invitePath = '';

beforeAll(() => {
  olive = phones.page;
  sam = phones.other;
});

/** The first leg's "Before you leave" card. */
const beforeYouLeave = (page: Page): Locator =>
  page.getByRole('region', { name: /^Before you leave/ }).first();

/**
 * A confirmation's own line ("Packed early by Olive …" days ahead, "Confirmed by Olive …" once the
 * check is open). Not just "by Olive": the keepsake's line says "carried by Olive" from the start,
 * so a looser pattern would be found before anyone confirmed.
 */
const confirmationBy = (name: string): RegExp => new RegExp(`(?:Packed early|Confirmed) by ${name}\\b`);

describe('planning, with Sam on the trip before he has an account', () => {
  it('plans a trip on which two people must confirm, with Sammy travelling too', async () => {
    await signUp(olive, OLIVE);
    await addJack(olive);
    await addTravellingKeepsake(olive, KEEPSAKE, 'Wood');
    tripId = await planFlights(olive, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'BA', option: 'British Airways (BA)' },
      homeZone: 'Europe/Madrid',
    });
    await olive.getByRole('link', { name: 'Edit trip details' }).click();
    await olive.getByRole('checkbox', { name: 'Ask two people to confirm keepsakes' }).check();
    await olive.getByRole('button', { name: 'Save changes' }).click();
    await heading(olive, TRIP).waitFor();

    await tripNav(olive, 'People and keepsakes').click();
    const add = olive.getByRole('form', { name: 'Add someone without an account' });
    await add.getByLabel('Their name').fill('Sammy');
    await add.getByRole('button', { name: 'Add to the trip' }).click();
    await add.getByText('Sammy is on the trip.').waitFor();
  });

  it('invites Sam, who joins on his own phone', async () => {
    await nav(olive, 'Settings').click();
    await olive.getByRole('link', { name: 'Members and invites' }).click();
    await heading(olive, 'Family members').waitFor();
    const invite = olive.getByRole('region', { name: 'Invite someone' });
    await invite.getByRole('radio', { name: 'An adult' }).check();
    await invite.getByLabel('Their name').fill('Sam');
    await invite.getByRole('button', { name: 'Make an invite' }).click();
    await invite.getByText('Invite Sam to the family').waitFor();
    const url = new URL(await invite.getByLabel('Link', { exact: true }).inputValue());
    invitePath = url.pathname + url.hash;
    // Olive goes back to the trip's people (within the app: no reload from here on).
    await nav(olive, 'Trips').click();
    await olive.getByRole('link', { name: TRIP }).first().click();
    await heading(olive, TRIP).waitFor();
    await tripNav(olive, 'People and keepsakes').click();
    await olive.getByRole('region', { name: 'Who is travelling' }).waitFor();

    await sam.goto(invitePath);
    await heading(sam, 'Join The Ellis family').waitFor();
    await sam.getByLabel('Your name').fill('Sam');
    await sam.getByLabel('E-mail address', { exact: true }).fill('sam.two-phones@example.org');
    await sam.getByLabel('Password', { exact: true }).fill('we carry him together');
    await sam.getByRole('button', { name: 'Join the family' }).click();
    await heading(sam, 'Hello, Sam').waitFor();
  });

  it('shows Olive that Sam joined without reloading, and she says Sammy on the trip is him', async () => {
    // Sam joining changed the family: Olive's page asks again and offers him for Sammy.
    const travelling = olive.getByRole('region', { name: 'Who is travelling' });
    await travelling.getByText('Has Sammy joined the family on Alongside?').click();
    await travelling.getByLabel('Sammy is').selectOption({ label: 'Sam' });
    await expectNoSeriousA11yViolations(olive, 'people page, linking Sammy');
    await travelling.getByRole('button', { name: 'This is them' }).click();
    await travelling.getByText('In your family on Alongside').nth(1).waitFor();
    await travelling.getByText('Sammy', { exact: true }).waitFor({ state: 'detached' });
  });
});

describe('two phones, one check', () => {
  it('opens the trip on both phones', async () => {
    await tripNav(olive, 'Journey and checks').click();
    await beforeYouLeave(olive).waitFor();
    await sam.goto(`/trips/${tripId}`);
    await heading(sam, TRIP).waitFor();
    await beforeYouLeave(sam).getByText('Not done yet').waitFor();
    await expectNoSeriousA11yViolations(sam, 'trip page, on Sam’s phone');
  });

  it('Olive confirms on her phone, and Sam’s phone shows it without reloading', async () => {
    const check = beforeYouLeave(olive);
    await check.getByLabel('Who is confirming?').selectOption({ label: 'Olive' });
    await check.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await check.getByText(confirmationBy('Olive')).waitFor();

    const onSams = beforeYouLeave(sam);
    await onSams.getByText(confirmationBy('Olive')).waitFor();
    // Sam is the one left to confirm, as himself.
    await onSams.getByText('Confirming as Sam').waitFor();
    await onSams.getByText('Not done yet').waitFor();
  });

  it('Sam confirms on his phone with no signal; once it has signal again, Olive’s phone shows it, and the check, without reloading', async () => {
    const onSams = beforeYouLeave(sam);
    await phones.otherContext.setOffline(true);
    await onSams.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await onSams.getByText(/kept on this phone; it is saved when you are back online/).waitFor();
    const check = beforeYouLeave(olive);
    expect(await check.getByText(confirmationBy('Sam')).count()).toBe(0);

    // Signal again: Sam's outbox sends the confirmation, and Olive's stream tells her phone.
    await phones.otherContext.setOffline(false);
    await check.getByText(confirmationBy('Sam')).waitFor();
    await expect.poll(() => onSams.getByText(/kept on this phone/).count()).toBe(0);
    // Both have confirmed (days ahead of the flight: "packed early" until the check opens).
    await check.getByText('Packed early', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(olive, 'trip page, both confirmed, on Olive’s phone');
  });
});
