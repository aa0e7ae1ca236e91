import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, expectNoA11yViolations, openBrowser } from './harness.js';
import { addJack, addTravellingKeepsake, asMember, planFlights, signUp, useJourney } from './steps.js';

// Every page of the app, checked with axe for anything moderate or worse (WCAG 2.2 AA and axe's
// best practices), as a family would see it: signed in with Jack, his keepsake and a trip, and
// signed out. The pages come from the app's own routes (every `<Route path="…">` under src/web),
// so a page added later is checked without anyone remembering to list it; a path with a part this
// file cannot fill fails, asking for it to be added below.

const WEB = join(import.meta.dirname, '..', 'src', 'web');

function routePaths(): string[] {
  const paths = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.tsx'))
        for (const match of readFileSync(full, 'utf8').matchAll(/<Route\s+path="([^"]+)"/g))
          if (match[1] !== '*') paths.add(match[1]!);
    }
  };
  walk(WEB);
  return [...paths].sort();
}

/** A page is ready once its heading is there and nothing on it is still loading. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.locator('.loading, [aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/**
 * Opens a page and checks it with axe, unless the app sent the browser on to a page already
 * checked in this run (a signed-out visitor asking for the calendar is shown the sign-in page).
 */
async function check(page: Page, address: string, where: string, seen: Set<string>): Promise<void> {
  await page.goto(address);
  await settled(page);
  const landed = new URL(page.url()).pathname;
  if (landed !== new URL(address, page.url()).pathname && seen.has(landed)) return;
  seen.add(landed);
  await expectNoA11yViolations(page, where, 'moderate');
}

describe('every page, with axe', () => {
  const j = useJourney();
  const values: Record<string, string> = {};
  const paths = routePaths();

  it('finds the app’s pages in its routes', () => {
    // The signed-out pages, the family's and a trip's: far fewer would mean the search broke.
    expect(paths.length).toBeGreaterThanOrEqual(30);
    expect(paths).toContain('/trips/:tripId/carry');
    expect(paths).toContain('/sign-in');
  });

  it('sets up a family with Jack, his keepsake and a trip', async () => {
    const { page } = j;
    await signUp(page, {
      name: 'Sam',
      email: 'sam@example.org',
      password: 'a long pass phrase 42',
      family: 'The Rivera family',
    });
    await addJack(page);
    values.lovedOneId = /\/loved-ones\/([^/?#]+)/.exec(page.url())![1]!;
    const made = (await asMember(page, '/api/tributes', {
      json: { lovedOneId: values.lovedOneId, background: 'sea', wording: 'dates', forDate: '2026-03-14' },
    })) as { tribute: { id: string } };
    values.tributeId = made.tribute.id;
    await addTravellingKeepsake(page, "Jack's box", 'Wood');
    const keepsakeEdit = await page
      .locator('a[href*="/keepsakes/"][href$="/edit"]')
      .first()
      .getAttribute('href');
    values.keepsakeId = /\/keepsakes\/([^/]+)\/edit/.exec(keepsakeEdit ?? '')![1]!;
    values.tripId = await planFlights(page, {
      name: 'Summer in Spain',
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'British Airways', option: 'British Airways (BA)' },
      homeZone: 'Europe/Madrid',
    });
    const legEdit = await page.locator('a[href*="/legs/"][href$="/edit"]').first().getAttribute('href');
    values.legId = /\/legs\/([^/]+)\/edit/.exec(legEdit ?? '')![1]!;
    // A letter in Jack's journal (its edit page), and one of Jack's days across the years.
    await page.goto(`/loved-ones/${values.lovedOneId}/journal/new`);
    await page.getByLabel('Your letter').fill('Dear Jack, the sea was calm today.');
    await page.getByRole('button', { name: 'Save' }).click();
    const entryEdit = await page.locator('a[href*="/journal/"][href$="/edit"]').first().getAttribute('href');
    values.entryId = /\/journal\/([^/]+)\/edit/.exec(entryEdit ?? '')![1]!;
    await page.goto(`/loved-ones/${values.lovedOneId}/across-years`);
    const day = page.locator('a[href*="/across-years/"]').first();
    await expect
      .poll(async () => {
        await page.reload();
        await page.locator('h1').first().waitFor();
        return day.count();
      })
      .toBeGreaterThan(0);
    values.dayId = /\/across-years\/([^/]+)$/.exec((await day.getAttribute('href')) ?? '')![1]!;
  });

  const fill = (path: string) =>
    path.replace(/:(\w+)/g, (_, name: string) => {
      const value = values[name];
      if (!value) throw new Error(`No value for ":${name}" in ${path}: add one to e2e/every-page.e2e.ts.`);
      return value;
    });

  const seenSignedIn = new Set<string>();
  const seenSignedOut = new Set<string>();
  // One step per page, so each has its own time and a failure names its page.
  for (const path of paths)
    it(`shows ${path} to the signed-in family with nothing moderate or worse`, async () => {
      await check(j.page, fill(path), `${path} (signed in)`, seenSignedIn);
    });

  describe('without a signed-in session', () => {
    let visitor: BrowserSession | undefined;
    beforeAll(async () => {
      visitor = await openBrowser(j.server.url);
    });
    afterAll(async () => {
      await visitor?.close();
    });
    // Pages behind a sign-in send a visitor to it, so those with an id are not asked for again.
    for (const path of paths.filter((p) => !p.includes(':')))
      it(`shows ${path} with nothing moderate or worse`, async () => {
        await check(visitor!.page, path, `${path} (signed out)`, seenSignedOut);
      });
  });
});
