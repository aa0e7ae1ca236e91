import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './harness.js';
import { addJack, heading, nav, signUp, useTwoBrowsers } from './steps.js';

// The journal on two phones (390×844): Olive writes a letter to Jack; Sam, the other parent, signed
// in on their own phone, cannot see it until Olive shares it with the family's adults, then can,
// and it goes again when she makes it private. What Olive types is kept on her phone before it is
// saved. Jack's day across the years opens only when asked for and shows the letter on its day.
// axe checks every page on the way.

const PHONE = { width: 390, height: 844 };
const phones = useTwoBrowsers({ phone: { viewport: PHONE }, second: { viewport: PHONE } });
const OLIVE = {
  name: 'Olive',
  email: 'olive.journal@example.org',
  password: 'letters to the sea and back',
  family: 'The Hart family',
};
const LETTER = 'Dear Jack, a year on, we walked to the sea and I told you about the gulls.';
/** The sea that day, as a phone's camera hands it over: a real JPEG. */
const seaPhoto = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 150, b: 200 } } })
    .jpeg()
    .toBuffer();
/** Whether the page shows this picture, loaded (not a broken image). */
const shown = (page: Page, alt: string) =>
  page
    .getByRole('img', { name: alt })
    .evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0);
let photoUrl = '';

let olive: Page;
let sam: Page;

beforeAll(() => {
  olive = phones.page;
  sam = phones.other;
});

async function openJournal(page: Page) {
  await nav(page, 'Loved ones').click();
  await page.getByRole('link', { name: /Jack/ }).first().click();
  await heading(page, 'Jack').waitFor();
  await page.getByRole('link', { name: 'Write to Jack, or read what you wrote' }).click();
  await heading(page, "Jack's journal").waitFor();
}

describe('a letter to Jack', () => {
  it('Olive invites Sam, who joins on their own phone', async () => {
    await signUp(olive, OLIVE);
    await addJack(olive);
    await nav(olive, 'Settings').click();
    await olive.getByRole('link', { name: 'Members and invites' }).click();
    const invite = olive.getByRole('region', { name: 'Invite someone' });
    await invite.getByRole('radio', { name: 'An adult' }).check();
    await invite.getByLabel('Their name').fill('Sam');
    await invite.getByRole('button', { name: 'Make an invite' }).click();
    const link = new URL(await invite.getByLabel('Link', { exact: true }).inputValue());
    await sam.goto(link.pathname + link.hash);
    await heading(sam, 'Join The Hart family').waitFor();
    await sam.getByLabel('Your name').fill('Sam');
    await sam.getByLabel('E-mail address', { exact: true }).fill('sam.journal@example.org');
    await sam.getByLabel('Password', { exact: true }).fill('we carry him together');
    await sam.getByRole('button', { name: 'Join the family' }).click();
    await heading(sam, 'Hello, Sam').waitFor();
  });

  it('Olive writes a letter; what she types is kept on her phone until it is saved', async () => {
    await openJournal(olive);
    await olive.getByText('Nothing here yet, and that is fine').waitFor();
    // One gentle prompt at most, with "Not today".
    const prompt = olive.getByRole('region', { name: 'If it helps' });
    expect(await prompt.count()).toBeLessThanOrEqual(1);
    if ((await prompt.count()) === 1) await prompt.getByRole('button', { name: 'Not today' }).waitFor();
    await phones.a11y('Jack’s journal, empty');

    await olive.getByRole('link', { name: 'Write', exact: true }).click();
    await heading(olive, 'Write for Jack').waitFor();
    await olive.getByRole('radio', { name: 'A letter to them' }).check();
    await olive.getByLabel('A title').fill('A year on');
    await olive.getByLabel('Your letter').fill(LETTER);
    await olive.getByLabel('The day it is for').fill('2026-03-14');
    await phones.a11y('writing a letter');
    // The phone loses the page (a reload, a closed tab): the letter is still there.
    await olive.reload();
    await heading(olive, 'Write for Jack').waitFor();
    await olive.getByText('What you were writing was kept on this phone').waitFor();
    expect(await olive.getByLabel('Your letter').inputValue()).toBe(LETTER);
    await olive.getByRole('button', { name: 'Save' }).click();
    await heading(olive, "Jack's journal").waitFor();
    const letter = olive.getByRole('article', { name: 'A year on' });
    await letter.getByText(LETTER).waitFor();
    await letter.getByText(/Sat,? 14 March 2026/).waitFor();
    await letter.getByText('Only you can see this').waitFor();
    await phones.a11y('Jack’s journal with a private letter');
    // Saved, the draft is gone: a new page starts empty.
    await olive.getByRole('link', { name: 'Write', exact: true }).click();
    expect(await olive.getByLabel('Your letter').inputValue()).toBe('');
    await olive.getByRole('link', { name: 'Not now' }).click();
    await heading(olive, "Jack's journal").waitFor();
    // An untouched page left with "Not now" leaves no draft to be told about.
    await olive.getByRole('link', { name: 'Write', exact: true }).click();
    await heading(olive, 'Write for Jack').waitFor();
    expect(await olive.getByText('What you were writing was kept').count()).toBe(0);
    await olive.getByRole('link', { name: 'Not now' }).click();
    await heading(olive, "Jack's journal").waitFor();
  });

  it('Olive adds a photo of the sea to her letter, and can take it off again', async () => {
    const letter = olive.getByRole('article', { name: 'A year on' });
    await letter.getByRole('link', { name: /Edit/ }).click();
    await heading(olive, 'Change what you wrote').waitFor();
    await olive.getByText('No photos with this yet').waitFor();
    await olive.getByLabel('Add a photo').setInputFiles({
      name: 'sea.jpg',
      mimeType: 'image/jpeg',
      buffer: await seaPhoto(),
    });
    await olive.getByRole('img', { name: 'Photo 1 you chose, added when you save' }).waitFor();
    await phones.a11y('a letter with a photo chosen');
    await olive.getByRole('button', { name: 'Save', exact: true }).click();
    await heading(olive, "Jack's journal").waitFor();
    await letter.getByRole('img', { name: 'The photo with this entry' }).waitFor();
    await expect.poll(() => shown(olive, 'The photo with this entry')).toBe(true);
    photoUrl = (await letter
      .getByRole('link')
      .filter({ has: olive.getByRole('img') })
      .getAttribute('href'))!;
    expect(photoUrl).toMatch(/^\/api\/journal-photos\/.+\/file$/);
    await phones.a11y('Jack’s journal, a letter with a photo');
    // On the letter's page it can be taken off; this one stays.
    await letter.getByRole('link', { name: /Edit/ }).click();
    await olive.getByRole('button', { name: 'Remove The photo with this entry' }).waitFor();
    await olive.getByRole('link', { name: 'Not now' }).click();
    await heading(olive, "Jack's journal").waitFor();
  });

  it('Sam cannot see it while it is private', async () => {
    await openJournal(sam);
    await sam.getByText('Nothing here yet, and that is fine').waitFor();
    expect(await sam.getByText(LETTER).count()).toBe(0);
    // Nor its photo, even at its own address.
    expect((await sam.request.get(photoUrl)).status()).toBe(404);
    await expectNoSeriousA11yViolations(sam, 'Sam’s view of Jack’s journal');
  });

  it('Olive shares it with the family’s adults, and Sam reads it', async () => {
    const letter = olive.getByRole('article', { name: 'A year on' });
    await letter.getByRole('button', { name: 'Share with the family’s adults' }).click();
    await letter.getByText('Shared with the family’s adults').waitFor();
    await sam.reload();
    const shared = sam.getByRole('article', { name: 'A year on' });
    await shared.getByText(LETTER).waitFor();
    await shared.getByText('Shared by Olive', { exact: false }).waitFor();
    await expect.poll(() => shown(sam, 'The photo with this entry')).toBe(true);
    // Sam reads it but cannot change, unshare or delete it.
    expect(await shared.getByRole('button').count()).toBe(0);
    await expectNoSeriousA11yViolations(sam, 'Sam reading a shared letter');
  });

  it('Olive takes it back, and it is gone from Sam’s phone', async () => {
    const letter = olive.getByRole('article', { name: 'A year on' });
    await letter.getByRole('button', { name: 'Make it private again' }).click();
    await letter.getByText('Only you can see this').waitFor();
    await sam.reload();
    await sam.getByText('Nothing here yet, and that is fine').waitFor();
    expect(await sam.getByText(LETTER).count()).toBe(0);
    expect((await sam.request.get(photoUrl)).status()).toBe(404);
  });
});

describe('Jack’s day across the years', () => {
  it('opens only when asked, and shows the letter on the day Jack died', async () => {
    // Nothing of it is on Home.
    await nav(olive, 'Home').click();
    await heading(olive, 'Hello, Olive').waitFor();
    expect(await olive.getByText(LETTER).count()).toBe(0);
    expect(await olive.getByText(/across the years/i).count()).toBe(0);

    await nav(olive, 'Loved ones').click();
    await olive.getByRole('link', { name: /Jack/ }).first().click();
    await heading(olive, 'Jack').waitFor();
    // Jack's days are worked out after the change that added him: the link shows once they are.
    await expect
      .poll(
        async () => {
          await olive.reload();
          await heading(olive, 'Jack').waitFor();
          return olive.getByRole('link', { name: "Jack's days across the years" }).count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await olive.getByRole('link', { name: "Jack's days across the years" }).click();
    await heading(olive, "Jack's days across the years").waitFor();
    await phones.a11y("Jack's days across the years");
    await olive.getByRole('listitem').filter({ hasText: 'Since 14 March 2025' }).getByRole('link').click();
    await olive.getByRole('heading', { level: 2, name: /14 March 2026/ }).waitFor();
    await olive.getByText(LETTER).waitFor();
    await phones.a11y('Jack’s day across the years');
    const words = await olive.locator('main').innerText();
    expect(words).not.toMatch(/\b(streak|missed|well done|points?)\b/i);
  });

  it('Olive can hide it for herself', async () => {
    await olive.getByRole('button', { name: 'Hide this for me' }).click();
    await olive.getByText('You have hidden this for yourself.').waitFor();
    expect(await olive.getByText(LETTER).count()).toBe(0);
    await phones.a11y('the day across the years, hidden');
  });
});
