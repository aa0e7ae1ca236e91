import { describe, expect, it } from 'vitest';
import { expectNoA11yViolations } from './harness.js';
import {
  addJack,
  addTravellingKeepsake,
  clocksAt,
  dayFromToday,
  heading,
  nav,
  planFlights,
  signUp,
  useJourney,
} from './steps.js';

// Children: Olive makes a profile for Mia (no e-mail, no password) and hands her phone over in child
// mode. Mia sees only child mode: "Is Jack with us?", with "Not today" always there; she helps check
// Jack is packed and is thanked, never told she forgot. Settings, members and the trip's own pages
// are not reachable from the phone, by link or by address, and the server refuses them too. Olive
// takes the phone back with her PIN, sees that Mia helped and that the check waits for her, and
// confirms. axe finds nothing moderate or worse on any of these pages.

const j = useJourney();
const OLIVE = {
  name: 'Olive',
  email: 'olive.children@example.org',
  password: 'the long road to the coast',
  family: 'The Ellis family',
};
const KEEPSAKE = "Jack's box of ashes";
const TRIP = 'Jack to Lisbon';
const PIN = '2468';
let tripId = '';

const a11y = (where: string) => expectNoA11yViolations(j.page, where, 'moderate');

describe('child mode on a parent’s phone', () => {
  it('plans a trip with Jack, the evening before the flight', async () => {
    const { page } = j;
    await signUp(page, OLIVE);
    await addJack(page);
    await addTravellingKeepsake(page, KEEPSAKE, 'Wood');
    tripId = await planFlights(page, {
      name: TRIP,
      from: 'United Kingdom',
      to: 'Portugal',
      airline: { typed: 'British Airways', option: 'British Airways (BA)' },
      homeZone: 'Europe/London',
    });
    // The flight leaves in two days at 09:30; the evening before, its check is open.
    await clocksAt(j, `${dayFromToday(1)}T19:00:00.000Z`);
    await heading(page, TRIP).waitFor();
    // A weekly ritual with a part for the children, due this evening (made through the API here;
    // rituals.e2e.ts adds one through its form).
    const added = await page.evaluate(async (date) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const { lovedOnes } = (await (await fetch('/api/loved-ones')).json()) as {
        lovedOnes: { id: string }[];
      };
      const response = await fetch(`/api/loved-ones/${lovedOnes[0]!.id}/rituals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          title: 'Water for Jack',
          whatToDo: 'Set out a glass of water for Jack',
          when: 'schedule',
          repeat: 'weekly',
          date,
          time: '18:00',
          childrenPart: 'Fill the glass and put it by Jack’s photo',
        }),
      });
      return response.status;
    }, dayFromToday(1));
    expect(added).toBe(201);
  });

  it('makes a child profile for Mia, with a name only', async () => {
    const { page } = j;
    await nav(page, 'Settings').click();
    await page.getByRole('link', { name: 'Members and invites' }).click();
    await heading(page, 'Family members').waitFor();
    const children = page.getByRole('region', { name: 'Children without their own login' });
    await children.getByLabel('Child’s name').fill('Mia');
    await children.getByRole('button', { name: 'Add a child profile' }).click();
    await children.getByLabel('PIN to leave child mode (for Mia)').waitFor();
    // Today's `child` role is the teen login.
    await page.getByRole('radio', { name: 'A teen with their own login' }).waitFor();
    await a11y('members page with a child profile');
  });

  it('hands the phone to Mia: she sees only child mode', async () => {
    const { page } = j;
    const children = page.getByRole('region', { name: 'Children without their own login' });
    await children.getByLabel('PIN to leave child mode (for Mia)').fill(PIN);
    await children.getByRole('button', { name: 'Hand this phone to Mia' }).click();
    await heading(page, 'Hello, Mia').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    const ask = page.getByRole('region', { name: 'Is Jack with us?' });
    await ask.getByText(`${KEEPSAKE}, for ${TRIP}`).waitFor();
    await ask.getByRole('button', { name: 'Not today' }).waitFor();
    // Big targets: every button here is at least 44 px tall and wide.
    for (const button of await page.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    await a11y('child mode');
  });

  it('lets Mia say "not today", and come back to it', async () => {
    const { page } = j;
    const ask = page.getByRole('region', { name: 'Is Jack with us?' });
    await ask.getByRole('button', { name: 'Not today' }).click();
    await page.getByText('That’s fine. You can come back to this whenever you like.').waitFor();
    expect(await page.getByRole('button', { name: 'Yes, Jack is with us' }).count()).toBe(0);
    await a11y('child mode, not today');
    await page.reload();
    await page.getByRole('button', { name: 'Yes, Jack is with us' }).waitFor();
  });

  it('thanks Mia for helping check Jack is with us; a grown-up will check too', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Yes, Jack is with us' }).click();
    await page.getByText('Thanks for helping check Jack is with us. A grown-up will check too.').waitFor();
    const words = await page.locator('main').innerText();
    expect(words).not.toMatch(/\b(forgot|forgotten|missed|lost|sleeping|star|points?|streak|well done)\b/i);
    await a11y('child mode, helped');
  });

  it('shows Mia the ritual for this evening; "We did it" is kept with her name, "Not today" stays with her', async () => {
    const { page } = j;
    const ritual = page.getByRole('region', { name: 'Water for Jack' });
    await ritual.getByText('Fill the glass and put it by Jack’s photo').waitFor();
    await ritual.getByRole('button', { name: 'Not today' }).click();
    await ritual.getByText('That’s fine. You can come back to this whenever you like.').waitFor();
    await page.reload();
    await ritual.getByRole('button', { name: 'We did it' }).click();
    await ritual.getByText('Thank you. The grown-ups will see that you took part.').waitFor();
    const words = await page.locator('main').innerText();
    expect(words).not.toMatch(/\b(forgot|forgotten|missed|lost|sleeping|star|points?|streak|well done)\b/i);
    await a11y('child mode, a ritual done');
  });

  it('keeps settings, the journal, members and the trip pages out of reach', async () => {
    const { page } = j;
    for (const path of ['/settings', '/journal', '/family', `/trips/${tripId}`, `/trips/${tripId}/carry`]) {
      await page.goto(path);
      await heading(page, 'Hello, Mia').waitFor();
      expect(new URL(page.url()).pathname, path).toBe('/');
      expect(await page.getByRole('heading', { name: /Settings|Family members|Journey/ }).count()).toBe(0);
    }
    // The server refuses the child's session, not just the app.
    for (const path of [
      '/api/session',
      '/api/family/members',
      `/api/trips/${tripId}`,
      '/api/account/sessions',
    ]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(403);
      expect(await response.text(), path).not.toContain(OLIVE.email);
    }
  });

  it('is left by a grown-up with the PIN, who sees that Mia helped and confirms', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'For a grown-up: leave child mode' }).click();
    const leave = page.getByRole('region', { name: 'Leave child mode' });
    await leave.getByLabel('PIN').fill('1357');
    await leave.getByRole('button', { name: 'Leave child mode' }).click();
    await leave.getByText('That PIN did not match.', { exact: false }).waitFor();
    await a11y('leaving child mode, wrong PIN');
    await leave.getByLabel('PIN').fill(PIN);
    await leave.getByRole('button', { name: 'Leave child mode' }).click();

    await heading(page, TRIP).waitFor();
    await page
      .getByText('Mia helped check that Jack is with us; please confirm it yourself below.', { exact: false })
      .waitFor();
    const before = page.getByRole('region', { name: /^Before you leave \(United Kingdom to Portugal\)/ });
    expect(await before.getByText('Done', { exact: true }).count()).toBe(0);
    await before.getByText('Checked by Mia, to be confirmed by a grown-up.').waitFor();
    await a11y('trip page, Mia helped');
    await before.getByRole('button', { name: `I have ${KEEPSAKE}` }).click();
    await before
      .getByText(/Confirmed by Olive/)
      .first()
      .waitFor();
    await expect
      .poll(() => page.getByText('Mia helped check that Jack is with us', { exact: false }).count())
      .toBe(0);
    expect(await before.getByText('to be confirmed by a grown-up', { exact: false }).count()).toBe(0);
    await a11y('trip page, confirmed');
  });
});
