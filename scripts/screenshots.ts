import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { seedTravelDay, startBuiltApp } from '../bench/travel-day.js';
import { CHROMIUM_ARGS } from '../e2e/harness.js';

// The screenshots in docs/: a family's trip page and Home on the day of travel, on a 390×844 phone,
// light and dark, as Debian's Chromium draws the built app. Run with `npm run docs:screenshots`
// after changing how those pages look, and commit the images with the change.

const ZONE = 'Europe/London';
const out = fileURLToPath(new URL('../docs/screenshots', import.meta.url));

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const app = await startBuiltApp('alongside-screenshots-');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const { tripId, cookie } = await seedTravelDay(app.base, ZONE);
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        locale: 'en-GB',
        timezoneId: ZONE,
        colorScheme,
      });
      await context.addCookies(
        cookie.split('; ').map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: app.base };
        }),
      );
      const page = await context.newPage();
      for (const [name, path] of [
        ['trip', `/trips/${tripId}`],
        ['home', '/'],
      ] as const) {
        await page.goto(`${app.base}${path}`);
        await page
          .getByRole('button', { name: /^I have / })
          .first()
          .waitFor({ timeout: 60_000 });
        const file = join(out, `travel-day-${name}-${colorScheme}.png`);
        await page.screenshot({ path: file });
        process.stdout.write(`${file}\n`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();
