import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from './harness.js';
import { addJack, heading, nav, signUp, useTwoBrowsers } from './steps.js';

// The children's memory box: Olive gives Mia's profile the month she was born, and a teen, Sam, joins
// with their own login on their own phone. Olive hands her phone to Mia in child mode; Mia photographs
// a drawing for Jack, which shows her name and age, and writes him a letter from one opening, with
// "Not today" always there. Back out of child mode, Olive sees both in Jack's memory box and keeps
// the letter for the parents; Sam, on the other phone, sees the drawing but not the letter, in the
// app or from the server. axe on each page.

const phones = useTwoBrowsers();
const OLIVE = {
  name: 'Olive',
  email: 'olive.memories@example.org',
  password: 'the long road to the coast',
  family: 'The Ellis family',
};
const PIN = '2468';
const LETTER = 'Show you the sea at Lisbon, and hug you.';
// Born in January seven years ago: seven on any day of this year.
const BORN = `${new Date().getFullYear() - 7}-01`;
const LABEL = /^Mia, 7 · \d{1,2} [A-Z][a-z]+ \d{4}$/;

let page: Page;
let sam: Page;
let jackPath = '';

const a11y = (on: Page, where: string) => expectNoA11yViolations(on, where, 'moderate');

beforeAll(() => {
  page = phones.page;
  sam = phones.other;
});

/** A photographed drawing, as a phone's camera hands it over: a real JPEG. */
const drawingJpeg = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 250, g: 230, b: 120 } } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="800" height="600"><circle cx="400" cy="300" r="180" fill="#3a7bd5"/></svg>',
        ),
      },
    ])
    .jpeg()
    .toBuffer();

describe('before handing the phone over', () => {
  it('gives Mia’s profile the month she was born, and invites Sam as a teen', async () => {
    await signUp(page, OLIVE);
    await addJack(page);
    jackPath = new URL(page.url()).pathname;
    await nav(page, 'Settings').click();
    await page.getByRole('link', { name: 'Members and invites' }).click();
    await heading(page, 'Family members').waitFor();
    const children = page.getByRole('region', { name: 'Children without their own login' });
    await children.getByLabel('Child’s name').fill('Mia');
    await children.getByRole('button', { name: 'Add a child profile' }).click();
    await children.getByLabel(/The month and year Mia was born/).fill(BORN);
    await children.getByRole('button', { name: 'Save' }).click();
    await children.getByText('Saved.').waitFor();

    const invite = page.getByRole('region', { name: 'Invite someone' });
    await invite.getByRole('radio', { name: 'A teen with their own login' }).check();
    await invite.getByLabel('Their name').fill('Sam');
    await invite.getByRole('button', { name: 'Make an invite' }).click();
    await invite.getByText('Invite Sam to the family').waitFor();
    const link = new URL(await invite.getByLabel('Link', { exact: true }).inputValue());
    await a11y(page, 'members page, Mia’s birth month');

    await sam.goto(link.pathname + link.hash);
    await sam.getByLabel('Your name').fill('Sam');
    await sam.getByLabel('E-mail address', { exact: true }).fill('sam.teen@example.org');
    await sam.getByLabel('Password', { exact: true }).fill('we carry him together');
    await sam.getByRole('button', { name: 'Join the family' }).click();
    await heading(sam, 'Hello, Sam').waitFor();
  });
});

describe('in child mode', () => {
  it('lets Mia add a photo of her drawing, labelled with her name and age', async () => {
    const children = page.getByRole('region', { name: 'Children without their own login' });
    await children.getByLabel('PIN to leave child mode (for Mia)').fill(PIN);
    await children.getByRole('button', { name: 'Hand this phone to Mia' }).click();
    await heading(page, 'Hello, Mia').waitFor();
    const box = page.getByRole('region', { name: 'Jack’s memory box' });
    await box.getByRole('button', { name: 'Not today' }).waitFor();
    await a11y(page, 'child mode, memory box');

    await box.locator('input[type="file"]').setInputFiles({
      name: 'drawing.jpg',
      mimeType: 'image/jpeg',
      buffer: await drawingJpeg(),
    });
    await box.getByText('The drawing is in the memory box.').waitFor();
    const caption = box.locator('figcaption').first();
    await caption.waitFor();
    expect(await caption.innerText()).toMatch(LABEL);
    const image = box.getByRole('img', { name: 'A drawing by Mia' });
    await expect
      .poll(() => image.evaluate((img) => (img as { naturalWidth?: number }).naturalWidth ?? 0))
      .toBeGreaterThan(0);
    await a11y(page, 'child mode, a drawing added');
  });

  it('keeps a drawing added with no signal on the phone, and puts it in the box once, as Mia’s', async () => {
    const box = page.getByRole('region', { name: 'Jack’s memory box' });
    const drawingsNow = async () =>
      (
        (await (await page.request.get('/api/memory-box')).json()) as {
          items: Array<{ kind: string; byName: string }>;
        }
      ).items.filter((item) => item.kind === 'drawing');
    expect(await drawingsNow()).toHaveLength(1);

    await phones.context.setOffline(true);
    await box.locator('input[type="file"]').setInputFiles({
      name: 'second-drawing.jpg',
      mimeType: 'image/jpeg',
      buffer: await drawingJpeg(),
    });
    await box.getByText('Kept on this phone; it is saved when you are back online.').waitFor();
    const waiting = box.getByText('Waiting to send 1 drawing — it’s safe on this phone.');
    await waiting.waitFor();
    await a11y(page, 'child mode, a drawing kept on the phone, offline');

    // Signal comes back weak: the drawing reaches the server, but its answer never reaches the phone.
    let tries = 0;
    const drawings = '**/api/loved-ones/*/memory-box/drawings';
    await page.route(drawings, async (route) => {
      tries += 1;
      if (tries > 1) return route.fallback();
      const answer = await route.fetch();
      expect(answer.status()).toBe(201);
      await route.abort('connectionreset');
    });
    await phones.context.setOffline(false);
    await waiting.waitFor({ state: 'detached' });
    await page.unroute(drawings);
    expect(tries).toBe(2);
    // Sent twice, kept once (the upload's Idempotency-Key), and labelled with Mia's name and age.
    const kept = await drawingsNow();
    expect(kept).toHaveLength(2);
    expect(kept.map((item) => item.byName)).toEqual(['Mia', 'Mia']);
    await expect.poll(() => box.locator('figcaption').count()).toBe(2);
    for (const caption of await box.locator('figcaption').all())
      expect(await caption.innerText()).toMatch(LABEL);
  });

  it('lets Mia write to Jack from one opening, with "Not today" there too', async () => {
    const box = page.getByRole('region', { name: 'Jack’s memory box' });
    await box.getByRole('button', { name: 'Write to Jack' }).click();
    await box.getByText('If you came back for five minutes, I would…').waitFor();
    await box.getByRole('button', { name: 'Not today' }).waitFor();
    await a11y(page, 'child mode, writing a letter');
    await box.getByLabel('Carry on from here').fill(LETTER);
    await box.getByRole('button', { name: 'Put it in the memory box' }).click();
    await box.getByText(LETTER).waitFor();
    const words = await page.locator('main').innerText();
    expect(words).not.toMatch(/\b(lost|sleeping|star|points?|streak|well done|forgot)\b/i);
  });

  it('lets Mia record a voice note for Jack, measured by the server', async () => {
    // The phone's microphone is a steady tone here (no real microphone in a test browser); the
    // recording itself is Chromium's own MediaRecorder, sent and measured as any phone's would be.
    await page.evaluate(`
      navigator.mediaDevices.getUserMedia = async () => {
        const context = new AudioContext();
        const tone = context.createOscillator();
        const out = context.createMediaStreamDestination();
        tone.connect(out);
        tone.start();
        return out.stream;
      };
    `);
    const box = page.getByRole('region', { name: 'Jack’s memory box' });
    await box.getByRole('button', { name: 'Say something to Jack' }).click();
    await box.getByText('You can say something to Jack, for up to 3 minutes.').waitFor();
    await box.getByRole('button', { name: 'Not today' }).waitFor();
    await box.getByRole('button', { name: 'Start recording' }).click();
    await box.getByRole('button', { name: 'Stop' }).waitFor();
    await page.waitForTimeout(2_200); // a recording needs time to happen
    await box.getByRole('button', { name: 'Stop' }).click();
    await box.getByLabel('Your voice note').waitFor();
    await a11y(page, 'child mode, a voice note recorded');
    await box.getByRole('button', { name: 'Put it in the memory box' }).click();
    const player = box.getByRole('list').getByLabel(/^Voice note from Mia, [23] seconds$/);
    await player.waitFor();
    const src = await player.getAttribute('src');
    const sound = await page.request.get(src!);
    expect(sound.status()).toBe(200);
    expect(sound.headers()['content-type']).toBe('audio/webm');
  });

  it('is left by Olive with the PIN', async () => {
    await page.getByRole('button', { name: 'For a grown-up: leave child mode' }).click();
    const leave = page.getByRole('region', { name: 'Leave child mode' });
    await leave.getByLabel('PIN').fill(PIN);
    await leave.getByRole('button', { name: 'Leave child mode' }).click();
    await heading(page, 'Hello, Olive').waitFor();
  });
});

describe('the family’s memory box', () => {
  it('shows Olive the drawing and the letter; she keeps the letter for the parents', async () => {
    await page.goto(jackPath);
    await page.getByRole('link', { name: 'See the children’s drawings and letters for Jack' }).click();
    await heading(page, 'Jack’s memory box').waitFor();
    const drawings = page.getByRole('region', { name: 'Drawings' });
    expect(await drawings.locator('figcaption').first().innerText()).toMatch(LABEL);
    const letters = page.getByRole('region', { name: 'Letters' });
    await letters.getByText(LETTER).waitFor();
    await a11y(page, 'memory box page');
    await letters.getByRole('button', { name: 'Keep this letter for the parents' }).click();
    await letters.getByText(/Only the parents see this/).waitFor();
    await letters.getByRole('button', { name: 'Share this letter with the family' }).waitFor();
    await a11y(page, 'memory box page, a letter kept for the parents');
  });

  it('shows Sam the drawing but not the letter kept for the parents', async () => {
    await sam.goto(`${jackPath}/memory-box`);
    await heading(sam, 'Jack’s memory box').waitFor();
    const caption = sam.getByRole('region', { name: 'Drawings' }).locator('figcaption').first();
    expect(await caption.innerText()).toMatch(LABEL);
    expect(await sam.getByText(LETTER).count()).toBe(0);
    expect(await sam.getByRole('button', { name: /Keep this|Remove/ }).count()).toBe(0);
    const fromServer = await sam.request.get('/api/memory-box');
    expect(fromServer.status()).toBe(200);
    expect(await fromServer.text()).not.toContain(LETTER);
    await a11y(sam, 'memory box page, as a teen');
  });
});

describe('deleting Jack’s profile', () => {
  it('says first what goes with it, and the family’s room goes down', async () => {
    await page.goto('/settings');
    const room = page.getByRole('region', { name: 'Room for photos and recordings' });
    const taken = room.getByText(
      /^Photos, drawings and voice notes take [\d.,]+ MB of your family’s [\d,]+ MB\.$/,
    );
    await taken.waitFor();
    expect(await taken.innerText()).not.toMatch(/take 0 MB/);

    await page.goto(jackPath);
    await page.getByRole('button', { name: "Delete Jack's profile" }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog
      .getByText("It also removes 2 drawings, 1 letter and 1 voice note from Jack's memory box", {
        exact: false,
      })
      .waitFor();
    await a11y(page, 'deleting Jack, what goes with him said first');
    await dialog.getByRole('button', { name: "Delete Jack's profile" }).click();
    await page.waitForURL('**/loved-ones');

    await page.goto('/settings');
    await room
      .getByText('Photos, drawings and voice notes take 0 MB of your family’s', { exact: false })
      .waitFor();
    const box = (await (await page.request.get('/api/memory-box')).json()) as { items: unknown[] };
    expect(box.items).toEqual([]);
  });
});
