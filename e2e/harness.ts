import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { watchPhone } from './page-log.js';

// The browser journeys' harness: the real server as a child process on a fresh data folder, Debian's
// Chromium through playwright-core (never a downloaded browser), and an axe check for every page.

const root = fileURLToPath(new URL('..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The test runner builds the web app first; a lone run of this project builds it when missing. */
export function ensureWebBuilt(): void {
  if (existsSync(join(root, 'dist/web/index.html'))) return;
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('Building the web app (vite build) failed; see the output above.');
}

export interface RunningServer {
  url: string;
  /** The server's last lines of output (its request log among them), for a failed step's report. */
  recentOutput(): string;
  /** Moves the server's clock (e.g. to the day of travel) and lets it run on from there; null: back to now. */
  setClock(iso: string | null): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx src/server/main.ts` on a free port and waits for its "ready" line.
 * `env` adds settings (e.g. SMTP_URL for a journey that reads its e-mail).
 */
export async function startServer(options: { env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alongside-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Each request's line (with how long it took) is kept in memory, the last few shown when a step
    // fails; nothing is printed otherwise.
    LOG_LEVEL: 'info',
    // The settable clock exists only in a test configuration (config.ts refuses it otherwise).
    NODE_ENV: 'test',
    TEST_CLOCK: 'on',
  };
  delete env.BASE_URL;
  delete env.DATABASE_URL;
  Object.assign(env, options.env);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error('The server did not say it was ready within 60 s.')),
      60_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- server output ---\n${output}`));
    };
    let ready = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready) return;
      const match = /Alongside is ready at (\S+)/.exec(output);
      if (match?.[1]) {
        ready = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      fail(new Error(`The server stopped before it was ready (exit code ${code}).`)),
    );
  });
  // Keep reading so a chatty server never blocks on a full pipe, keeping only the last lines.
  const keepTail = () => {
    if (output.length > 64_000) output = output.slice(-32_000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  // Should the test process end without stop() (a crash), the server goes with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);

  return {
    url,
    recentOutput: () => output.slice(-12_000),
    async setClock(iso) {
      const response = await fetch(`${url}/api/test/clock`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: iso }),
      });
      if (!response.ok) throw new Error(`Setting the server's clock failed: ${response.status}`);
    },
    async stop() {
      process.off('exit', orphanGuard);
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** How a phone is set up: where it is, its language and its screen. */
export interface PhoneOptions {
  locale?: string;
  timezoneId?: string;
  viewport?: { width: number; height: number };
}

/** A fresh profile in this browser (someone else's phone): in London, in English, unless told. */
export async function newPhone(
  browser: Browser,
  baseURL: string,
  options: PhoneOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Europe/London',
    viewport: options.viewport ?? { width: 412, height: 915 },
    colorScheme: 'light',
  });
  // A generous cap for each wait: it only decides when to give up, never how fast is fast enough.
  context.setDefaultTimeout(30_000);
  watchPhone(context);
  return context;
}

/** Headless Chromium with a fresh profile: a phone-sized window in London, in English. */
export async function openBrowser(baseURL: string, options: PhoneOptions = {}): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await newPhone(browser, baseURL, options);
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
    },
  };
}

export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const IMPACTS = ['minor', 'moderate', 'serious', 'critical'] as const;

/** Fails with a readable list when axe finds any serious or critical WCAG 2.2 AA violation. */
export function expectNoSeriousA11yViolations(page: Page, where = page.url()): Promise<void> {
  return expectNoA11yViolations(page, where, 'serious');
}

/**
 * Fails with a readable list when axe finds a violation of at least this impact, among the WCAG
 * 2.2 AA rules and axe's best practices (landmarks with the same name, heading order).
 */
export async function expectNoA11yViolations(
  page: Page,
  where = page.url(),
  least: (typeof IMPACTS)[number] = 'serious',
): Promise<void> {
  const tags = least === 'serious' || least === 'critical' ? A11Y_TAGS : [...A11Y_TAGS, 'best-practice'];
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  const serious = results.violations.filter(
    (v) => v.impact && IMPACTS.indexOf(v.impact) >= IMPACTS.indexOf(least),
  );
  if (serious.length === 0) return;
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`,
        )
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`Accessibility problems on ${where}:\n${report}`);
}
