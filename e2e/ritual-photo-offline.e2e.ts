import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegWithGps } from '../src/server/test/images.js';
import {
  addJack,
  addTravellingKeepsake,
  choose,
  clocksAt,
  dayFromToday,
  heading,
  nav,
  planFlights,
  signUp,
  useJourney,
} from './steps.js';

// Issue 12's "done when", on a phone (390×844): the family arrives in Madrid on the day of the
// flight (the test clock), sees "Set out a glass of water for Jack", loses signal, marks it done
// with a photo taken there (a real JPEG carrying GPS, as a phone's camera writes it), gets signal
// back, and finds the photo by choosing Madrid on the map of "Places Jack has been". The photo the server hands back
// holds no location, read with exifr; the family has that one photo, once, even though the first
// answer to its upload was lost on the way back. axe on every page.

// A small room for photos (1 MB), so the last step can fill it.
const j = useJourney({ env: { MEDIA_QUOTA_MB: '1' } });
const TRIP = 'Jack to Madrid';
const WATER = 'Set out a glass of water for Jack';

describe('a ritual photo taken offline', () => {
  it('adds "Water for Jack" for whenever the family arrives, and a flight to Madrid', async () => {
    const { page } = j;
    await signUp(page, {
      name: 'Rosa',
      email: 'rosa.photos@example.org',
      password: 'water wherever we arrive',
      family: 'The Moreno family',
    });
    await addJack(page);
    await addTravellingKeepsake(page, "Jack's box of ashes", 'Wood');
    const rituals = page.getByRole('region', { name: 'Rituals' });
    await rituals.getByRole('button', { name: 'Add a ritual' }).click();
    await page.getByLabel('What you call it').fill('Water for Jack');
    await page.getByLabel('What you do').fill(WATER);
    await page.getByRole('radio', { name: 'When we arrive somewhere on a trip' }).check();
    await page.getByRole('button', { name: 'Add the ritual' }).click();
    await rituals.getByRole('heading', { name: 'Water for Jack' }).waitFor();
    await rituals.getByRole('button', { name: 'Add a ritual' }).click();
    await page.getByLabel('What you call it').fill('A stone for Jack');
    await page.getByLabel('What you do').fill('Pick up a small stone for Jack’s shelf');
    await page.getByRole('radio', { name: 'When we arrive somewhere on a trip' }).check();
    await page.getByRole('button', { name: 'Add the ritual' }).click();
    await rituals.getByRole('heading', { name: 'A stone for Jack' }).waitFor();

    await planFlights(page, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'British Airways', option: 'British Airways (BA)' },
      homeZone: 'Europe/London',
    });
    await page.getByRole('link', { name: /^Edit United Kingdom to Spain/ }).click();
    await heading(page, 'Edit departure').waitFor();
    await choose(page, page.getByRole('combobox', { name: /Arriving at/ }), 'Madr', 'Madrid');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await heading(page, TRIP).waitFor();
  });

  it('arrives in Madrid on the day and sees the ritual card', async () => {
    const { page } = j;
    // The flight left London at 09:30 two days from now; it is early afternoon in Madrid.
    await clocksAt(j, `${dayFromToday(2)}T13:00:00.000Z`);
    await heading(page, TRIP).waitFor();
    await page.getByRole('button', { name: 'We’ve arrived' }).click();
    const card = page.getByRole('article', { name: 'Water for Jack' });
    await card.getByText(WATER).waitFor();
    await j.a11y('trip page in Madrid with the ritual card');
  });

  it('marks it done with a photo while offline: kept on the phone, calmly', async () => {
    const { page, context } = j;
    const photo = await jpegWithGps(1200, 900);
    // The fixture really carries where it was taken, so the check at the end can fail.
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(40.4167, 3) as number });

    await context.setOffline(true);
    const card = page.getByRole('article', { name: 'Water for Jack' });
    await card.getByRole('button', { name: 'Done' }).click();
    await card.getByLabel('Who took part').fill('The children set out the water');
    // A file that is not a photo is refused kindly, before anything is kept.
    await card.getByLabel(/Add a photo/).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a photo'),
    });
    await card.getByText('That file isn’t a photo Alongside can keep.', { exact: false }).waitFor();
    await card.getByLabel(/Add a photo/).setInputFiles({
      name: 'IMG_0412.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    const preview = card.getByRole('img', { name: 'The photo you chose for Water for Jack' });
    await preview.waitFor();
    // Taken back out, and chosen again.
    await card.getByRole('button', { name: 'Remove the photo' }).click();
    await preview.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('type')")).toBe('file');
    await card
      .getByLabel(/Add a photo/)
      .setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: photo });
    await preview.waitFor();
    await j.a11y('marking the ritual done with a photo, offline');
    await card.getByRole('button', { name: 'Save' }).click();

    await card.getByText('Kept on this phone. It will be sent when you’re back online.').waitFor();
    await page.getByText('Waiting to send 1 photo — it’s safe on this phone.').waitFor();
    await j.a11y('the ritual kept on the phone, offline');
  });

  it('sends the photo and the mark once signal returns, once, though the first answer is lost', async () => {
    const { page, context } = j;
    // Signal comes back weak: the photo reaches the server, but its answer never reaches the phone.
    let uploads = 0;
    await page.route('**/api/media', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      uploads += 1;
      if (uploads > 1) return route.fallback();
      const answer = await route.fetch();
      expect(answer.status()).toBe(201);
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await page.getByRole('article', { name: 'Water for Jack' }).waitFor({ state: 'detached' });
    await page.unroute('**/api/media');
    expect(uploads).toBe(2);
    await page.getByText('Waiting to send 1 photo', { exact: false }).waitFor({ state: 'detached' });
    // Sent twice, kept once (the upload's Idempotency-Key), and the mark names it.
    const media = (await (await page.request.get('/api/media')).json()) as { media: { id: string }[] };
    expect(media.media).toHaveLength(1);
  });

  it('finds the photo by choosing Madrid on the places map, with no location in it', async () => {
    const { page } = j;
    await nav(page, 'Loved ones').click();
    await page.getByRole('link', { name: /Jack/ }).first().click();
    await heading(page, 'Jack').waitFor();
    await page.getByRole('link', { name: /See the map of places Jack/ }).click();
    await heading(page, 'Places Jack has been').waitFor();
    await page.getByRole('img', { name: /a pin at Madrid/ }).waitFor();

    // Madrid's pin on the map is a button, chosen here with the keyboard; its panel opens and is read.
    const pin = page.getByRole('button', { name: /^Madrid, .*Spain$/ });
    await pin.focus();
    await page.keyboard.press('Enter');
    const madrid = page.getByRole('region', { name: /^Madrid, .*Spain$/ });
    await madrid.waitFor();
    await expect.poll(() => page.evaluate('document.activeElement?.tagName')).toBe('H3');
    expect(await pin.getAttribute('aria-expanded')).toBe('true');
    await madrid.getByRole('link', { name: TRIP }).waitFor();
    await madrid.getByRole('link', { name: 'Water for Jack', exact: true }).waitFor();
    await madrid.getByText('The children set out the water').waitFor();
    const thumbnail = madrid.getByRole('img', { name: 'A photo from Water for Jack' });
    await thumbnail.waitFor();
    // Drawn on the page (decoded), not a broken image.
    await expect
      .poll(() => thumbnail.evaluate((img) => Number(Reflect.get(img, 'naturalWidth'))))
      .toBeGreaterThan(0);
    await j.a11y('places map with Madrid chosen, its ritual and photo');

    // The list beside the map says the same.
    const spain = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Spain' }) });
    const listed = spain.getByRole('listitem').filter({ has: page.getByText('Madrid', { exact: true }) });
    await listed.getByRole('img', { name: 'A photo from Water for Jack' }).waitFor();

    // The photo as served: the family's alone, and nothing of where it was taken.
    const full = await madrid.getByRole('link', { name: 'A photo from Water for Jack' }).getAttribute('href');
    // Closing the panel gives the focus back to Madrid's pin.
    await madrid.getByRole('button', { name: 'Close Madrid' }).click();
    await madrid.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate("document.activeElement?.getAttribute('aria-expanded')"))
      .toBe('false');
    const served = await page.request.get(full!);
    expect(served.status()).toBe(200);
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    expect(served.headers()['content-disposition']).toMatch(/^inline; filename="photo-full\.jpg"$/);
    const bytes = await served.body();
    expect(await exifr.gps(bytes)).toBeUndefined();
    const tags = (await exifr.parse(bytes, { gps: true, xmp: true, iptc: true, tiff: true })) as
      Record<string, unknown> | undefined;
    expect(Object.keys(tags ?? {}).filter((key) => /GPS|Make|Model/.test(key))).toEqual([]);
  });
});

describe('a photo the family has no room for', () => {
  it('saves the ritual without it, says why, and keeps the photo on the phone', async () => {
    const { page, context } = j;
    // Noise does not compress: kept, this photo takes more than the family's 1 MB.
    const pixels = Buffer.alloc(2000 * 1500 * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(Math.random() * 256);
    const noisy = await sharp(pixels, { raw: { width: 2000, height: 1500, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();

    await nav(page, 'Home').click();
    const card = page.getByRole('article', { name: 'A stone for Jack' });
    await card.waitFor();
    await context.setOffline(true);
    await card.getByRole('button', { name: 'Done' }).click();
    await card.getByLabel('A line to keep').fill('A grey one from the river');
    await card
      .getByLabel(/Add a photo/)
      .setInputFiles({ name: 'IMG_0413.jpg', mimeType: 'image/jpeg', buffer: noisy });
    await card.getByRole('img', { name: 'The photo you chose for A stone for Jack' }).waitFor();
    await card.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Waiting to send 1 photo — it’s safe on this phone.').waitFor();

    await context.setOffline(false);
    await card.waitFor({ state: 'detached' });
    const refused = page.getByText(
      /One photo could not be kept: Your family's room for photos is full \(1 MB\)\./,
    );
    await refused.waitFor();
    await page
      .getByText('The ritual was saved without it; the photo is still on this phone.', { exact: false })
      .waitFor();
    await j.a11y('a photo the family has no room for');

    // Nothing saved before is lost: the water's photo is still there, and the stone's line is kept.
    const media = (await (await page.request.get('/api/media')).json()) as { media: { id: string }[] };
    expect(media.media).toHaveLength(1);
    expect((await page.request.get(`/api/media/${media.media[0]!.id}/thumbnail`)).status()).toBe(200);
    await page.getByRole('button', { name: 'Take it off this phone' }).click();
    await refused.waitFor({ state: 'detached' });
    await nav(page, 'Loved ones').click();
    await page.getByRole('link', { name: /Jack/ }).first().click();
    await page.getByRole('button', { name: 'What we have done' }).click();
    const done = page.getByRole('region', { name: 'What we have done for Jack' });
    await done.getByText('A grey one from the river').waitFor();
    await done.getByRole('img', { name: "A photo from Jack's ritual" }).waitFor();
    expect(await done.getByRole('img').count()).toBe(1);
  });
});
