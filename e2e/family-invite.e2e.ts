import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './harness.js';
import { addJack, heading as headingIn, nav as navIn, signUp, useTwoBrowsers } from './steps.js';

// The family together: a parent invites the other parent; Sam opens the link in their own browser,
// joins as someone new, and finds Jack there; the first parent sees Sam among the members and on
// the invite. The same single-use link opened again gets a kind page. axe checks each page.

const phones = useTwoBrowsers({ permissions: ['clipboard-read', 'clipboard-write'] });
const OLIVE = {
  name: 'Olive',
  email: 'olive@example.org',
  password: 'the long road to the coast',
  family: 'The Ellis family',
};

let page: Page;
let sam: Page;
let invitePath = '';

beforeAll(() => {
  page = phones.page;
  sam = phones.other;
});

const heading = (name: string | RegExp) => headingIn(page, name);

describe('inviting the other parent', () => {
  it('makes an invite with a link and a code to copy', async () => {
    await signUp(page, OLIVE);
    await addJack(page);
    await navIn(page, 'Settings').click();
    await page.getByRole('link', { name: 'Members and invites' }).click();
    await heading('Family members').waitFor();
    // The only owner is told how to step down, rather than offered a change that would be refused.
    await page.getByText('You are the family’s only owner.', { exact: false }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Role for Olive' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'members page');

    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByRole('radio', { name: 'An adult' }).check();
    await invite.getByLabel('Their name').fill('Sam');
    await invite.getByRole('button', { name: 'Make an invite' }).click();
    await invite.getByText('Invite Sam to the family').waitFor();
    const link = await invite.getByLabel('Link', { exact: true }).inputValue();
    const code = await invite.getByLabel('Code', { exact: true }).inputValue();
    expect(link).toMatch(/\/join#token=[A-Za-z0-9_-]{43}$/);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await invite.getByRole('button', { name: 'Copy link' }).click();
    await invite.getByRole('status').getByText('Link copied.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(link);
    await expectNoSeriousA11yViolations(page, 'members page, invite made');
    // The server was started on a free port, and its own idea of its address has none: the link's
    // path and fragment are opened on the address it really answers at.
    const url = new URL(link);
    invitePath = url.pathname + url.hash;
  });
});

describe('joining by the link in another browser', () => {
  it('shows whose family it is, and takes the token out of the address bar', async () => {
    await sam.goto(invitePath);
    await headingIn(sam, 'Join The Ellis family').waitFor();
    await sam.getByText('Olive has invited you to join The Ellis family on Alongside, as an adult').waitFor();
    await expect.poll(() => new URL(sam.url()).hash).toBe('');
    await expectNoSeriousA11yViolations(sam, 'join page');
  });

  it('signs Sam up into the family, where Jack is', async () => {
    await sam.getByRole('button', { name: 'Join the family' }).click();
    await expect.poll(() => sam.getByLabel('Your name').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(sam, 'join page, with messages');
    await sam.getByLabel('Your name').fill('Sam');
    await sam.getByLabel('E-mail address', { exact: true }).fill('sam@example.org');
    await sam.getByLabel('Password', { exact: true }).fill('we carry him together');
    await sam.getByRole('button', { name: 'Join the family' }).click();
    await headingIn(sam, 'Hello, Sam').waitFor();
    await sam.getByText('The Ellis family').first().waitFor();
    await navIn(sam, 'Loved ones').click();
    await headingIn(sam, 'Loved ones').waitFor();
    await sam.getByRole('link', { name: /Jack/ }).first().waitFor();
    await expectNoSeriousA11yViolations(sam, 'loved ones, as Sam');
  });
});

describe('back with the first parent', () => {
  it('shows Sam among the members and on the invite', async () => {
    await page.reload();
    await heading('Family members').waitFor();
    const members = page.getByRole('region', { name: 'Members' });
    await members.getByText('Sam', { exact: true }).waitFor();
    await members.getByRole('combobox', { name: 'Role for Sam' }).waitFor();
    expect(await members.getByRole('combobox', { name: 'Role for Sam' }).inputValue()).toBe('adult');
    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByText('Joined through it: Sam.').waitFor();
    await invite.getByText('(Used)').waitFor();
    await expectNoSeriousA11yViolations(page, 'members page, Sam joined');
  });

  it('answers the used link, opened again, with a kind page', async () => {
    const other = await phones.newPhone();
    try {
      const late = await other.newPage();
      await late.goto(invitePath);
      await headingIn(late, 'Joining The Ellis family').waitFor();
      await late.getByText('This invite has already been used.').waitFor();
      await late.getByText('Please ask Olive for a new one').waitFor();
      await expectNoSeriousA11yViolations(late, 'join page, invite used');
    } finally {
      await other.close();
    }
  });
});

describe('a grandmother with a family of her own', () => {
  it('types a code read out over the phone, joins as a viewer, and moves between her families', async () => {
    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByRole('radio', { name: 'A viewer' }).check();
    await invite.getByLabel('Their name').fill('Gran');
    await invite.getByRole('button', { name: 'Make an invite' }).click();
    await invite.getByText('Invite Gran to the family').waitFor();
    const code = await invite.getByLabel('Code', { exact: true }).inputValue();

    const context = await phones.newPhone();
    try {
      const gran = await context.newPage();
      await signUp(gran, {
        name: 'Gran',
        email: 'gran@example.org',
        password: 'tea in the garden at four',
        family: 'The Marsh family',
      });
      await gran.goto('/join');
      await headingIn(gran, 'Join a family').waitFor();
      await expectNoSeriousA11yViolations(gran, 'join page, typing a code');
      // Read out over the phone: small letters and spaces instead of dashes.
      await gran.getByLabel('Invite code').fill(code.toLowerCase().replaceAll('-', ' '));
      await gran.getByRole('button', { name: 'Open the invite' }).click();
      await headingIn(gran, 'Join The Ellis family').waitFor();
      await gran.getByText(/You stay part of The Marsh family/).waitFor();
      await expectNoSeriousA11yViolations(gran, 'join page, signed in');
      await gran.getByRole('button', { name: 'Join The Ellis family' }).click();

      await headingIn(gran, 'Hello, Gran').waitFor();
      await gran.getByText('You are in The Ellis family as a viewer').waitFor();
      expect(await navIn(gran, 'Loved ones').count()).toBe(0);
      await expectNoSeriousA11yViolations(gran, 'home, as a viewer');

      const switcher = gran.getByRole('combobox', { name: 'Family' });
      expect(await switcher.inputValue()).not.toBe('');
      await switcher.selectOption({ label: 'The Marsh family' });
      await gran.getByText('The Marsh family · private to your family').waitFor();
      await navIn(gran, 'Loved ones').waitFor();
      await expectNoSeriousA11yViolations(gran, 'home, back in her own family');
    } finally {
      await context.close();
    }
  });
});
