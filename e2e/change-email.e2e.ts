import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedMail } from '../src/server/test/smtp.js';
import { heading as headingIn, nav as navIn, useJourney, watchPlaceOf } from './steps.js';

// Where e-mail is on, a person signs up and is asked kindly to check their e-mail (the same answer
// whether or not the address has an account), finishes with the link, then moves to a new address:
// the link goes to the new address, a notice to the old one, and nothing changes until the link is
// opened and pressed. Mail is delivered to a real SMTP server and read from it; axe checks each
// page and state on the way.

const PERSON = {
  name: 'Ines',
  email: 'ines@example.org',
  password: 'the lighthouse at dusk',
  family: 'The Moreno family',
};
const NEW_EMAIL = 'ines.moreno@example.net';

const j = useJourney({ mail: true });
let page: Page;
let confirmLink = '';
beforeAll(() => {
  page = j.page;
});

const heading = (name: string | RegExp) => headingIn(page, name);
const a11y = (where: string) => j.a11y(where);

/** The messages delivered to `to` so far. */
const mailTo = (to: string): ReceivedMail[] => j.smtp.received.filter((m) => m.to.includes(to));

/**
 * The path and fragment of a link in a message. The server runs on a free port its BASE_URL does
 * not name, so the link is opened on the address it really answers at.
 */
function linkIn(mail: ReceivedMail, page: string): string {
  const match = new RegExp(`https?://[^/\\s]+(/${page}#token=[A-Za-z0-9_-]{43})`).exec(
    mail.parsed.text ?? '',
  );
  expect(match, mail.parsed.text).not.toBeNull();
  return match![1]!;
}

describe('signing up where e-mail is on', () => {
  it('asks kindly to check the e-mail, and the link finishes creating the family', async () => {
    await page.goto('/sign-up');
    await heading('Create your family').waitFor();
    await page.getByLabel('Your name').fill(PERSON.name);
    await page.getByLabel('E-mail address').fill(PERSON.email);
    await page.getByLabel('Password', { exact: true }).fill(PERSON.password);
    await page.getByLabel('Family name').fill(PERSON.family);
    await page.getByRole('button', { name: 'Create our family' }).click();
    await heading('Please check your e-mail').waitFor();
    await page
      .getByRole('status')
      .getByText(`We have sent an e-mail to ${PERSON.email}.`, { exact: false })
      .waitFor();
    await a11y('sign up, check your e-mail');

    await expect.poll(() => mailTo(PERSON.email).length).toBe(1);
    const [mail] = mailTo(PERSON.email);
    expect(mail!.parsed.subject).toBe('Please confirm your e-mail address to finish joining Alongside');
    await page.goto(linkIn(mail!, 'finish-sign-up'));
    await heading('Finish creating your family').waitFor();
    // The token is taken out of the address bar once read.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await a11y('finish sign-up');
    await page.getByRole('button', { name: 'Create our family' }).click();
    await heading(`Hello, ${PERSON.name}`).waitFor();
  });
});

describe('changing one’s e-mail address', () => {
  it('keeps the Change e-mail form where it is while Settings fills in', async () => {
    // A page that moves as it fills in sends a tap to whatever slid under it: once, "Change e-mail"
    // was pressed and no request left the phone. The form's place on the page is read at every frame
    // from the moment it shows until everything else on Settings has arrived.
    const placesOfEmailForm = await watchPlaceOf(page, 'email-heading');
    await navIn(page, 'Settings').click();
    await page.getByRole('region', { name: 'Change e-mail' }).waitFor();
    await page.reload(); // the script above runs in each new document
    await page.getByRole('region', { name: 'Change e-mail' }).waitFor();
    await page.getByText(/Photos, drawings and voice notes take/).waitFor();
    await page
      .getByRole('region', { name: /Where you.re signed in/ })
      .getByText('This phone or browser')
      .waitFor();
    await page.getByRole('heading', { name: 'Delete my account' }).waitFor();
    const places = await placesOfEmailForm();
    expect(places, `the Change e-mail heading was at ${places.join(', ')} px`).toHaveLength(1);
  });

  it('asks for the current password, then sends a link to the new address and a notice to the old', async () => {
    await navIn(page, 'Settings').click();
    const region = page.getByRole('region', { name: 'Change e-mail' });
    await region.getByText(`You sign in with ${PERSON.email}.`).waitFor();
    await region.getByLabel('New e-mail address').fill(NEW_EMAIL);
    await region.getByLabel('Current password').fill('not my password at all');
    await region.getByRole('button', { name: 'Change e-mail' }).click();
    await region.getByText('That is not your current password. Please try again.').first().waitFor();
    await a11y('settings, change e-mail with a wrong password');

    await region.getByLabel('Current password').fill(PERSON.password);
    await region.getByRole('button', { name: 'Change e-mail' }).click();
    await region
      .getByRole('status')
      .getByText(`We have sent a link to ${NEW_EMAIL}.`, { exact: false })
      .waitFor();
    await a11y('settings, change e-mail sent');
    // Nothing has changed yet.
    await region.getByText(`You sign in with ${PERSON.email}.`).waitFor();

    await expect.poll(() => mailTo(NEW_EMAIL).length).toBe(1);
    const [link] = mailTo(NEW_EMAIL);
    expect(link!.parsed.subject).toBe('Please confirm your new e-mail address for Alongside');
    confirmLink = linkIn(link!, 'confirm-email');
    await expect.poll(() => mailTo(PERSON.email).length).toBe(2); // the sign-up link, then the notice
    const notice = mailTo(PERSON.email)[1]!;
    expect(notice.parsed.subject).toBe('Your Alongside e-mail address is being changed');
    expect(notice.parsed.text).toContain(NEW_EMAIL);
    expect(notice.parsed.text).not.toMatch(/token=/);
  });

  it('changes the address when the link is opened and pressed, once', async () => {
    await page.goto(confirmLink);
    await heading('Confirm your new e-mail address').waitFor();
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await a11y('confirm e-mail');
    await page.getByRole('button', { name: 'Confirm my new address' }).click();
    await page
      .getByRole('status')
      .getByText(`Your e-mail address is now ${NEW_EMAIL}.`, { exact: false })
      .waitFor();
    await a11y('confirm e-mail, done');

    await page.getByRole('link', { name: 'Go to Alongside' }).click();
    await navIn(page, 'Settings').click();
    await page
      .getByRole('region', { name: 'Change e-mail' })
      .getByText(`You sign in with ${NEW_EMAIL}.`)
      .waitFor();

    // The same link a second time is refused kindly.
    await page.goto(confirmLink);
    await heading('Confirm your new e-mail address').waitFor();
    await page.getByRole('button', { name: 'Confirm my new address' }).click();
    await page
      .getByRole('alert')
      .getByText(/already been used/)
      .waitFor();
    await a11y('confirm e-mail, link already used');
  });

  it('signs in with the new address, and no longer with the old', async () => {
    await page.goto('/');
    await navIn(page, 'Settings').click();
    await page
      .getByRole('region', { name: 'Your account' })
      .getByRole('button', { name: 'Sign out' })
      .click();
    await heading('Bring them along').waitFor();
    await page.goto('/sign-in');
    await heading('Sign in').waitFor();
    await page.getByLabel('E-mail address').fill(PERSON.email);
    await page.getByLabel('Password').fill(PERSON.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/do not match an account/)
      .waitFor();
    await page.getByLabel('E-mail address').fill(NEW_EMAIL);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(`Hello, ${PERSON.name}`).waitFor();
  });
});
