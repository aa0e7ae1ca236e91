import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import {
  type BrowserSession,
  ensureWebBuilt,
  expectNoSeriousA11yViolations,
  newPhone,
  openBrowser,
  type PhoneOptions,
  type RunningServer,
  startServer,
} from './harness.js';
import { describeEveryPage } from './page-log.js';
import { startSmtpServer, takeMail } from '../src/server/test/smtp.js';

// Steps the browser journeys share: a fresh server and browser per file, and the things a family
// does on the way (sign up, add Jack and his keepsake, plan a trip), always through visible labels
// and roles, never the API.

/**
 * "at 14:02" today, "yesterday at 23:59" should the clock pass midnight mid-test, or "on Sat 28 Nov
 * at 23:59" once a journey moves the clocks on to the day of travel.
 */
export const TIME = /(?:(?:on [^,]+|yesterday|tomorrow) )?at \d{2}:\d{2}/;

/** A local date some days from today, as a date field takes it. */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

type SmtpServer = Awaited<ReturnType<typeof startSmtpServer>>;

export interface Journey {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly server: RunningServer;
  /** The SMTP server the app sends to, for journeys started with `{ mail: true }`. */
  readonly smtp: SmtpServer;
  /** axe on the page as it is now; fails on any serious or critical WCAG 2.2 AA problem. */
  a11y(where: string): Promise<void>;
}

export interface JourneyOptions {
  /** A real SMTP server too, which the app sends its e-mail to. */
  mail?: boolean;
  /** More settings for the server (e.g. a quicker job runner). */
  env?: Record<string, string>;
  /** The server's clock is set here before the browser opens (the page's clock is left alone). */
  clock?: string;
  /** The first phone's place, language and screen. */
  phone?: PhoneOptions;
  /** Browser permissions for the first phone (e.g. the clipboard). */
  permissions?: string[];
}

/**
 * A server on a fresh data folder and a fresh browser for this file; with `mail`, a real SMTP server
 * too, which the app sends its e-mail to. The steps build on each other: after one fails the rest
 * are skipped, and a picture and the page's words are left behind.
 */
export function useJourney(options: JourneyOptions = {}): Journey {
  let server: RunningServer | undefined;
  let session: BrowserSession | undefined;
  let smtp: SmtpServer | undefined;
  const started = () => {
    if (!session || !server) throw new Error('The journey has not started (beforeAll failed).');
    return { session, server };
  };
  const journey: Journey = {
    get page() {
      return started().session.page;
    },
    get context() {
      return started().session.context;
    },
    get server() {
      return started().server;
    },
    get smtp() {
      if (!smtp) throw new Error('This journey was started without e-mail (useJourney({ mail: true })).');
      return smtp;
    },
    a11y: (where) => expectNoSeriousA11yViolations(started().session.page, where),
  };

  beforeAll(async () => {
    ensureWebBuilt();
    if (options.mail) smtp = await startSmtpServer();
    server = await startServer({ env: { ...options.env, ...(smtp && { SMTP_URL: smtp.url }) } });
    if (options.clock) await server.setClock(options.clock);
    session = await openBrowser(server.url, options.phone);
    if (options.permissions) await session.context.grantPermissions(options.permissions);
  });

  let failed = false;
  beforeEach((context) => {
    if (failed) context.skip();
  });
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail' || failed || !session) return;
    failed = true;
    const at = Date.now();
    const pages = await describeEveryPage(session.browser, (index) =>
      join(tmpdir(), `alongside-e2e-failure-${at}-${index}.png`),
    );
    console.log(
      `When "${context.task.name}" failed, the open pages were:\n${pages}\n\n--- the server's last output:\n${server?.recentOutput() ?? ''}`,
    );
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
    await smtp?.close();
  });

  return journey;
}

export interface TwoBrowsers extends Journey {
  /** The second person's own phone: another browser profile, so signed in as someone else. */
  readonly other: Page;
  readonly otherContext: BrowserContext;
  /** One more phone (e.g. a family tablet), closed with the others after the file. */
  newPhone(options?: PhoneOptions): Promise<BrowserContext>;
}

/**
 * A journey (see useJourney) with a second person on their own phone, in the same browser: the
 * first phone is `page`, the second `other`, set up with `second` (where they live, their screen).
 */
export function useTwoBrowsers(options: JourneyOptions & { second?: PhoneOptions } = {}): TwoBrowsers {
  const journey = useJourney(options);
  const phones: BrowserContext[] = [];
  let other: Page | undefined;
  const openPhone = async (phone?: PhoneOptions) => {
    const browser = journey.context.browser();
    if (!browser) throw new Error('The first phone has no browser.');
    const context = await newPhone(browser, journey.server.url, phone);
    phones.push(context);
    return context;
  };
  beforeAll(async () => {
    other = await (await openPhone(options.second)).newPage();
  });
  afterAll(async () => {
    for (const phone of phones) await phone.close().catch(() => undefined);
  });
  const started = () => {
    if (!other) throw new Error('The second phone is not open (beforeAll failed).');
    return other;
  };
  return {
    get page() {
      return journey.page;
    },
    get context() {
      return journey.context;
    },
    get server() {
      return journey.server;
    },
    get smtp() {
      return journey.smtp;
    },
    a11y: (where) => journey.a11y(where),
    get other() {
      return started();
    },
    get otherContext() {
      return started().context();
    },
    newPhone: openPhone,
  };
}

const DAY_MS = 86_400_000;
const clockInstalled = new WeakSet<Page>();

/**
 * Moves the server's test clock and the page's clock to `iso` (e.g. the morning of a departure);
 * both run on from there. The server's clock moves at most 5 days at a time, asking for the session
 * on the way, as a family opening the app would (a session ends after 7 days unused). Reloads the
 * page so it reads everything at the new time. `others` (other people's phones on the same server)
 * keep their sessions and move their clocks the same way.
 */
export async function clocksAt(j: Journey, iso: string, others: Page[] = []): Promise<void> {
  const target = Date.parse(iso);
  const pages = [j.page, ...others];
  // The page's clock and the server's agree: both are real time, or both were set here.
  let at = Number(await j.page.evaluate('Date.now()'));
  while (target - at > 5 * DAY_MS) {
    at += 5 * DAY_MS;
    await j.server.setClock(new Date(at).toISOString());
    for (const page of pages) await page.request.get('/api/session');
  }
  await j.server.setClock(iso);
  for (const page of pages) {
    if (clockInstalled.has(page)) {
      await page.clock.setSystemTime(new Date(iso));
    } else {
      await page.clock.install({ time: new Date(iso) });
      await page.clock.resume();
      clockInstalled.add(page);
    }
    await page.reload();
  }
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
export const tripNav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'This trip' }).getByRole('link', { name, exact: true });

/** Types into a searchable list and picks the option with exactly this name. */
export async function choose(page: Page, combobox: Locator, typed: string, option: string): Promise<void> {
  await combobox.fill('');
  await combobox.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect.poll(() => combobox.inputValue()).toBe(option);
}

/** On the Settings page: the country the family lives in, chosen from what is typed, and saved. */
export async function saveHomeCountry(page: Page, typed: string, option: string): Promise<void> {
  await choose(page, page.getByRole('combobox', { name: /Country you live in/ }), typed, option);
  await page.getByRole('button', { name: 'Save family details' }).click();
  await page.getByText('Saved.').waitFor();
}

/**
 * Confirms a keepsake at a check as one traveller, and waits for the record to show. With several
 * people who could confirm, the person is chosen; with one left, the card names them.
 */
export async function confirmAs(
  check: Locator,
  who: string,
  keepsake: string,
  how: 'choose' | 'only one' = 'choose',
): Promise<void> {
  if (how === 'choose') await check.getByLabel('Who is confirming?').selectOption({ label: who });
  else await check.getByText(`Confirming as ${who}`).waitFor();
  await check.getByRole('button', { name: `I have ${keepsake}` }).click();
  await check.getByText(new RegExp(`Confirmed by ${who} ${TIME.source}`)).waitFor();
}

export interface Person {
  name: string;
  email: string;
  password: string;
  family: string;
}

/** Signs up through the welcome page, which creates the family, and lands on home. */
export async function signUp(page: Page, person: Person): Promise<void> {
  await page.goto('/');
  await heading(page, 'Bring them along').waitFor();
  await page.getByRole('link', { name: 'Create your family' }).click();
  await heading(page, 'Create your family').waitFor();
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Family name').fill(person.family);
  await page.getByRole('button', { name: 'Create our family' }).click();
  await heading(page, `Hello, ${person.name}`).waitFor();
}

/**
 * Signs up where e-mail is on: the page asks kindly to check the e-mail, and the link in it (read
 * from the test SMTP server, and taken out of its mailbox) finishes creating the family.
 */
/**
 * A phone of its own in this journey's browser, with the service worker blocked (so what the page
 * is handed, a module or an answer a test replaces, is what it uses), signed up as `person`. The
 * caller closes the context.
 */
export async function phoneWithoutServiceWorker(
  journey: Journey,
  person: Person,
): Promise<{ context: BrowserContext; page: Page }> {
  const browser = journey.context.browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({
    baseURL: journey.server.url,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 412, height: 915 },
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await signUp(page, person);
  return { context, page };
}

export async function signUpByEmail(page: Page, person: Person): Promise<void> {
  await page.goto('/sign-up');
  await heading(page, 'Create your family').waitFor();
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByLabel('Family name').fill(person.family);
  await page.getByRole('button', { name: 'Create our family' }).click();
  await heading(page, 'Please check your e-mail').waitFor();
  await page
    .getByRole('status')
    .getByText(`We have sent an e-mail to ${person.email}`, { exact: false })
    .waitFor();
  // The server runs on a free port its BASE_URL does not name: the link's path is opened here.
  let link: RegExpExecArray | undefined;
  while (!(link = takeMail(person.email, /https?:\/\/[^/\s]+(\/finish-sign-up#token=[A-Za-z0-9_-]{43})/)))
    await new Promise((resolve) => setTimeout(resolve, 20));
  await page.goto(link[1]!);
  await heading(page, 'Finish creating your family').waitFor();
  await page.getByRole('button', { name: 'Create our family' }).click();
  await heading(page, `Hello, ${person.name}`).waitFor();
}

/** Signs in through the sign-in page as someone with an account, and lands on home. */
export async function signIn(page: Page, person: Pick<Person, 'name' | 'email' | 'password'>): Promise<void> {
  await page.goto('/sign-in');
  await heading(page, 'Sign in').waitFor();
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signing in goes back to the page that asked for it (a page left open when the session ended
  // leaves its address in the sign-in page's history state), else home: wait to leave the sign-in
  // page, then open home to see whose session it is.
  await heading(page, 'Sign in').waitFor({ state: 'detached' });
  await page.goto('/');
  await heading(page, `Hello, ${person.name}`).waitFor();
}

/** Jack, lost in pregnancy at 20 weeks in the United Kingdom. */
export async function addJack(page: Page): Promise<void> {
  await nav(page, 'Loved ones').click();
  await heading(page, 'Loved ones').waitFor();
  await page.getByRole('link', { name: 'Add a loved one' }).click();
  await heading(page, 'Add a loved one').waitFor();
  await page.getByLabel('Their name').fill('Jack');
  await page.getByRole('radio', { name: 'A baby lost in pregnancy' }).check();
  await page.getByLabel('The day Jack died').fill('2025-03-14');
  await page.getByLabel('Due date').fill('2025-07-20');
  await page.getByLabel('Weeks of pregnancy').fill('20');
  await choose(
    page,
    page.getByRole('combobox', { name: /Country where it happened/ }),
    'united k',
    'United Kingdom',
  );
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await heading(page, 'Jack').waitFor();
}

/** A box of ashes for the loved one whose page is open, made of this material, travelling with us. */
export async function addTravellingKeepsake(page: Page, name: string, material: string): Promise<void> {
  await page.getByRole('link', { name: 'Add a keepsake' }).click();
  await page.getByLabel('Name of the keepsake').fill(name);
  await page.getByRole('radio', { name: 'A box or urn of ashes' }).check();
  await page.getByLabel('What is it made of?').selectOption({ label: material });
  await page.getByRole('switch', { name: 'Travels with us' }).check();
  await page.getByRole('button', { name: 'Save keepsake' }).click();
  await heading(page, 'Jack').waitFor();
  await page.getByRole('heading', { name }).waitFor();
}

/**
 * A trip by air from one country to another and back, leaving in a few days; returns its id. The
 * way home starts from the way out, reversed.
 */
/** Plans a trip from the Trips page, with its first and last day this many days from today; its id. */
export async function planTrip(
  page: Page,
  trip: { name: string; firstDay?: number; lastDay?: number },
): Promise<string> {
  await nav(page, 'Trips').click();
  await heading(page, 'Trips').waitFor();
  await page.getByRole('link', { name: 'Plan a trip' }).click();
  await heading(page, 'Plan a trip').waitFor();
  await page.getByLabel('Name of the trip').fill(trip.name);
  await page.getByLabel('First day').fill(dayFromToday(trip.firstDay ?? 2));
  await page.getByLabel('Last day').fill(dayFromToday(trip.lastDay ?? 9));
  await page.getByRole('button', { name: 'Plan this trip' }).click();
  await heading(page, trip.name).waitFor();
  const id = /\/trips\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`No trip id in ${page.url()}`);
  return id;
}

/** A choice typed into a searchable list, and the option's exact name ("Lufthansa", "Lufthansa (LH)"). */
export interface Typed {
  typed: string;
  option: string;
}

/**
 * Adds a departure to the open trip ("Add a departure", or "Add another departure" after the first)
 * and waits for its part of the journey to show.
 */
export async function addDeparture(
  page: Page,
  tripName: string,
  leg: {
    from: Typed;
    to: Typed;
    /** The form's words for how ("Car or coach"); flying when not given. */
    mode?: string;
    airline?: Typed;
    /** Days from today and the time, "09:30". */
    leaves: { day: number; time: string };
    /** The zone where it leaves from, where the country has more than one or none is suggested. */
    zone?: Typed;
    another?: boolean;
  },
): Promise<void> {
  await page.getByRole('link', { name: leg.another ? 'Add another departure' : 'Add a departure' }).click();
  await heading(page, 'Add a departure').waitFor();
  if (leg.mode) await page.getByRole('radio', { name: leg.mode }).check();
  await choose(
    page,
    page.getByRole('combobox', { name: 'Leaving from (country)' }),
    leg.from.typed,
    leg.from.option,
  );
  await choose(page, page.getByRole('combobox', { name: 'Going to (country)' }), leg.to.typed, leg.to.option);
  if (leg.airline)
    await choose(
      page,
      page.getByRole('combobox', { name: /Airline/ }),
      leg.airline.typed,
      leg.airline.option,
    );
  await page.getByLabel('Departure date and time').fill(`${dayFromToday(leg.leaves.day)}T${leg.leaves.time}`);
  if (leg.zone)
    await choose(
      page,
      page.getByRole('combobox', { name: 'Time zone where you leave from' }),
      leg.zone.typed,
      leg.zone.option,
    );
  await page.getByRole('button', { name: 'Save this departure' }).click();
  await heading(page, tripName).waitFor();
  await page.getByRole('region', { name: new RegExp(`^${leg.from.option} to ${leg.to.option}`) }).waitFor();
}

export async function planFlights(
  page: Page,
  trip: {
    name: string;
    from: string;
    to: string;
    /** The airline as typed ("British Airways" or "BA") and as the suggestion shows it. */
    airline: Typed;
    homeZone: string;
  },
): Promise<string> {
  const id = await planTrip(page, { name: trip.name });
  await addDeparture(page, trip.name, {
    from: { typed: trip.from, option: trip.from },
    to: { typed: trip.to, option: trip.to },
    airline: trip.airline,
    leaves: { day: 2, time: '09:30' },
  });

  await page.getByRole('link', { name: 'Add the way home' }).click();
  await heading(page, 'The way home').waitFor();
  await page.getByLabel('Departure date and time').fill(`${dayFromToday(9)}T18:45`);
  const zone = page.getByRole('combobox', { name: 'Time zone where you leave from' });
  await choose(page, zone, trip.homeZone.split('/')[1]!.toLowerCase(), trip.homeZone);
  await page.getByRole('button', { name: 'Save this departure' }).click();
  await heading(page, trip.name).waitFor();
  await page.getByRole('region', { name: new RegExp(`^${trip.to} to ${trip.from}`) }).waitFor();
  return id;
}

// The two helpers below run in the page; they are written as text because this project's types
// describe Node, not the browser.

/** Waits until the service worker is in charge of the page, so what it fetches is kept offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await expect
    .poll(() => page.evaluate('navigator.serviceWorker.controller !== null'), { timeout: 15_000 })
    .toBe(true);
}

/** The addresses (path and query) the service worker keeps in one of its caches. */
export async function cachedPaths(page: Page, cache: string): Promise<string[]> {
  const paths = await page.evaluate(`(async () => {
    const keys = await (await caches.open(${JSON.stringify(cache)})).keys();
    return keys.map((request) => {
      const url = new URL(request.url);
      return url.pathname + url.search;
    });
  })()`);
  return paths as string[];
}

/**
 * Watches where the element with this id sits on the page, at every frame of each document opened
 * after this call, from the moment it shows. A page that moves as it fills in sends a tap to
 * whatever slid under it. Answers a reader of the distinct places (px from the page's top) seen in
 * the current document: one place means it never moved.
 */
export async function watchPlaceOf(page: Page, elementId: string): Promise<() => Promise<number[]>> {
  const key = `placesOf_${elementId.replace(/\W/g, '_')}`;
  await page.addInitScript(`(() => {
    const places = [];
    window[${JSON.stringify(key)}] = places;
    const read = () => {
      const element = document.getElementById(${JSON.stringify(elementId)});
      if (element) {
        const top = Math.round(element.getBoundingClientRect().top + window.scrollY);
        if (places.at(-1) !== top) places.push(top);
      }
      requestAnimationFrame(read);
    };
    requestAnimationFrame(read);
  })()`);
  return () => page.evaluate<number[]>(`window[${JSON.stringify(key)}] ?? []`);
}

/**
 * A request as the signed-in member on this page (their cookie and CSRF token), for what the app
 * has no screen for yet, such as adding a photo: answers the JSON, or throws with the status.
 */
export async function asMember(
  page: Page,
  path: string,
  body: { json: unknown } | { bytes: number[]; contentType: string },
): Promise<unknown> {
  return page.evaluate(
    async ({ path, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const json = 'json' in body;
      const response = await fetch(path, {
        method: 'POST',
        headers: {
          'x-csrf-token': session.csrfToken,
          'content-type': json ? 'application/json' : body.contentType,
        },
        body: json ? JSON.stringify(body.json) : new Uint8Array(body.bytes),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { path, body },
  );
}
