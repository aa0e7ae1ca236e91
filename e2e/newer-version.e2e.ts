import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './harness.js';
import { heading, phoneWithoutServiceWorker, useJourney } from './steps.js';

// An installed app stays open for days; Alongside may be updated meanwhile, and the server then
// answers by newer contracts (a kind of paper this page does not know yet, say). The page must not
// say "something went wrong": it says it was updated and offers to reload. The server here is real;
// only the trips list's answer is changed on its way, as a newer server's might be, and names other
// contracts (the header every answer carries). The service worker is blocked so the change is the
// answer the page reads.

const j = useJourney();
const UPDATED = 'Alongside has been updated.';

let context: BrowserContext;
let page: Page;

afterAll(async () => {
  await context?.close();
});

describe('a page older than the server', () => {
  it('signs up in a browser without the service worker', async () => {
    ({ context, page } = await phoneWithoutServiceWorker(j, {
      name: 'Anna',
      email: 'anna.newer@example.org',
      password: 'a quiet walk by the sea',
      family: 'The Carters',
    }));
  });

  it('says it was updated and offers to reload, rather than that something went wrong', async () => {
    await page.route(/\/api\/trips$/, async (route) => {
      const real = await route.fetch();
      const body = (await real.json()) as Record<string, unknown>;
      await route.fulfill({
        response: real,
        headers: { ...real.headers(), 'alongside-contracts': 'a-newer-server' },
        json: { ...body, trips: [{ id: 'a trip as a newer version describes it' }] },
      });
    });
    // Opened afresh (as an installed app is, from the home screen), so the list is asked for.
    await page.goto('/trips');
    await page.getByText(UPDATED).waitFor();
    await page.getByText('Part of this page needs the new version.').waitFor();
    await expect(page.getByText('Something went wrong on our side').count()).resolves.toBe(0);
    await expectNoSeriousA11yViolations(page, 'a page older than the server');

    // The new version is here (in this test, the server's own answer again): reloading shows it.
    await page.unroute(/\/api\/trips$/);
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await heading(page, 'Trips').waitFor();
    await page.getByText(UPDATED).waitFor({ state: 'detached' });
  });
});
