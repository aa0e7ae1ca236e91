import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarResponse, PreferencesResponse } from '../../../contracts/remembrance.js';
import { hashToken } from '../../secrets.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import {
  addMember,
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from '../../test/factories.js';
import { startSmtpServer } from '../../test/smtp.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Alongside <hello@alongside.test>', REMINDER_TICK_MS: '50' },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => t.clock.set('2027-03-01T08:00:00.000Z'));

/** Runs the reminder scheduler and every delivery until nothing is left, as the job runner would. */
async function runJobs(): Promise<void> {
  const runner = t.container.jobs(t.app.log);
  await t.caughtUp(); // the family-changed jobs first: they write the reminders the tick takes
  t.clock.advance(100); // past the tick interval
  while (await runner.runOnce()) {
    /* keep draining */
  }
}

/** The calendar once it has caught up with every change made so far. */
async function calendar(family: Family, from: string, to: string): Promise<CalendarResponse> {
  await t.caughtUp();
  return (await family.client.get(`/api/calendar?from=${from}&to=${to}`)).json<CalendarResponse>();
}

describe('the calendar', () => {
  it("shows Jack's days, with how many years it has been", async () => {
    const family = await createFamily(t.app);
    await createLovedOne(family.client); // lost 2025-03-14, due 2025-07-20
    const year = await calendar(family, '2027-01-01', '2027-12-31');
    const jack = year.occurrences.filter((o) => o.lovedOneId !== null);
    expect(jack.map((o) => [o.date, o.title, o.years])).toEqual([
      ['2027-03-14', 'Remembering Jack', 2],
      ['2027-07-20', "Jack's due date", 2],
    ]);
  });

  it('adds the awareness days of the family’s country that fit their loss, each with its source, and the Wave of Light at 19:00', async () => {
    const family = await createFamily(t.app);
    expect((await calendar(family, '2027-10-01', '2027-10-31')).occurrences).toEqual([]);
    await family.client.patch('/api/family', { country: 'GB' });
    // A country alone brings nothing: the days are about a kind of loss, and no one is named yet.
    expect((await calendar(family, '2027-10-01', '2027-10-31')).occurrences).toEqual([]);
    await createLovedOne(family.client, { dateOfLoss: null, dueDate: null });
    const october = await calendar(family, '2027-10-01', '2027-10-31');
    const wave = october.occurrences.find((o) => /wave of light/i.test(o.title));
    expect(wave).toMatchObject({ date: '2027-10-15', time: '19:00', kind: 'awareness', durationMinutes: 60 });
    expect(wave!.sourceUrl).toMatch(/^https?:\/\//);
  });

  it('gives a family remembering a grandparent no days about babies, and none from a university page', async () => {
    const family = await createFamily(t.app);
    await family.client.patch('/api/family', { country: 'GB' });
    await createLovedOne(family.client, {
      name: 'Grandad',
      kind: 'adult',
      dateOfLoss: undefined,
      dueDate: undefined,
      gestationWeeks: undefined,
      dateOfDeath: '2024-02-01',
    });
    const year = await calendar(family, '2027-01-01', '2027-12-31');
    const awareness = year.occurrences.filter((o) => o.kind === 'awareness').map((o) => o.title);
    expect(awareness).toEqual([]);
  });

  it('uses the country where the baby died when the family has not chosen one', async () => {
    const family = await createFamily(t.app);
    await createLovedOne(family.client, { dateOfLoss: null, dueDate: null, lossCountry: 'GB' });
    const october = await calendar(family, '2027-10-01', '2027-10-31');
    expect(october.awareness).toEqual({ country: 'GB', from: 'loss_country' });
    const titles = october.occurrences.map((o) => o.title);
    expect(titles).toContain('Baby Loss Awareness Week');
    expect(titles.some((t) => /wave of light/i.test(t))).toBe(true);
    expect(titles).not.toContain('Pregnancy and Infant Loss Remembrance Day');
  });

  it('adds the moments of a trip, and moves them when the trip changes', async () => {
    const family = await createFamily(t.app);
    const jack = await createLovedOne(family.client);
    await createKeepsake(family.client, jack.id);
    const trip = await createTripWithFlights(family.client); // out 2026-07-01 09:30 London, home 2026-07-08 18:15 Madrid
    const moments = (await calendar(family, '2026-06-01', '2026-07-31')).occurrences.filter(
      (o) => o.kind === 'trip_moment',
    );
    expect(moments.map((o) => [o.date, o.time, o.title])).toEqual([
      ['2026-06-30', '19:00', "Pack Jack's box of ashes for Summer in Spain"],
      ['2026-07-01', '06:30', "Before you leave (Flight out): is Jack's box of ashes packed?"],
      ['2026-07-07', '19:00', "Going home tomorrow: is Jack's box of ashes packed?"],
      ['2026-07-08', '15:15', "Before you leave (Flight home): is Jack's box of ashes packed?"],
    ]);
    await family.client.patch(`/api/legs/${trip.legs[0]!.id}`, { departureLocal: '2026-07-02T09:30' });
    const moved = (await calendar(family, '2026-06-01', '2026-07-31')).occurrences.filter(
      (o) => o.kind === 'trip_moment',
    );
    expect(moved[0]!.date).toBe('2026-07-01');
  });

  it('keeps custom days, and lets only those be removed', async () => {
    const family = await createFamily(t.app);
    await createLovedOne(family.client);
    expect(
      (
        await family.client.post('/api/remembrance/days', {
          title: 'Planting his tree',
          date: '2026-04-02',
          recurrence: 'yearly',
        })
      ).statusCode,
    ).toBe(204);
    const days = (await calendar(family, '2027-01-01', '2027-12-31')).occurrences;
    const custom = days.find((o) => o.title === 'Planting his tree')!;
    expect(custom).toMatchObject({ date: '2027-04-02', editable: true, kind: 'custom' });
    const derived = days.find((o) => o.title === 'Remembering Jack')!;
    expect((await family.client.delete(`/api/remembrance/days/${derived.dayId}`)).statusCode).toBe(400);
    expect((await family.client.delete(`/api/remembrance/days/${custom.dayId}`)).statusCode).toBe(204);
    expect(
      (await calendar(family, '2027-01-01', '2027-12-31')).occurrences.some(
        (o) => o.title === 'Planting his tree',
      ),
    ).toBe(false);
  });
});

describe('reminders', () => {
  it('arrive in the app once, a week before and on the day, in kind words', async () => {
    const family = await createFamily(t.app);
    await createLovedOne(family.client); // Jack's day: 14 March
    t.clock.set('2027-03-07T08:59:00.000Z'); // London is on GMT: 09:00 is 09:00Z
    await runJobs();
    const empty = await family.client.get('/api/inbox');
    expect(empty.json(), empty.body).toMatchObject({ items: [] });
    t.clock.set('2027-03-07T09:00:30.000Z');
    await runJobs();
    await runJobs();
    let inbox = (await family.client.get('/api/inbox')).json();
    expect(inbox.items.map((i: { title: string }) => i.title)).toEqual(["Jack's day is next Sunday"]);
    expect(inbox.items[0].body).toBe('Sunday 14 March. It will be two years.');
    expect(inbox.unread).toBe(1);
    t.clock.set('2027-03-10T12:00:00.000Z');
    await family.client.get('/api/session'); // a visit mid-week keeps the session alive (idle limit: 7 days)
    t.clock.set('2027-03-14T09:00:30.000Z');
    await runJobs();
    inbox = (await family.client.get('/api/inbox')).json();
    expect(inbox.items.map((i: { title: string }) => i.title)).toEqual([
      "Jack's day is today",
      "Jack's day is next Sunday",
    ]);
    expect((await family.client.post(`/api/inbox/${inbox.items[0].id}/read`)).statusCode).toBe(204);
    expect((await family.client.get('/api/inbox')).json().unread).toBe(1);
  });

  it('follow the preferences: lead times, quiet hours, and e-mail through a real SMTP server', async () => {
    t.clock.set('2027-03-12T12:00:00.000Z');
    const family = await createFamily(t.app, { email: 'parent@example.com' });
    await createLovedOne(family.client);
    const saved = await family.client.request({
      method: 'PUT',
      url: '/api/reminders/preferences',
      payload: {
        preferences: [
          {
            dayKind: 'loss_anniversary',
            inApp: true,
            email: true,
            leads: ['day_before'],
            remindAt: '06:30',
            quietStart: '22:00',
            quietEnd: '08:00',
          },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<PreferencesResponse>()).toMatchObject({
      emailAvailable: true,
      email: 'parent@example.com',
    });
    const before = smtp.received.length;
    t.clock.set('2027-03-13T07:59:00.000Z'); // 06:30 is inside quiet hours: it waits until 08:00
    await runJobs();
    expect(smtp.received.length).toBe(before);
    t.clock.set('2027-03-13T08:00:10.000Z');
    await runJobs();
    const mails = smtp.received.slice(before);
    const jobs = await t.container.db.kysely
      .selectFrom('jobs')
      .select(['queue', 'state', 'last_error', 'run_at'])
      .execute();
    expect(mails, JSON.stringify(jobs)).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(['parent@example.com']);
    expect(mail.parsed.subject).toBe('A day you asked us to remember');
    expect(mail.parsed.text).toContain("Jack's day is tomorrow");
    expect(mail.parsed.html).toContain('Jack&#39;s day is tomorrow');
    expect(mail.parsed.messageId).toMatch(/^<alongside\.[0-9a-f]{32}@alongside\.test>$/);
    const headers = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' '); // unfolded
    const unsubscribe = /^List-Unsubscribe: (.+?)\r?$/m.exec(headers)?.[1]?.trim() ?? '';
    expect(unsubscribe).toMatch(/^<http:\/\/alongside\.test\/unsubscribe\/[^>]+>$/);
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(mail.parsed.text).toContain('To stop them: http://alongside.test/unsubscribe/');

    // One click turns e-mail off for this member, and nothing else.
    const path = new URL(unsubscribe.slice(1, -1)).pathname;
    const clicked = await t.app.inject({
      method: 'POST',
      url: path,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(clicked.statusCode).toBe(200);
    const after = (await family.client.get('/api/reminders/preferences')).json<PreferencesResponse>();
    expect(after.preferences.find((p) => p.dayKind === 'loss_anniversary')).toMatchObject({
      email: false,
      inApp: true,
    });
    expect((await t.app.inject({ method: 'POST', url: '/unsubscribe/forged.token' })).statusCode).toBe(404);
  });

  it('say plainly when e-mail is not set up on the server', async () => {
    const bare = await buildTestApp();
    try {
      const family = await createFamily(bare.app);
      const prefs = (await family.client.get('/api/reminders/preferences')).json<PreferencesResponse>();
      expect(prefs.emailAvailable).toBe(false);
      expect(prefs.preferences.every((p) => !p.email)).toBe(true);
    } finally {
      await bare.close();
    }
  });

  it('refuses half-given quiet hours, naming the field', async () => {
    const family = await createFamily(t.app);
    const response = await family.client.request({
      method: 'PUT',
      url: '/api/reminders/preferences',
      payload: {
        preferences: [
          {
            dayKind: 'birthday',
            inApp: true,
            email: false,
            leads: [],
            remindAt: '09:00',
            quietStart: '22:00',
            quietEnd: null,
          },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toContain('preferences.0.quietEnd');
  });
});

describe('the calendar feed', () => {
  it('gives a private address, stored only as a hash, that a calendar app can read', async () => {
    const family = await createFamily(t.app);
    await createLovedOne(family.client);
    await family.client.patch('/api/family', { country: 'GB' });
    expect((await family.client.get('/api/calendar-feed')).json()).toEqual({
      active: false,
      createdAt: null,
    });
    const created = await family.client.post('/api/calendar-feed');
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json().url as string);
    const token = url.pathname.replace('/calendar/', '').replace('.ics', '');
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const stored = await t.container.db.kysely.selectFrom('member_tokens').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).toContain(hashToken(token));
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    await t.caughtUp();
    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const component = new ICAL.Component(ICAL.parse(feed.body));
    const events = component.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const jack = events.find((e) => e.summary === 'Remembering Jack')!;
    expect(jack.isRecurring()).toBe(true);
    const iterator = jack.iterator();
    const dates = [iterator.next(), iterator.next(), iterator.next()].map((d) => d.toString());
    expect(dates).toEqual(['2025-03-14', '2026-03-14', '2027-03-14']);
    expect(events.some((e) => /wave of light/i.test(e.summary))).toBe(true);
  });

  it('rings for each kind of day as chosen, and links a trip’s moments back to the trip', async () => {
    const family = await createFamily(t.app);
    await createLovedOne(family.client);
    const trip = await createTripWithFlights(family.client);
    const url = new URL((await family.client.post('/api/calendar-feed')).json().url as string);
    await t.caughtUp();
    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
    const titled = (start: string) =>
      events.find((e) => String(e.getFirstPropertyValue('summary')).startsWith(start))!;
    const alarms = (event: ICAL.Component) =>
      event.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('description')));
    // By default, a loved one's day a week ahead and on the day; a trip's moments only on the day.
    expect(alarms(titled('Remembering Jack'))).toHaveLength(2);
    const beforeYouLeave = titled('Before you leave');
    expect(alarms(beforeYouLeave)).toHaveLength(1);
    expect(alarms(beforeYouLeave).join(' ')).not.toMatch(/in a week/i);
    expect(beforeYouLeave.getFirstPropertyValue('url')).toBe(`http://alongside.test/trips/${trip.trip.id}`);
    expect(feed.body).not.toContain('where things get left behind');
  });

  it('stops working when rotated or revoked', async () => {
    const family = await createFamily(t.app);
    const first = new URL((await family.client.post('/api/calendar-feed')).json().url as string).pathname;
    const second = new URL((await family.client.post('/api/calendar-feed')).json().url as string).pathname;
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
    expect((await family.client.delete('/api/calendar-feed')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
  });
});

describe('what a viewer sees', () => {
  it('leaves the family’s trips out of a viewer’s calendar, feed and reminders, and keeps Jack’s days in', async () => {
    t.clock.set('2026-06-28T08:00:00.000Z');
    const family = await createFamily(t.app);
    const gran = await addMember(t.app, t.container.db.kysely, family, 'viewer', 'Gran');
    const jack = await createLovedOne(family.client);
    await createKeepsake(family.client, jack.id);
    await createTripWithFlights(family.client); // out 2026-07-01 09:30 London: moments on 30 June and 1 July
    const kinds = async (who: Family) =>
      (await calendar(who, '2026-06-01', '2027-05-31')).occurrences.map((o) => o.kind);
    expect(await kinds(family)).toContain('trip_moment');
    expect(await kinds(gran)).not.toContain('trip_moment');
    expect(await kinds(gran)).toContain('loss_anniversary');

    const feedUrl = new URL((await gran.client.post('/api/calendar-feed')).json().url as string);
    const feed = await t.app.inject({ method: 'GET', url: feedUrl.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Remembering Jack');
    expect(feed.body).not.toMatch(/Summer in Spain|box of ashes|Before you leave/);

    t.clock.set('2026-07-01T12:00:00.000Z');
    await runJobs();
    await runJobs();
    const titles = async (who: Family) =>
      (await who.client.get('/api/inbox'))
        .json<{ items: Array<{ title: string }> }>()
        .items.map((i) => i.title);
    expect(await titles(family)).toContain("Pack Jack's box of ashes for Summer in Spain");
    expect(await titles(gran)).toEqual([]);
  });
});
