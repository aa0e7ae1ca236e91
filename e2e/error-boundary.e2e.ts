import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './harness.js';
import { heading, nav, phoneWithoutServiceWorker, useJourney } from './steps.js';

// A page that fails to draw shows a calm note instead of a blank screen. The failure is real: the
// browser is handed a page module that throws while rendering (as a bug would), in place of the
// built one. The service worker is blocked in this browser, so the replaced module is the one used.

const j = useJourney();
const SOMETHING_WENT_WRONG = 'Something went wrong showing this page.';
const throwing = (name: string) =>
  `export function ${name}() { throw new Error('${name} could not be drawn'); }`;

let context: BrowserContext;
let page: Page;

afterAll(async () => {
  await context?.close();
});

describe('a page that fails to draw', () => {
  it('signs up in a browser without the service worker', async () => {
    ({ context, page } = await phoneWithoutServiceWorker(j, {
      name: 'Anna',
      email: 'anna.boundary@example.org',
      password: 'a quiet walk by the sea',
      family: 'The Carters',
    }));
  });

  it('shows the note inside the app’s frame, and the rest of the app still works', async () => {
    await page.route(/\/assets\/CalendarPage-[^/]+\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: throwing('CalendarPage') }),
    );
    await nav(page, 'Calendar').click();
    await heading(page, SOMETHING_WENT_WRONG).waitFor();
    expect(await page.title()).toBe('Something went wrong · Alongside');
    // The frame stays: the menu, the family's name, the reminders link.
    await expect(nav(page, 'Trips').isVisible()).resolves.toBe(true);
    await page.getByText('The Carters').waitFor();
    await page
      .getByText('It is not something you did. Please try again, or go back to the home page.')
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'a page that failed to draw');

    // Trying again draws it again (and it fails again, calmly).
    await page.getByRole('button', { name: 'Try again' }).click();
    await heading(page, SOMETHING_WENT_WRONG).waitFor();

    // Another page opens as usual.
    await nav(page, 'Trips').click();
    await heading(page, 'Trips').waitFor();
    await expect(page.getByText(SOMETHING_WENT_WRONG).count()).resolves.toBe(0);
    await page.unroute(/\/assets\/CalendarPage-[^/]+\.js$/);
  });

  it('offers the way home', async () => {
    await page.route(/\/assets\/TripsPage-[^/]+\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: throwing('TripsPage') }),
    );
    await page.goto('/trips');
    await heading(page, SOMETHING_WENT_WRONG).waitFor();
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText(SOMETHING_WENT_WRONG).waitFor({ state: 'detached' });
    await expect(nav(page, 'Home').getAttribute('aria-current')).resolves.toBe('page');
    await page.unroute(/\/assets\/TripsPage-[^/]+\.js$/);
  });

  it('catches a failure in the frame itself at the root, never a blank screen', async () => {
    // The offline banner is drawn by the frame, outside any page's own boundary.
    await page.route(/\/assets\/OfflineBanner-[^/]+\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: throwing('OfflineBanner') }),
    );
    await page.goto('/');
    await heading(page, SOMETHING_WENT_WRONG).waitFor();
    await page.getByRole('link', { name: 'Go to the home page' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the app frame that failed to draw');
    await page.unroute(/\/assets\/OfflineBanner-[^/]+\.js$/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await nav(page, 'Home').waitFor();
    await page.getByText(SOMETHING_WENT_WRONG).waitFor({ state: 'detached' });
  });
});
