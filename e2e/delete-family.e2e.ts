import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedMail } from '../src/server/test/smtp.js';
import { expectNoSeriousA11yViolations } from './harness.js';
import { heading, nav, signUpByEmail, useTwoBrowsers } from './steps.js';

// Deleting a family is asked for, not done: Nell, the owner, asks in Settings with her password and
// a question first; Sam, the other parent, is told in the app and by e-mail and sees it coming in
// Settings; Nell keeps the family after all and Sam is told that too. Then Sam asks to delete his
// own account (saying first what happens to what he wrote) and changes his mind, and Nell learns
// that as the family's only owner she would need to hand over first. Axe checks every state.

const NELL = {
  name: 'Nell',
  email: 'nell@example.org',
  password: 'the tide comes in slowly',
  family: 'The Moss family',
};
const SAM = { name: 'Sam', email: 'sam@example.org', password: 'a walk along the harbour' };

const j = useTwoBrowsers({ mail: true });
let nell: Page;
let sam: Page;
beforeAll(() => {
  nell = j.page;
  sam = j.other;
});

const a11y = (page: Page, where: string) => expectNoSeriousA11yViolations(page, where);
const mailTo = (to: string): ReceivedMail[] => j.smtp.received.filter((m) => m.to.includes(to));
const familySection = (page: Page) => page.getByRole('region', { name: 'Delete this family' });
const accountSection = (page: Page) => page.getByRole('region', { name: 'Delete my account' });

async function settings(page: Page): Promise<void> {
  await nav(page, 'Settings').click();
  await heading(page, 'Settings').waitFor();
}

describe('deleting the family, and changing one’s mind', () => {
  it('Nell signs up, and Sam joins by her invite', async () => {
    await signUpByEmail(nell, NELL);
    await settings(nell);
    await nell.getByRole('link', { name: 'Members and invites' }).click();
    await heading(nell, 'Family members').waitFor();
    const invite = nell.getByRole('region', { name: 'Invite someone' });
    await invite.getByRole('radio', { name: 'An adult' }).check();
    await invite.getByLabel('Their name').fill('Sam');
    await invite.getByRole('button', { name: 'Make an invite' }).click();
    await invite.getByText('Invite Sam to the family').waitFor();
    const link = new URL(await invite.getByLabel('Link', { exact: true }).inputValue());
    await sam.goto(link.pathname + link.hash);
    await heading(sam, `Join ${NELL.family}`).waitFor();
    await sam.getByLabel('Your name').fill(SAM.name);
    await sam.getByLabel('E-mail address', { exact: true }).fill(SAM.email);
    await sam.getByLabel('Password', { exact: true }).fill(SAM.password);
    await sam.getByRole('button', { name: 'Join the family' }).click();
    await heading(sam, `Hello, ${SAM.name}`).waitFor();
  });

  it('Nell asks, with her password and a question first, and sees when it will happen', async () => {
    await settings(nell);
    const section = familySection(nell);
    await section
      .getByText('Deleting the family removes everything it keeps here', { exact: false })
      .waitFor();
    await a11y(nell, 'settings, delete the family');
    await section.getByLabel('Your password').fill('not my password at all');
    await section.getByRole('button', { name: 'Delete this family…' }).click();
    const dialog = nell.getByRole('alertdialog', { name: `Delete ${NELL.family}?` });
    await dialog.waitFor();
    await a11y(nell, 'settings, delete the family, asked first');
    // The safe choice has focus: a hurried Enter keeps the family.
    await expect.poll(() => nell.evaluate('document.activeElement?.textContent')).toBe('Keep our family');
    await dialog.getByRole('button', { name: 'Delete in seven days' }).click();
    await section.getByText('That is not your password. Please try again.').first().waitFor();

    await section.getByLabel('Your password').fill(NELL.password);
    await section.getByRole('button', { name: 'Delete this family…' }).click();
    await nell.getByRole('alertdialog').getByRole('button', { name: 'Delete in seven days' }).click();
    await section
      .getByText(new RegExp(`^${NELL.family} is set to be deleted on .+ at \\d{2}:\\d{2}\\.$`))
      .waitFor();
    await section.getByText('Nell asked for this.', { exact: false }).waitFor();
    await a11y(nell, 'settings, the family set to be deleted');
  });

  it('Sam is told in the app and by e-mail, and sees it coming in Settings', async () => {
    await sam.reload();
    await sam
      .getByRole('link', { name: /^Reminders/ })
      .first()
      .click();
    await heading(sam, 'Reminders').waitFor();
    await sam
      .getByText(new RegExp(`^${NELL.family} is set to be deleted on `))
      .first()
      .waitFor();
    await a11y(sam, 'reminders, the family set to be deleted');
    await expect
      .poll(() => mailTo(SAM.email).map((m) => m.parsed.subject))
      .toContainEqual(expect.stringMatching(new RegExp(`^${NELL.family} is set to be deleted on `)));
    await settings(sam);
    const section = familySection(sam);
    await section
      .getByText('If this is not what you want, please talk with Nell.', { exact: false })
      .waitFor();
    // Only an owner can cancel.
    expect(await section.getByRole('button', { name: 'Keep our family' }).count()).toBe(0);
    await a11y(sam, 'settings, the family set to be deleted, as an adult');
  });

  it('Nell keeps the family after all, and Sam is told', async () => {
    await familySection(nell).getByRole('button', { name: 'Keep our family' }).click();
    await familySection(nell).getByRole('button', { name: 'Delete this family…' }).waitFor();
    await expect
      .poll(() => mailTo(SAM.email).map((m) => m.parsed.subject))
      .toContain(`${NELL.family} will not be deleted`);
    await sam.reload();
    await heading(sam, 'Settings').waitFor();
    await accountSection(sam).waitFor();
    expect(await familySection(sam).count()).toBe(0);
  });
});

describe('deleting one’s own account, and changing one’s mind', () => {
  it('Sam is told first what happens to what he wrote, asks, and keeps his account after all', async () => {
    const section = accountSection(sam);
    await section.getByText('You have no private journal entries or letters.').waitFor();
    await section.getByText('shown as done by “a former member”', { exact: false }).waitFor();
    await a11y(sam, 'settings, delete my account');
    await section.getByLabel('Your password').fill(SAM.password);
    await section.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = sam.getByRole('alertdialog', { name: 'Delete your account?' });
    await dialog.waitFor();
    await a11y(sam, 'settings, delete my account, asked first');
    await dialog.getByRole('button', { name: 'Delete in seven days' }).click();
    await section.getByText(/^Your account is set to be deleted on /).waitFor();
    await a11y(sam, 'settings, my account set to be deleted');
    await expect
      .poll(() => mailTo(NELL.email).map((m) => m.parsed.subject))
      .toContain('Sam has asked to delete their account');
    await section.getByRole('button', { name: 'Keep my account' }).click();
    await section.getByRole('button', { name: 'Delete my account…' }).waitFor();
  });

  it('Nell, the only owner, is shown what to do first instead', async () => {
    await nell.reload();
    await heading(nell, 'Settings').waitFor();
    const section = accountSection(nell);
    await section.getByText(`You are the only owner of ${NELL.family}.`, { exact: false }).waitFor();
    await section.getByRole('link', { name: 'make another adult an owner' }).waitFor();
    expect(await section.getByRole('button', { name: 'Delete my account…' }).count()).toBe(0);
    await a11y(nell, 'settings, delete my account, only owner');
  });
});
