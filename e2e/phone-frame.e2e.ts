import { describe, expect, it } from 'vitest';
import { dayFromToday, heading, nav, signUp, tripNav, useJourney, waitForServiceWorker } from './steps.js';

// The app on a phone (390×844), as an installed app: the five places in a tab bar at the foot of
// the screen, one compact header, and a trip's sections in one row that never wraps. And with no
// signal, a page never opened on this phone says so kindly, pointing to the trips that are kept.

const j = useJourney();
const PHONE = { width: 390, height: 844 };
const TRIP = 'Ashes to the lake at Bled';

describe('the app on a phone', () => {
  it('puts the five places in a tab bar at the foot of the screen, under one compact header', async () => {
    const { page } = j;
    await page.setViewportSize(PHONE);
    await signUp(page, {
      name: 'Nadia',
      email: 'nadia.phone@example.org',
      password: 'the lake in the morning',
      family: 'The Horvats',
    });
    const bar = page.getByRole('navigation', { name: 'Main' });
    expect(await page.getByRole('navigation', { name: 'Main' }).count(), 'one landmark named Main').toBe(1);
    const box = (await bar.boundingBox())!;
    expect(Math.round(box.y + box.height), 'the bar sits at the foot of the screen').toBe(PHONE.height);
    expect(box.width).toBe(PHONE.width);
    const links = bar.getByRole('link');
    expect(await links.count()).toBe(5);
    const tops = new Set<number>();
    for (const link of await links.all()) {
      const b = (await link.boundingBox())!;
      expect(b.height, 'a tab is at least 44 px tall').toBeGreaterThanOrEqual(44);
      expect(b.width, 'and 44 px wide').toBeGreaterThanOrEqual(44);
      tops.add(Math.round(b.y));
    }
    expect(tops.size, 'the five tabs are one row').toBe(1);
    expect(await nav(page, 'Home').getAttribute('aria-current')).toBe('page');
    // The header is one short row: the page's heading starts near the top of the screen.
    const h1 = (await heading(page, 'Hello, Nadia').boundingBox())!;
    expect(h1.y, 'the heading is high on the first screen').toBeLessThan(PHONE.height * 0.2);
    await j.a11y('home on a phone');
  });

  it("shows a trip's sections as one row that does not wrap, the open one in view", async () => {
    const { page } = j;
    await nav(page, 'Trips').click();
    await heading(page, 'Trips').waitFor();
    expect(await nav(page, 'Trips').getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Plan a trip' }).click();
    await page.getByLabel('Name of the trip').fill(TRIP);
    await page.getByLabel('First day').fill(dayFromToday(2));
    await page.getByLabel('Last day').fill(dayFromToday(5));
    await page.getByRole('button', { name: 'Plan this trip' }).click();
    await heading(page, TRIP).waitFor();

    const sections = page.getByRole('navigation', { name: 'This trip' }).getByRole('link');
    expect(await sections.count()).toBe(4);
    const tops = new Set<number>();
    for (const link of await sections.all()) tops.add(Math.round((await link.boundingBox())!.y));
    expect(tops.size, 'the four sections are one row').toBe(1);
    const row = (await page.getByRole('navigation', { name: 'This trip' }).boundingBox())!;
    expect(row.height, 'one row high').toBeLessThan(64);
    expect(row.y + row.height, 'the sections are on the first screen, above the tab bar').toBeLessThan(
      PHONE.height * 0.45,
    );
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBe(PHONE.width);
    await j.a11y('a trip on a phone');

    await tripNav(page, 'People and keepsakes').click();
    await expect.poll(() => tripNav(page, 'People and keepsakes').getAttribute('aria-current')).toBe('page');
    const open = (await tripNav(page, 'People and keepsakes').boundingBox())!;
    expect(open.x, 'the open section is in view').toBeGreaterThanOrEqual(0);
    expect(open.x + open.width, 'the open section is in view').toBeLessThanOrEqual(PHONE.width);
    await j.a11y('people and keepsakes on a phone');
  });

  it('offline, a page never opened on this phone says so and points to the trips kept here', async () => {
    const { page, context } = j;
    await tripNav(page, 'Journey and checks').click();
    await waitForServiceWorker(page);
    // Read once more through the service worker, so the trip is kept on this phone.
    await page.reload();
    await heading(page, TRIP).waitFor();
    await context.setOffline(true);
    try {
      await nav(page, 'Calendar').click();
      const note = page.getByText('You’re offline, and this page hasn’t been saved on this phone yet.');
      await note.waitFor();
      await page.getByText('Your trips are still here:').waitFor();
      await page.getByRole('link', { name: TRIP }).waitFor();
      await expect.poll(() => page.getByText('Loading the calendar…').count()).toBe(0);
      await j.a11y('the calendar offline, never opened');
      await page.getByRole('link', { name: TRIP }).click();
      await heading(page, TRIP).waitFor();
    } finally {
      await context.setOffline(false);
    }
  });
});
