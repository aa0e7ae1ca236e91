import type { Browser, BrowserContext, Page } from 'playwright-core';

// What each page in a journey did lately — its console errors, uncaught errors, failed requests and
// the answers it was given — kept so a failed step can say what every open phone was doing, not
// only the first one's picture. A flaky step is understood from this, never from a guess.

const KEEP = 60;
const logs = new WeakMap<Page, string[]>();
const started = Date.now();

const stamp = () => `+${((Date.now() - started) / 1000).toFixed(1)}s`;

function note(page: Page, line: string): void {
  const log = logs.get(page);
  if (!log) return;
  log.push(`${stamp()} ${line}`);
  if (log.length > KEEP) log.shift();
}

function watchPage(page: Page): void {
  if (logs.has(page)) return;
  logs.set(page, []);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      note(page, `console.${message.type()}: ${message.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => note(page, `uncaught: ${error.message.slice(0, 300)}`));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) note(page, `navigated to ${frame.url()}`);
  });
  page.on('requestfailed', (request) =>
    note(page, `FAILED ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    // The app's own files answering as they should would crowd out what matters.
    if (response.ok() && new URL(response.url()).pathname.startsWith('/assets/')) return;
    const request = response.request();
    const timing = request.timing();
    const ms = timing.responseEnd > 0 ? ` ${Math.round(timing.responseEnd)}ms` : '';
    const via = response.fromServiceWorker() ? ' (service worker)' : '';
    note(page, `${response.status()} ${request.method()} ${response.url()}${ms}${via}`);
  });
}

/** Keeps a log for every page this phone opens from now on. */
export function watchPhone(context: BrowserContext): void {
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
}

/**
 * Every open page in the browser: its address, a picture (saved where `shot` says), its words and
 * what it did lately.
 */
export async function describeEveryPage(browser: Browser, shot: (index: number) => string): Promise<string> {
  const parts: string[] = [];
  let index = 0;
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      index += 1;
      const path = shot(index);
      await page.screenshot({ path, fullPage: true, timeout: 10_000 }).catch(() => undefined);
      const text = await page
        .locator('body')
        .innerText({ timeout: 5_000 })
        .catch(() => '(no page text)');
      const log = logs.get(page) ?? ['(not watched)'];
      parts.push(
        `--- phone page ${index} at ${page.url()} (screenshot: ${path})\n${text}\n--- what it did lately:\n${log.join('\n')}`,
      );
    }
  }
  return parts.join('\n\n');
}
