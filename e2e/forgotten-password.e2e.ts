import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { heading as headingIn, nav as navIn, useJourney, signUpByEmail } from './steps.js';

// Someone who has forgotten their password gets back in by e-mail, as a person would: the link on
// the sign-in page, their address, the e-mail (delivered to a real SMTP server and read from it),
// a new password, and signing in with it. axe checks every page and state on the way.

const PERSON = {
  name: 'Ruth',
  email: 'ruth@example.org',
  password: 'a quiet walk by the sea',
  family: 'The Ellis family',
};
const NEW_PASSWORD = 'the bench under the oak';

const j = useJourney({ mail: true });
let page: Page;
let resetLink = '';
beforeAll(() => {
  page = j.page;
});

const heading = (name: string | RegExp) => headingIn(page, name);
const a11y = (where: string) => j.a11y(where);

describe('a forgotten password', () => {
  it('is asked for from the sign-in page, with the same answer for everyone', async () => {
    await signUpByEmail(page, PERSON);
    await navIn(page, 'Settings').click();
    await page
      .getByRole('region', { name: 'Your account' })
      .getByRole('button', { name: 'Sign out' })
      .click();
    await heading('Bring them along').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await heading('Sign in').waitFor();
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await heading('Forgotten your password?').waitFor();
    await a11y('forgot password');

    // An empty form says what to do, next to the field.
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect.poll(() => page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
    await a11y('forgot password, with a message');

    await page.getByLabel('E-mail address').fill(PERSON.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page
      .getByRole('status')
      .getByText(/If an account has this e-mail address/)
      .waitFor();
    await a11y('forgot password, sent');
  });

  it('arrives by e-mail with a link whose token is after the #', async () => {
    await expect.poll(() => j.smtp.received.filter((m) => m.to.includes(PERSON.email)).length).toBe(1);
    const mail = j.smtp.received.find((m) => m.to.includes(PERSON.email))!;
    expect(mail.parsed.subject).toBe('Choosing a new password for Alongside');
    const match = /https?:\/\/[^/\s]+(\/reset-password#token=[A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '');
    expect(match, mail.parsed.text).not.toBeNull();
    // The server was started on a free port, so its own idea of its address has no port: the
    // link's path and fragment are opened on the address it really answers at.
    resetLink = match![1]!;
  });

  it('sets a new password with the link, once', async () => {
    await page.goto(resetLink);
    await heading('Choose a new password').waitFor();
    // The token is taken out of the address bar once read.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await a11y('reset password');

    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page
      .getByText(/at least 10 characters/)
      .first()
      .waitFor();
    await expect.poll(() => page.getByLabel('New password').getAttribute('aria-invalid')).toBe('true');
    await a11y('reset password, too short');

    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await heading('Sign in').waitFor();
    await page.getByText(/Your new password is set/).waitFor();
    await a11y('sign in, after a new password');

    // The same link a second time is refused kindly.
    await page.goto(resetLink);
    await heading('Choose a new password').waitFor();
    await page.getByLabel('New password').fill('yet another quiet sentence');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page
      .getByRole('alert')
      .getByText(/already been used/)
      .waitFor();
    await a11y('reset password, link already used');
  });

  it('signs in with the new password, and Settings shows where', async () => {
    await page.goto('/sign-in');
    await heading('Sign in').waitFor();
    await page.getByLabel('E-mail address').fill(PERSON.email);
    await page.getByLabel('Password').fill(PERSON.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/do not match an account/)
      .waitFor();
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(`Hello, ${PERSON.name}`).waitFor();

    await navIn(page, 'Settings').click();
    const where = page.getByRole('region', { name: "Where you're signed in" });
    await where.getByText('This phone or browser').waitFor();
    await expect.poll(() => where.getByRole('listitem').count()).toBe(1);
    await page.getByRole('region', { name: 'Change e-mail' }).waitFor();
    await a11y('settings, where you are signed in');
  });

  it('signs out another browser, asking for the password again once some time has passed', async () => {
    const other = await j.context.browser()!.newContext({ baseURL: j.server.url, locale: 'en-GB' });
    try {
      const otherPage = await other.newPage();
      await otherPage.goto('/sign-in');
      await otherPage.getByLabel('E-mail address').fill(PERSON.email);
      await otherPage.getByLabel('Password').fill(NEW_PASSWORD);
      await otherPage.getByRole('button', { name: 'Sign in' }).click();
      await headingIn(otherPage, `Hello, ${PERSON.name}`).waitFor();

      await page.reload();
      const where = page.getByRole('region', { name: "Where you're signed in" });
      await expect.poll(() => where.getByRole('listitem').count()).toBe(2);
      await a11y('settings, two browsers signed in');
      // Twenty minutes on: the password given at sign-in is no longer fresh enough.
      await j.server.setClock(new Date(Date.now() + 20 * 60_000).toISOString());
      await where.getByRole('button', { name: /^Sign out .*, signed in/ }).click();
      await where.getByRole('heading', { name: 'Please type your password' }).waitFor();
      await a11y('settings, password asked again');
      await where.getByLabel('Your password', { exact: true }).fill(NEW_PASSWORD);
      await where
        .getByRole('button', { name: /^Sign out .+/ })
        .last()
        .click();
      await where
        .getByRole('status')
        .getByText(/is signed out\./)
        .waitFor();
      await expect.poll(() => where.getByRole('listitem').count()).toBe(1);
      await a11y('settings, another browser signed out');

      await otherPage.reload();
      await headingIn(otherPage, /Bring them along|Sign in/).waitFor();
    } finally {
      await other.close();
      await j.server.setClock(null);
    }
  });
});
