import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations, openBrowser, type BrowserSession } from './harness.js';
import { addJack, asMember, heading, signUp, useJourney } from './steps.js';

// A tribute on a phone (390×844), for Jack's anniversary: his mother picks the family's photo,
// writes a few words, says how long it has been since he died, and reaches the share step. Headless
// Chromium has no share sheet for files, so the download is taken and read back: 1080×1350. She
// makes a private link; someone signed out, in another browser, opens it (page and picture, marked
// noindex); she stops it, and the page and picture both answer 404. axe on every page.

const j = useJourney({
  phone: { viewport: { width: 390, height: 844 } },
  permissions: ['clipboard-read', 'clipboard-write'],
});
const MUM = {
  name: 'Hannah',
  email: 'hannah.tribute@example.org',
  password: 'six candles every spring',
  family: 'The Doyle family',
};
let visitor: BrowserSession | undefined;
afterAll(() => visitor?.close());
let linkPath = '';

interface Picture {
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
}
/** The natural sizes of the pictures a locator finds, once each has loaded (polled). */
const loadedSizes = async (page: Page, selector: string): Promise<string[]> => {
  let sizes: string[] = [];
  await expect
    .poll(
      async () => {
        const found = await page.locator(selector).evaluateAll((nodes) =>
          nodes.map((node) => {
            const img = node as unknown as Picture;
            return img.complete && img.naturalWidth > 0 ? `${img.naturalWidth}×${img.naturalHeight}` : '';
          }),
        );
        sizes = found;
        return found.length > 0 && found.every(Boolean);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return sizes;
};

describe('a tribute for Jack’s anniversary', () => {
  it('composes it on a phone from the family’s photo', async () => {
    const { page } = j;
    await signUp(page, MUM);
    await addJack(page);
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7a9e7e' } })
      .jpeg()
      .toBuffer();
    await asMember(page, '/api/media', { bytes: [...photo], contentType: 'image/jpeg' });
    await page.getByRole('link', { name: /A picture and a few words for Jack/ }).click();
    await heading(page, 'Tributes for Jack').waitFor();
    await page.getByRole('radio', { name: 'Photo 1' }).check();
    await page.getByLabel('A few words').fill('Six candles on the windowsill, and one more for you 🕯️');
    await page.getByRole('radio', { name: /How long since Jack died/ }).check();
    await page.getByLabel('The day this tribute is for').fill('2026-03-14');
    await j.a11y('composing a tribute');
    await page.getByRole('button', { name: 'Make the pictures' }).click();
    await heading(page, 'A tribute for Jack').waitFor();
    await page.getByText('For 14 March 2026').waitFor();
    expect(await loadedSizes(page, '.tribute-previews img')).toEqual(['1080×1350', '1080×1080', '1080×1920']);
    const caption = await page.getByLabel('Words to go with the picture').inputValue();
    expect(caption).toContain('Six candles on the windowsill, and one more for you 🕯️');
    expect(caption).toContain('Remembering Jack · Died 1 year ago today · 14 March 2026');
    await j.a11y('a tribute with its three pictures');
  });

  it('reaches the share step and downloads the post picture at 1080×1350', async () => {
    const { page } = j;
    await page.getByRole('heading', { name: 'Share' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the post picture' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('tribute-portrait.png');
    const meta = await sharp(await readFile(await download.path())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1080, 1350]);
    const words = await page.locator('main').innerText();
    expect(words).toContain('Nothing is posted');
  });

  it('on a phone with a share sheet, hands it the picture and the caption, and posts nothing itself', async () => {
    const { page } = j;
    // Headless Chromium has no share sheet: stand one in that keeps what it was given.
    await page.addInitScript(() => {
      const shared: unknown[] = [];
      Object.assign(globalThis, { sharedToSheet: shared });
      Object.assign((globalThis as unknown as { navigator: object }).navigator, {
        canShare: (data: { files?: unknown[] }) => Array.isArray(data.files),
        share: async (data: {
          files: Array<{ name: string; type: string; arrayBuffer(): Promise<ArrayBuffer> }>;
          text: string;
        }) => {
          const file = data.files[0]!;
          shared.push({
            name: file.name,
            type: file.type,
            text: data.text,
            bytes: [...new Uint8Array(await file.arrayBuffer())],
          });
        },
      });
    });
    await page.reload();
    await heading(page, 'A tribute for Jack').waitFor();
    await page.getByRole('button', { name: 'Share the post picture' }).click();
    await expect
      .poll(() =>
        page.evaluate(() => (globalThis as unknown as { sharedToSheet: unknown[] }).sharedToSheet.length),
      )
      .toBe(1);
    const [shared] = await page.evaluate(
      () =>
        (
          globalThis as unknown as {
            sharedToSheet: Array<{ name: string; type: string; text: string; bytes: number[] }>;
          }
        ).sharedToSheet,
    );
    expect([shared!.name, shared!.type]).toEqual(['Jack-portrait.png', 'image/png']);
    expect(shared!.text).toContain('Remembering Jack · Died 1 year ago today · 14 March 2026');
    const meta = await sharp(Buffer.from(shared!.bytes)).metadata();
    expect([meta.width, meta.height]).toEqual([1080, 1350]);
    await j.a11y('the share step with a share sheet');
  });

  it('makes a private link', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Make a link' }).click();
    const link = page.getByLabel('The link (shown this once)');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/tribute\/[A-Za-z0-9_-]{43}$/);
    linkPath = new URL(url).pathname;
    await page.getByRole('button', { name: 'Copy the link' }).click();
    await page.getByText('The link is copied.').waitFor();
    await j.a11y('a tribute with a private link');
  });

  it('opens signed out in another browser: the page and its picture, not indexed', async () => {
    visitor = await openBrowser(j.server.url, { viewport: { width: 390, height: 844 } });
    const response = await visitor.page.goto(linkPath);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['x-robots-tag']).toContain('noindex');
    expect(response!.headers()['referrer-policy']).toBe('no-referrer');
    expect(await visitor.page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex');
    await visitor.page.getByRole('heading', { name: 'Remembering Jack' }).waitFor();
    expect(await loadedSizes(visitor.page, 'main img')).toEqual(['1080×1350']);
    const picture = await visitor.page.request.get(`${linkPath}/picture.png`);
    expect(picture.status()).toBe(200);
    expect(picture.headers()['x-robots-tag']).toContain('noindex');
    expect(await visitor.page.locator('body').innerText()).not.toContain('Doyle');
    await expectNoSeriousA11yViolations(visitor.page, 'the unlisted tribute page');
  });

  it('keeps the welcome page’s promises: each link, followed signed out, leads (after signing in) to where it is done', async () => {
    const reader = await openBrowser(j.server.url, { viewport: { width: 390, height: 844 } });
    try {
      const { page } = reader;
      /** Signed out, on the welcome page: follows one of its links, then signs in where it leads. */
      const fromWelcome = async (link: string) => {
        await heading(page, 'Bring them along').waitFor();
        await page.getByRole('link', { name: link, exact: true }).click();
        await heading(page, 'Sign in').waitFor();
        await page.getByLabel('E-mail address').fill(MUM.email);
        await page.getByLabel('Password').fill(MUM.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
      };
      const signOut = async () => {
        await page.goto('/settings');
        await heading(page, 'Settings').waitFor();
        await page
          .getByRole('region', { name: 'Your account' })
          .getByRole('button', { name: 'Sign out' })
          .click();
      };
      await page.goto('/');
      await page.getByText('These pages open once you have signed in.').waitFor();
      // "You can take everything out again at any time."
      await fromWelcome('Your family’s data');
      await heading(page, 'Your family’s data').waitFor();
      await page.getByRole('button', { name: `Make an archive of ${MUM.family}` }).waitFor();
      await signOut();

      // "A share can be taken back."
      await fromWelcome('the tribute’s own page');
      await heading(page, 'Loved ones').waitFor();
      await page.getByRole('link', { name: /Jack/ }).first().click();
      await page.getByRole('link', { name: /A picture and a few words for Jack/ }).click();
      await heading(page, 'Tributes for Jack').waitFor();
      await page.getByRole('link', { name: 'For 14 March 2026' }).click();
      await heading(page, 'A tribute for Jack').waitFor();
      await page.getByRole('button', { name: 'Stop this link' }).waitFor();
      await expectNoSeriousA11yViolations(page, 'a tribute reached from the welcome page');

      // "Settings is where a family or an account is deleted."
      await signOut();
      await fromWelcome('Settings');
      await heading(page, 'Settings').waitFor();
      await page.getByRole('heading', { name: 'Delete this family' }).waitFor();
      await page.getByRole('heading', { name: 'Delete my account' }).waitFor();
    } finally {
      await reader.close();
    }
  });

  it('stops the link: the page and the picture answer 404', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Stop this link' }).click();
    await page.getByText(/^Stopped .*The page no longer opens\.$/).waitFor();
    const gone = await visitor!.page.goto(linkPath);
    expect(gone!.status()).toBe(404);
    await visitor!.page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    expect((await visitor!.page.request.get(`${linkPath}/picture.png`)).status()).toBe(404);
    await expectNoSeriousA11yViolations(visitor!.page, 'a stopped tribute link');
    await j.a11y('a tribute whose link was stopped');
  });
});
