import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, startServer, expectNoSeriousA11yViolations, type RunningServer } from './harness.js';
import {
  addJack,
  addTravellingKeepsake,
  dayFromToday,
  heading,
  planFlights,
  signUp,
  TIME,
  useJourney,
} from './steps.js';

// Issue 13's "done when": Olive exports her family, with a photo, on one Alongside (Settings → Your
// family's data), downloads the zip, and imports it on a second Alongside (another server, another
// database), where she finds the same trip, the keepsake check confirmed by her, the family's own day
// and the photo, byte for byte; Sam, who joined her family on the first, has no account on the
// second, so Olive makes his invite from the finished import. axe checks the page at each step.

const j = useJourney({ env: { JOB_POLL_MS: '200' } });
const OLIVE = {
  name: 'Olive',
  email: 'olive.archive@example.org',
  password: 'everything we keep is ours',
  family: 'The Hart family',
};
const TRIP = 'Summer by the sea';
let second: RunningServer;
let there: Page;
let zipPath: string;
let photo: Buffer;
/** The trip's id on the first Alongside (the second gives it a new one). */
let tripOnFirst: string;

beforeAll(async () => {
  second = await startServer({ env: { JOB_POLL_MS: '200' } });
});
afterAll(async () => {
  await there?.context().close();
  await second?.stop();
});

/** A request from the page's own session (its cookie, and the CSRF token of /api/session). */
async function api(page: Page, method: 'POST' | 'GET', path: string, body?: Buffer | object, type?: string) {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const answer = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': session.csrfToken, ...(type && { 'content-type': type }) },
    ...(body !== undefined && { data: body }),
  });
  expect(answer.status(), `${method} ${path}: ${await answer.text()}`).toBeLessThan(300);
  return answer;
}

describe('a family taken from one Alongside to another', () => {
  it('Olive keeps Jack, a trip with his box confirmed, a day of their own and a photo', async () => {
    const { page } = j;
    await signUp(page, OLIVE);
    await addJack(page);
    await addTravellingKeepsake(page, "Jack's box of ashes", 'Wood');
    const tripId = await planFlights(page, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'British', option: 'British Airways (BA)' },
      homeZone: 'Europe/London',
    });
    tripOnFirst = tripId;
    const trip = (await (await api(page, 'GET', `/api/trips/${tripId}`)).json()) as {
      travellers: Array<{ id: string }>;
      keepsakes: Array<{ id: string }>;
      legs: Array<{ checks: Array<{ id: string }> }>;
    };
    await api(page, 'POST', `/api/leg-checks/${trip.legs[0]!.checks[0]!.id}/confirmations`, {
      travellerId: trip.travellers[0]!.id,
      tripKeepsakeIds: [trip.keepsakes[0]!.id],
    });
    await api(page, 'POST', '/api/remembrance/days', {
      title: 'The day we planted his tree',
      date: dayFromToday(20),
      recurrence: 'yearly',
    });
    photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#7aa6c2' } })
      .jpeg()
      .toBuffer();
    await api(page, 'POST', '/api/media', photo, 'image/jpeg');

    // Sam joins the family here by the link Olive made for him.
    const invite = (await (
      await api(page, 'POST', '/api/family/invites', {
        role: 'adult',
        forName: 'Sam',
        maxUses: 1,
        expiresInDays: 14,
      })
    ).json()) as { link: string };
    const samPhone = await newPhone(j.context.browser()!, new URL(page.url()).origin);
    const sam = await samPhone.newPage();
    const url = new URL(invite.link);
    await sam.goto(`${url.pathname}${url.hash}`);
    await sam.getByLabel('Your name').fill('Sam');
    await sam.getByLabel('E-mail address', { exact: true }).fill('sam.archive@example.org');
    await sam.getByLabel('Password', { exact: true }).fill('we carry him together');
    await sam.getByRole('button', { name: 'Join the family' }).click();
    await sam.getByRole('link', { name: /Jack/ }).first().waitFor();
    await samPhone.close();
  });

  it('asks for the archive in Settings, watches it made, and downloads it once', async () => {
    const { page } = j;
    await page.goto('/settings');
    await heading(page, 'Settings').waitFor();
    await page.getByRole('link', { name: 'Your family’s data' }).click();
    await heading(page, 'Your family’s data').waitFor();
    await j.a11y('Your family’s data, before an archive');
    await page.getByRole('button', { name: `Make an archive of ${OLIVE.family}` }).click();
    const download = page.getByRole('button', { name: 'Download the archive' });
    await download.waitFor();
    await page.getByText(/Ready: a zip of [\d.]+ MB, kept until/).waitFor();
    await j.a11y('Your family’s data, with a ready archive');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    zipPath = join(mkdtempSync(join(tmpdir(), 'alongside-archive-')), 'archive.zip');
    await file.saveAs(zipPath);
    expect(readFileSync(zipPath).subarray(0, 2).toString()).toBe('PK');
  });

  it('brings it into a second Alongside as a new family, Olive its owner', async () => {
    const context = await newPhone(j.context.browser()!, second.url);
    there = await context.newPage();
    await signUp(there, { ...OLIVE, family: 'Olive at home' });
    await there.goto('/settings/data');
    await heading(there, 'Your family’s data').waitFor();
    await there.getByLabel('The archive (a .zip file)').setInputFiles(zipPath);
    await there.getByRole('button', { name: 'Import the family' }).click();
    await there.getByText(`${OLIVE.family} is here`).waitFor();
    await expectNoSeriousA11yViolations(there, 'Your family’s data, after an import');
    await there.getByRole('button', { name: `Open ${OLIVE.family}` }).click();
    await expect
      .poll(
        async () =>
          ((await (await there.request.get('/api/session')).json()) as { family: { name: string } }).family
            .name,
      )
      .toBe(OLIVE.family);
  });

  it('finds the same trip, the check confirmed by Olive, their day and the photo', async () => {
    await there.goto('/trips');
    await heading(there, 'Trips').waitFor();
    await there
      .getByRole('link', { name: new RegExp(TRIP) })
      .first()
      .click();
    await heading(there, TRIP).waitFor();
    // The same words as on the first Alongside: who confirmed Jack's box, and when.
    const confirmed = there.locator('.confirmations li').first();
    await confirmed.getByText(new RegExp(`by Olive ${TIME.source}`)).waitFor();
    await j.page.goto(`/trips/${tripOnFirst}`);
    await heading(j.page, TRIP).waitFor();
    expect(await confirmed.innerText()).toBe(await j.page.locator('.confirmations li').first().innerText());
    await expectNoSeriousA11yViolations(there, 'The imported trip');
    const calendar = await (
      await api(there, 'GET', `/api/calendar?from=${dayFromToday(0)}&to=${dayFromToday(40)}`)
    ).text();
    expect(calendar).toContain('The day we planted his tree');
    const media = (await (await api(there, 'GET', '/api/media')).json()) as { media: Array<{ url: string }> };
    expect(media.media).toHaveLength(1);
    const bytes = await (await api(there, 'GET', media.media[0]!.url)).body();
    expect(bytes.equals(photo)).toBe(false); // the server re-encoded the upload on the first Alongside…
    const original = (await (await api(j.page, 'GET', '/api/media')).json()) as {
      media: Array<{ url: string }>;
    };
    const kept = await (await api(j.page, 'GET', original.media[0]!.url)).body();
    expect(bytes.equals(kept)).toBe(true); // …and the second keeps exactly what the first kept.
  });

  it('makes Sam’s invite from the finished import, a link and a code to send him', async () => {
    await there.goto('/settings/data');
    await heading(there, 'Your family’s data').waitFor();
    await there.getByRole('button', { name: 'Make Sam’s invite' }).click();
    const link = await there.getByLabel('Link for Sam').inputValue();
    expect(link).toMatch(/\/join#token=[A-Za-z0-9_-]{43}$/);
    expect(await there.getByLabel('Code for Sam').inputValue()).not.toBe('');
    await expectNoSeriousA11yViolations(there, 'Your family’s data, with Sam’s invite');
    // The invite is the new family's, for Sam, as an adult: the second Alongside's own.
    const invites = (await (await api(there, 'GET', '/api/family/invites')).json()) as {
      invites: Array<{ forName: string | null; role: string }>;
    };
    expect(invites.invites.map((i) => [i.forName, i.role])).toEqual([['Sam', 'adult']]);
  });
});
