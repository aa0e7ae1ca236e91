import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReceivedMail } from '../src/server/test/smtp.js';
import { expectNoSeriousA11yViolations } from './harness.js';
import {
  addJack,
  addTravellingKeepsake,
  clocksAt,
  dayFromToday,
  heading,
  nav,
  planFlights,
  signIn,
  signUpByEmail,
  tripNav,
  useTwoBrowsers,
} from './steps.js';

// The family together (issue 11's "done when"), one journey on one server with real e-mail. Olive
// and Sam, Jack's parents, each on their own phone; Mia in child mode on Sam's phone (a third
// browser profile, so her session is her own). Sam joins by Olive's invite; Mia helps check Jack is
// packed, and sees only child mode; Olive and Sam each confirm "Before you leave" on their own
// phone and each sees the other's confirmation without reloading; Gran, a viewer, sees nothing
// private; months pass, and both parents find the reminder for Jack's day; Grandma, a supporter in
// New York, gets her e-mail before the Wave of Light, and her words reach the family only after a
// parent accepts them. axe checks each page on the way.

const PHONE = { viewport: { width: 390, height: 844 } };
const phones = useTwoBrowsers({
  mail: true,
  env: { REMINDER_TICK_MS: '500', JOB_POLL_MS: '200' },
  phone: PHONE,
  second: PHONE,
});

const OLIVE = {
  name: 'Olive',
  email: 'olive.together@example.org',
  password: 'the long road to the coast',
  family: 'The Ellis family',
};
const SAM = { name: 'Sam', email: 'sam.together@example.org', password: 'we carry him together' };
const GRAN = { name: 'Gran', email: 'gran.together@example.org', password: 'tea in the garden at four' };
const GRANDMA = 'grandma.together@example.org';
const KEEPSAKE = "Jack's box of ashes";
const TRIP = 'Jack to Madrid';
const PIN = '2468';
const SUGGESTION = 'Light a candle for Jack at 7pm and send us a photo';
const WORDS = 'I lit a candle for Jack by the window. Love to you all.';

let olive: Page;
let sam: Page;
let mia: Page;
let tripId = '';
let eveningBefore = '';

beforeAll(async () => {
  olive = phones.page;
  sam = phones.other;
  mia = await (await phones.newPhone(PHONE)).newPage();
});

const a11y = (page: Page, where: string) => expectNoSeriousA11yViolations(page, where);
const beforeYouLeave = (page: Page): Locator =>
  page.getByRole('region', { name: /^Before you leave/ }).first();
const mailTo = (to: string): ReceivedMail[] => phones.smtp.received.filter((m) => m.to.includes(to));

async function waitForMail(to: string, count: number): Promise<ReceivedMail[]> {
  await expect.poll(() => mailTo(to).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
  return mailTo(to);
}

/** The path and fragment of a link in a message, opened on the address the server answers at. */
function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^/\\s]+(/${path}#token=[A-Za-z0-9_.-]+)`).exec(mail.parsed.text ?? '');
  if (!match) throw new Error(`No ${path} link in: ${mail.parsed.text}`);
  return match[1]!;
}

/** Makes an invite on the members page and returns its link's path and fragment. */
async function makeInvite(page: Page, role: 'An adult' | 'A viewer', name: string): Promise<string> {
  await nav(page, 'Settings').click();
  await page.getByRole('link', { name: 'Members and invites' }).click();
  await heading(page, 'Family members').waitFor();
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByRole('radio', { name: role }).check();
  await invite.getByLabel('Their name').fill(name);
  await invite.getByRole('button', { name: 'Make an invite' }).click();
  await invite.getByText(`Invite ${name} to the family`).waitFor();
  const url = new URL(await invite.getByLabel('Link', { exact: true }).inputValue());
  return url.pathname + url.hash;
}

/** Joins by an invite link as someone new. */
async function joinAsNew(page: Page, invitePath: string, person: typeof SAM): Promise<void> {
  await page.goto(invitePath);
  await heading(page, 'Join The Ellis family').waitFor();
  await a11y(page, `join page, for ${person.name}`);
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('E-mail address', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Join the family' }).click();
  await heading(page, `Hello, ${person.name}`).waitFor();
}

describe('the family comes together', () => {
  it('Olive signs up, adds Jack and plans a trip on which two people confirm', async () => {
    await signUpByEmail(olive, OLIVE);
    await addJack(olive);
    await addTravellingKeepsake(olive, KEEPSAKE, 'Wood');
    tripId = await planFlights(olive, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Spain',
      airline: { typed: 'BA', option: 'British Airways (BA)' },
      homeZone: 'Europe/Madrid',
    });
    await olive.getByRole('link', { name: 'Edit trip details' }).click();
    await olive.getByRole('checkbox', { name: 'Ask two people to confirm keepsakes' }).check();
    await olive.getByRole('button', { name: 'Save changes' }).click();
    await heading(olive, TRIP).waitFor();
    // The flight leaves at 09:30 on this day; its "Before you leave" check opens the evening before.
    const leaving = new Date(`${dayFromToday(2)}T12:00:00.000Z`);
    eveningBefore = new Date(leaving.getTime() - 86_400_000).toISOString().slice(0, 10) + 'T19:00:00.000Z';
  });

  it('Sam, the other parent, joins by Olive’s invite on his own phone', async () => {
    const invitePath = await makeInvite(olive, 'An adult', 'Sam');
    await a11y(olive, 'members page, invite made');
    await joinAsNew(sam, invitePath, SAM);
    await nav(sam, 'Trips').click();
    await sam.getByRole('link', { name: TRIP }).first().waitFor();

    // Olive puts Sam on the trip, so that he confirms as himself.
    await olive.goto(`/trips/${tripId}`);
    await heading(olive, TRIP).waitFor();
    await tripNav(olive, 'People and keepsakes').click();
    const fromFamily = olive.getByRole('form', { name: 'Add someone from your family' });
    await fromFamily.getByLabel('Family member').selectOption({ label: 'Sam' });
    await fromFamily.getByRole('button', { name: 'Add to the trip' }).click();
    await olive
      .getByRole('region', { name: 'Who is travelling' })
      .getByRole('button', { name: 'Take Sam off the trip' })
      .waitFor();
    await a11y(olive, 'trip people, Sam added');
  });

  it('Mia, handed Sam’s phone in child mode, helps check Jack is with us and sees only child mode', async () => {
    // Mia's profile is a name only; Sam hands his phone over (here a browser profile of its own).
    await nav(olive, 'Settings').click();
    await olive.getByRole('link', { name: 'Members and invites' }).click();
    const children = (page: Page) => page.getByRole('region', { name: 'Children without their own login' });
    await children(olive).getByLabel('Child’s name').fill('Mia');
    await children(olive).getByRole('button', { name: 'Add a child profile' }).click();
    await children(olive).getByLabel('PIN to leave child mode (for Mia)').waitFor();

    await signIn(mia, SAM);
    await nav(mia, 'Settings').click();
    await mia.getByRole('link', { name: 'Members and invites' }).click();
    await children(mia).getByLabel('PIN to leave child mode (for Mia)').fill(PIN);
    await children(mia).getByRole('button', { name: 'Hand this phone to Mia' }).click();
    await heading(mia, 'Hello, Mia').waitFor();
    expect(await mia.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    const ask = mia.getByRole('region', { name: 'Is Jack with us?' });
    await ask.getByText(`${KEEPSAKE}, for ${TRIP}`).waitFor();
    await ask.getByRole('button', { name: 'Not today' }).waitFor();
    await a11y(mia, 'child mode');
    await mia.getByRole('button', { name: 'Yes, Jack is with us' }).click();
    await mia.getByText('Thanks for helping check Jack is with us. A grown-up will check too.').waitFor();
    const words = await mia.locator('main').innerText();
    expect(words).not.toMatch(/\b(forgot|forgotten|missed|lost|sleeping|star|points?|streak|well done)\b/i);
    await a11y(mia, 'child mode, helped');

    // Only child mode, by address too; and the server refuses the child's session elsewhere.
    for (const path of ['/settings', '/family', '/reminders', `/trips/${tripId}`]) {
      await mia.goto(path);
      await heading(mia, 'Hello, Mia').waitFor();
      expect(new URL(mia.url()).pathname, path).toBe('/');
    }
    for (const path of ['/api/session', `/api/trips/${tripId}`, '/api/inbox', '/api/supporters']) {
      expect((await mia.request.get(path)).status(), path).toBe(403);
    }
  });

  it('both parents confirm “Before you leave” on their own phones, each seeing the other’s without reloading', async () => {
    await clocksAt(phones, eveningBefore, [sam]);
    await olive.goto(`/trips/${tripId}`);
    await heading(olive, TRIP).waitFor();
    await olive
      .getByText('Mia helped check that Jack is with us; please confirm it yourself below.', { exact: false })
      .waitFor();
    await beforeYouLeave(olive).getByText('Checked by Mia, to be confirmed by a grown-up.').waitFor();
    await sam.goto(`/trips/${tripId}`);
    await heading(sam, TRIP).waitFor();
    await beforeYouLeave(sam).getByText('Not done yet').waitFor();
    await a11y(sam, 'trip page on Sam’s phone, Mia helped');

    const onOlives = beforeYouLeave(olive);
    await onOlives.getByLabel('Who is confirming?').selectOption({ label: 'Olive' });
    await onOlives.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await onOlives.getByText(/Confirmed by Olive/).waitFor();

    const onSams = beforeYouLeave(sam);
    await onSams.getByText(/Confirmed by Olive/).waitFor();
    await onSams.getByText('Confirming as Sam').waitFor();
    await onSams.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await onSams.getByText(/Confirmed by Sam\b/).waitFor();

    await onOlives.getByText(/Confirmed by Sam\b/).waitFor();
    // Both grown-ups confirmed: the check is done on both phones, and Mia's help is no longer waiting.
    await onOlives.getByText('Done', { exact: true }).waitFor();
    await onSams.getByText('Done', { exact: true }).waitFor();
    expect(await onOlives.getByText('to be confirmed by a grown-up', { exact: false }).count()).toBe(0);
    await a11y(olive, 'trip page on Olive’s phone, both confirmed');
  });

  it('Gran joins as a viewer and sees nothing private', async () => {
    const invitePath = await makeInvite(olive, 'A viewer', 'Gran');
    const gran = await (await phones.newPhone(PHONE)).newPage();
    await joinAsNew(gran, invitePath, GRAN);
    await gran.getByText('You are in The Ellis family as a viewer').waitFor();
    expect(await nav(gran, 'Loved ones').count()).toBe(0);
    expect(await nav(gran, 'Trips').count()).toBe(0);
    await a11y(gran, 'home, as a viewer');

    await gran.getByRole('link', { name: 'Open the calendar' }).click();
    await heading(gran, 'Calendar').waitFor();
    await gran.getByText(/Jack/).first().waitFor();
    expect(await gran.locator('main').innerText()).not.toContain(TRIP);
    await a11y(gran, 'calendar, as a viewer');

    for (const path of [
      `/api/trips/${tripId}`,
      '/api/trips',
      '/api/loved-ones',
      '/api/supporters',
      '/api/family/invites',
      '/api/child-profiles',
    ]) {
      const response = await gran.request.get(path);
      expect(response.status(), path).toBe(403);
      expect(await response.text(), path).not.toContain(KEEPSAKE);
    }
  });

  it('Olive adds Grandma in New York as a supporter for the Wave of Light; Grandma says yes', async () => {
    await olive.goto('/supporters');
    await heading(olive, 'Supporters').waitFor();
    const form = olive.getByRole('region', { name: 'Add a supporter' });
    await form.getByLabel('Their name').fill('Grandma');
    await form.getByLabel('Their e-mail address').fill(GRANDMA);
    await form.getByRole('combobox', { name: /Their time zone/ }).fill('New York');
    await olive
      .getByRole('option', { name: /New York/ })
      .first()
      .click();
    await form.getByRole('checkbox', { name: /International Wave of Light/ }).check();
    await form.getByLabel('Your suggestion for International Wave of Light').fill(SUGGESTION);
    await form.getByRole('button', { name: 'Add and ask them by e-mail' }).click();
    await olive.getByText('Grandma is on your list').waitFor();
    await a11y(olive, 'supporters page, Grandma added');

    const grandma = await (
      await phones.newPhone({ locale: 'en-US', timezoneId: 'America/New_York' })
    ).newPage();
    const [ask] = await waitForMail(GRANDMA, 1);
    await grandma.goto(linkIn(ask!, 'supporter/confirm'));
    await heading(grandma, 'Would you like to be there on these days?').waitFor();
    await grandma.getByRole('button', { name: 'Yes, I would like to be there' }).click();
    await grandma.getByText('Thank you, Grandma').waitFor();
    await a11y(grandma, 'supporter confirm page, done');
  });
});

describe('the days that matter, months later', () => {
  it('both parents find the reminder for Jack’s day in their own reminders', async () => {
    // Jack died on 14 March; the reminders come at 09:00 on the day, on the family's clock.
    await clocksAt(phones, '2027-03-14T09:00:30.000Z', [sam]);
    // Months on, each signs in again on their own phone (a session lasts at most 30 days).
    await signIn(olive, OLIVE);
    await signIn(sam, SAM);
    for (const [page, who] of [
      [olive, 'Olive'],
      [sam, 'Sam'],
    ] as const) {
      await expect
        .poll(
          async () => {
            await page.goto('/reminders');
            await heading(page, 'Reminders').waitFor();
            return page.getByRole('heading', { name: /^Jack.s day is today$/ }).count();
          },
          { timeout: 30_000 },
        )
        .toBe(1);
      await a11y(page, `reminders, on ${who}’s phone`);
    }
  });

  it('Grandma gets the e-mail three hours before the Wave of Light in New York, and answers', async () => {
    // 16:00 in New York on 15 October 2027.
    await clocksAt(phones, '2027-10-15T20:00:05.000Z', [sam]);
    await signIn(olive, OLIVE);
    await signIn(sam, SAM);
    const mails = await waitForMail(GRANDMA, 2);
    expect(mails[1]!.parsed.text).toContain(SUGGESTION);
    const grandma = await (
      await phones.newPhone({ locale: 'en-US', timezoneId: 'America/New_York' })
    ).newPage();
    await grandma.goto(linkIn(mails[1]!, 'supporter/reply'));
    await heading(grandma, 'Send a few words').waitFor();
    await grandma.getByLabel('Your message').fill(WORDS);
    await grandma.getByRole('button', { name: 'Send to the family' }).click();
    await grandma.getByText('Your words are with the family.').waitFor();
  });

  it('her words reach the family only after a parent accepts them', async () => {
    await sam.goto('/reminders');
    await heading(sam, 'Reminders').waitFor();
    expect(await sam.getByText(WORDS).count()).toBe(0);

    await olive.goto('/supporters');
    await heading(olive, 'Supporters').waitFor();
    const messages = olive.getByRole('region', { name: 'Messages from supporters' });
    await messages.getByText(WORDS).waitFor();
    await a11y(olive, 'supporters page, a message waiting');
    await messages.getByRole('button', { name: 'Accept and share with the family' }).click();
    await messages.getByText('No messages waiting', { exact: false }).waitFor();

    await sam.goto('/reminders');
    await heading(sam, 'Reminders').waitFor();
    await sam.getByRole('heading', { name: 'A message from Grandma' }).waitFor();
    await sam.getByText(WORDS).waitFor();
    await a11y(sam, 'reminders with Grandma’s message, on Sam’s phone');
  });
});
