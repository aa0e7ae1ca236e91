import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps } from '../src/server/test/images.js';
import type { ReceivedMail } from '../src/server/test/smtp.js';
import { expectNoSeriousA11yViolations } from './harness.js';
import { addJack, heading as headingIn, signUpByEmail, useTwoBrowsers } from './steps.js';

// Supporters: a parent adds Grandma, who lives in New York; Grandma says yes through the e-mailed
// link in her own browser, gets the e-mail three hours before the Wave of Light at 19:00 on her own
// clock, and answers with a photo of her candle; her words and photo reach the family's reminders
// only after the parent, who sees the photo while deciding, accepts them.
// Mail goes through a real SMTP server; the server's job runner sends it; axe checks each page.

const phones = useTwoBrowsers({
  mail: true,
  env: { REMINDER_TICK_MS: '500', JOB_POLL_MS: '200' },
  // A few days before the Wave of Light: 15 October 2027.
  clock: '2027-10-10T12:00:00.000Z',
  second: { locale: 'en-US', timezoneId: 'America/New_York' },
});
const RUTH = {
  name: 'Ruth',
  email: 'ruth@example.org',
  password: 'the long road to the coast',
  family: 'The Hale family',
};
const GRANDMA = 'grandma.hale@example.org';
const SUGGESTION = 'Light a candle for Jack at 7pm and send us a photo';
const WORDS = 'I lit a candle for Jack by the window. Love to you all.';

let page: Page;
let grandma: Page;

beforeAll(() => {
  page = phones.page;
  grandma = phones.other;
});

const heading = (name: string | RegExp) => headingIn(page, name);
const mailTo = (to: string): ReceivedMail[] => phones.smtp.received.filter((m) => m.to.includes(to));

/** The path and fragment of a link in a message, opened on the address the server answers at. */
function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^/\\s]+(/${path}#token=[A-Za-z0-9_.-]+)`).exec(mail.parsed.text ?? '');
  if (!match) throw new Error(`No ${path} link in: ${mail.parsed.text}`);
  return match[1]!;
}

async function waitForMail(to: string, count: number): Promise<ReceivedMail[]> {
  const until = Date.now() + 30_000;
  while (mailTo(to).length < count) {
    if (Date.now() > until) throw new Error(`Expected ${count} e-mails to ${to}, got ${mailTo(to).length}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return mailTo(to);
}

/** The picture is on the page and its file loaded (served to this member, decoded by the browser). */
async function expectShown(image: Locator): Promise<void> {
  await image.waitFor();
  await expect.poll(() => image.evaluate((img) => Number(Reflect.get(img, 'naturalWidth')) > 0)).toBe(true);
}

describe('a supporter on the Wave of Light', () => {
  it('a parent adds Grandma, with her own time zone and the family’s words', async () => {
    await signUpByEmail(page, RUTH);
    await addJack(page);
    await page.goto('/supporters');
    await heading('Supporters').waitFor();
    await page.getByText('No one yet').waitFor();
    await expectNoSeriousA11yViolations(page, 'supporters page, empty');

    const form = page.getByRole('region', { name: 'Add a supporter' });
    await form.getByLabel('Their name').fill('Grandma');
    await form.getByLabel('Their e-mail address').fill(GRANDMA);
    const zone = form.getByRole('combobox', { name: /Their time zone/ });
    await zone.fill('New York');
    await page
      .getByRole('option', { name: /New York/ })
      .first()
      .click();
    await form.getByRole('checkbox', { name: /International Wave of Light/ }).check();
    await form.getByLabel('Your suggestion for International Wave of Light').fill(SUGGESTION);
    await form.getByRole('button', { name: 'Add and ask them by e-mail' }).click();
    await page.getByText('Grandma is on your list').waitFor();
    await page.getByText('Waiting for them to say yes', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(page, 'supporters page, Grandma added');
    // The days and words can be changed later; here Ruth only looks, then leaves them.
    await page.getByRole('button', { name: 'Change days and words' }).click();
    await page.getByRole('button', { name: 'Save the days' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'supporters page, changing Grandma’s days');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await waitForMail(GRANDMA, 1)).toHaveLength(1);
  });

  it('Grandma says yes from the e-mail, and hears nothing more until the day', async () => {
    await grandma.goto(linkIn(mailTo(GRANDMA)[0]!, 'supporter/confirm'));
    await headingIn(grandma, 'Would you like to be there on these days?').waitFor();
    await expectNoSeriousA11yViolations(grandma, 'supporter confirm page');
    await grandma.getByRole('button', { name: 'Yes, I would like to be there' }).click();
    await grandma.getByText('Thank you, Grandma').waitFor();
    await grandma
      .getByText('To stop, use the link at the foot of any of those e-mails', { exact: false })
      .waitFor();
    await expectNoSeriousA11yViolations(grandma, 'supporter confirm page, done');
    // 16:59 in New York on the day: three hours before her own 19:00 is not yet here.
    await phones.server.setClock('2027-10-15T19:59:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(mailTo(GRANDMA)).toHaveLength(1);
  });

  it('gets the e-mail three hours before the Wave of Light in New York, and answers it', async () => {
    await phones.server.setClock('2027-10-15T20:00:05.000Z');
    const mails = await waitForMail(GRANDMA, 2);
    expect(mails[1]!.parsed.text).toContain(SUGGESTION);
    await grandma.goto(linkIn(mails[1]!, 'supporter/reply'));
    await headingIn(grandma, 'Send a few words').waitFor();
    await grandma.getByText(SUGGESTION).waitFor();
    await expectNoSeriousA11yViolations(grandma, 'supporter reply page');
    await grandma.getByLabel('Your message').fill(WORDS);
    // A photo from her phone (with where it was taken in it: the server keeps none of that).
    const photo = { name: 'candle.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() };
    await grandma.getByLabel('Add a photo').setInputFiles(photo);
    const preview = grandma.getByRole('img', { name: 'The photo you chose to send' });
    await preview.waitFor();
    await expectNoSeriousA11yViolations(grandma, 'supporter reply page, a photo chosen');
    // She takes it out, and chooses it again.
    await grandma.getByRole('button', { name: 'Remove the photo' }).click();
    expect(await preview.count()).toBe(0);
    await grandma.getByLabel('Add a photo').setInputFiles(photo);
    await preview.waitFor();
    await grandma.getByRole('button', { name: 'Send to the family' }).click();
    await grandma.getByText('Your words are with the family.').waitFor();
  });

  it('her words reach the family only after the parent accepts them', async () => {
    // Ruth signs in again on the day (her session rests after a few quiet days).
    await page.request.get('/api/session');
    await page.goto('/reminders');
    await heading('Reminders').waitFor();
    expect(await page.getByText(WORDS).count()).toBe(0);

    await page.goto('/supporters');
    await heading('Supporters').waitFor();
    const messages = page.getByRole('region', { name: 'Messages from supporters' });
    await messages.getByText(WORDS).waitFor();
    await expectShown(messages.getByRole('img', { name: 'The photo Grandma sent with this message' }));
    await expectNoSeriousA11yViolations(page, 'supporters page, a message waiting');
    await messages.getByRole('button', { name: 'Accept and share with the family' }).click();
    await messages.getByText('No messages waiting', { exact: false }).waitFor();

    await page.goto('/reminders');
    await heading('Reminders').waitFor();
    await page.getByRole('heading', { name: 'A message from Grandma' }).waitFor();
    await page.getByText(WORDS).waitFor();
    await expectShown(page.getByRole('img', { name: 'The photo that came with “A message from Grandma”' }));
    await expectNoSeriousA11yViolations(page, 'reminders with Grandma’s message');
  });
});
