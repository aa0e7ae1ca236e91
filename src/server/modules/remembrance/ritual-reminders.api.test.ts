import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarResponse } from '../../../contracts/remembrance.js';
import type { DueRitualsResponse } from '../../../contracts/rituals.js';
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

// Rituals in the calendar, the iCalendar feed and the reminders (issue 12), on both databases: a
// ritual is a day in the family's calendar at its own time; it reminds only when it asked to
// ("Remind us") and the member chose ritual reminders; once per time it comes round; never for a
// time already marked done or "not today"; never in another family's calendar.

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
// Monday 1 March 2027; London is on GMT until the 28th, so 19:00 there is 19:00Z.
beforeEach(() => t.clock.set('2027-03-01T08:00:00.000Z'));

/** Every Wednesday at 19:00 from 3 March 2027, in the family's zone (Europe/London). */
const weeklyWater = {
  title: 'Water for Jack',
  whatToDo: 'set out a glass of water',
  when: 'schedule',
  repeat: 'weekly',
  date: '2027-03-03',
  time: '19:00',
};

async function runJobs(): Promise<void> {
  const runner = t.container.jobs(t.app.log);
  await t.caughtUp();
  t.clock.advance(100);
  while (await runner.runOnce()) {
    /* keep draining */
  }
}

/** The next Wednesday's ritual time, with a visit mid-week (sessions end after 7 idle days). */
async function nextWeek(family: Family) {
  t.clock.set('2027-03-06T12:00:00.000Z');
  await family.client.get('/api/session');
  t.clock.set('2027-03-10T19:00:10.000Z');
}

async function jacksFamily(email?: string) {
  const family = await createFamily(t.app, email ? { email } : {});
  // No dates of his own, so the inbox holds only the rituals' reminders.
  const jack = await createLovedOne(family.client, { dateOfLoss: null, dueDate: null });
  return { family, jack };
}

async function addRitual(family: Family, lovedOneId: string, body: Record<string, unknown>) {
  const added = await family.client.post(`/api/loved-ones/${lovedOneId}/rituals`, body);
  expect(added.statusCode, added.body).toBe(201);
  return added.json<{ rituals: Array<{ id: string; remind: string | null }> }>().rituals.at(-1)!;
}

/** A member's choice for ritual reminders, in their reminder settings. */
const chooseRitualReminders = (family: Family, choice: { inApp: boolean; email: boolean }) =>
  family.client.put('/api/reminders/preferences', {
    preferences: [
      {
        dayKind: 'ritual',
        leads: ['on_day'],
        remindAt: '09:00',
        quietStart: null,
        quietEnd: null,
        ...choice,
      },
    ],
  });

async function feedOf(family: Family) {
  const url = new URL((await family.client.post('/api/calendar-feed')).json<{ url: string }>().url);
  await t.caughtUp();
  const feed = await t.app.inject({ method: 'GET', url: url.pathname });
  expect(feed.statusCode).toBe(200);
  return new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
}

const inboxTitles = async (family: Family) =>
  (await family.client.get('/api/inbox'))
    .json<{ items: Array<{ title: string; body: string }> }>()
    .items.map((i) => `${i.title} | ${i.body}`);

describe('rituals in the calendar', () => {
  it('are in the feed at their own time with their RRULE, what to do as the description, and no alarm unless asked', async () => {
    const { family, jack } = await jacksFamily();
    await addRitual(family, jack.id, weeklyWater);
    await addRitual(family, jack.id, {
      ...weeklyWater,
      title: 'Jack’s candle',
      whatToDo: 'Light his candle',
      repeat: 'monthly',
      date: '2027-03-31',
      remind: 'hour_before',
    });
    const events = await feedOf(family);
    const named = (summary: string) =>
      new ICAL.Event(events.find((e) => e.getFirstPropertyValue('summary') === summary));

    const water = named('Water for Jack');
    expect(water.description).toBe('set out a glass of water');
    expect(String(water.component.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;BYDAY=WE');
    expect(water.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    const iterator = water.iterator();
    const starts = [iterator.next(), iterator.next(), iterator.next(), iterator.next()].map((d) =>
      d.toString(),
    );
    expect(starts).toEqual([
      '2027-03-03T19:00:00',
      '2027-03-10T19:00:00',
      '2027-03-17T19:00:00',
      '2027-03-24T19:00:00',
    ]);
    expect(water.component.getAllSubcomponents('valarm')).toHaveLength(0);

    // Asked to be remembered an hour before: one alarm, an hour before, never a week early.
    const candle = named('Jack’s candle');
    const alarms = candle.component.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    expect(String(alarms[0]!.getFirstPropertyValue('trigger'))).toBe('-PT1H');
    // 31 March is on summer time in London, and the candle stays at 19:00 on its clock; a month
    // without a 31st has it on its last day.
    const months = candle.iterator();
    expect([months.next(), months.next()].map((d) => d.toString())).toEqual([
      '2027-03-31T19:00:00',
      '2027-04-30T19:00:00',
    ]);
  });

  it('shows on the calendar page, and an arrival ritual once the trip says when it lands', async () => {
    const { family, jack } = await jacksFamily();
    await createKeepsake(family.client, jack.id);
    await addRitual(family, jack.id, weeklyWater);
    await addRitual(family, jack.id, {
      ...weeklyWater,
      when: 'arrival',
      repeat: undefined,
      date: undefined,
      time: undefined,
    });
    const trip = await createTripWithFlights(family.client);
    const calendar = async (from: string, to: string) => {
      await t.caughtUp();
      const response = await family.client.get(`/api/calendar?from=${from}&to=${to}`);
      return response.json<CalendarResponse>().occurrences.filter((o) => o.kind === 'ritual');
    };
    expect(
      (await calendar('2027-03-01', '2027-03-14')).map((o) => [o.date, o.time, o.title, o.note]),
    ).toEqual([
      ['2027-03-03', '19:00', 'Water for Jack', 'set out a glass of water'],
      ['2027-03-10', '19:00', 'Water for Jack', 'set out a glass of water'],
    ]);
    // The flights (July 2026) have no arrival time yet: nothing says when the arrival falls.
    expect((await calendar('2026-06-01', '2026-07-31')).length).toBe(0);
    const timed = await family.client.patch(`/api/legs/${trip.legs[0]!.id}`, {
      arrivalLocal: '2026-07-01T13:00',
      arrivalZone: 'Europe/Madrid',
    });
    expect(timed.statusCode, timed.body).toBe(200);
    expect((await calendar('2026-06-01', '2026-07-31')).map((o) => [o.date, o.time, o.tripId])).toEqual([
      ['2026-07-01', '13:00', trip.trip.id],
    ]);
  });

  it('never appear in another family’s calendar or feed, nor to a viewer', async () => {
    const { family, jack } = await jacksFamily();
    await addRitual(family, jack.id, { ...weeklyWater, remind: 'at_time' });
    const other = await jacksFamily();
    await t.caughtUp();
    const theirs = await other.family.client.get('/api/calendar?from=2027-03-01&to=2027-03-31');
    expect(theirs.json<CalendarResponse>().occurrences.some((o) => o.kind === 'ritual')).toBe(false);
    expect(
      (await feedOf(other.family)).some((e) => e.getFirstPropertyValue('summary') === 'Water for Jack'),
    ).toBe(false);

    const gran = await addMember(t.app, t.container.db.kysely, family, 'viewer', 'Gran');
    expect((await feedOf(gran)).some((e) => e.getFirstPropertyValue('summary') === 'Water for Jack')).toBe(
      false,
    );
    t.clock.set('2027-03-03T19:00:10.000Z');
    await runJobs();
    expect(await inboxTitles(gran)).toEqual([]);
    expect(await inboxTitles(other.family)).toEqual([]);
    expect(await inboxTitles(family)).toEqual(['It’s time for Water for Jack | Set out a glass of water.']);
  });
});

describe('ritual reminders', () => {
  it('come once at the ritual’s time, in the app and by e-mail, only when the ritual asked', async () => {
    const { family, jack } = await jacksFamily('water@example.com');
    await addRitual(family, jack.id, { ...weeklyWater, title: 'Quiet water' }); // no "Remind us"
    const ritual = await addRitual(family, jack.id, { ...weeklyWater, remind: 'at_time' });
    expect(ritual.remind).toBe('at_time');
    const chose = await chooseRitualReminders(family, { inApp: true, email: true });
    expect(chose.statusCode, chose.body).toBe(200);
    const before = smtp.received.length;
    t.clock.set('2027-03-03T18:59:00.000Z');
    await runJobs();
    expect(await inboxTitles(family)).toEqual([]);
    t.clock.set('2027-03-03T19:00:10.000Z');
    await runJobs();
    await runJobs();
    // Two ticks, and a second look: still one reminder.
    expect(await inboxTitles(family)).toEqual(['It’s time for Water for Jack | Set out a glass of water.']);
    const mails = smtp.received.slice(before).filter((m) => m.to.includes('water@example.com'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toBe('A ritual you asked us to remember');
    expect(mails[0]!.parsed.text).toContain('It’s time for Water for Jack');
    // And again the next Wednesday.
    await nextWeek(family);
    await runJobs();
    expect(await inboxTitles(family)).toHaveLength(2);
  });

  it('say an hour before when the ritual asked for that', async () => {
    const { family, jack } = await jacksFamily();
    await addRitual(family, jack.id, { ...weeklyWater, remind: 'hour_before' });
    t.clock.set('2027-03-03T17:59:00.000Z');
    await runJobs();
    expect(await inboxTitles(family)).toEqual([]);
    t.clock.set('2027-03-03T18:00:10.000Z');
    await runJobs();
    expect(await inboxTitles(family)).toEqual([
      'Water for Jack is in an hour | It comes round at 19:00. Set out a glass of water.',
    ]);
  });

  it('send nothing for a time already marked done or “not today”', async () => {
    const { family, jack } = await jacksFamily('marked@example.com');
    const ritual = await addRitual(family, jack.id, { ...weeklyWater, remind: 'at_time' });
    await chooseRitualReminders(family, { inApp: true, email: true });
    await runJobs();
    const before = smtp.received.length;
    t.clock.set('2027-03-03T19:00:10.000Z');
    // The tick queues the deliveries; the family marks the card before they go out.
    await t.container.remembrance.tick();
    const cards = (await family.client.get('/api/rituals/due')).json<DueRitualsResponse>().due;
    expect(cards.map((c) => c.occurrenceKey)).toEqual(['2027-03-03']);
    const marked = await family.client.post(`/api/rituals/${ritual.id}/marks`, {
      occurrenceKey: '2027-03-03',
      outcome: 'not_today',
    });
    expect(marked.statusCode, marked.body).toBe(201);
    await runJobs();
    expect(await inboxTitles(family)).toEqual([]);
    expect(smtp.received.slice(before).filter((m) => m.to.includes('marked@example.com'))).toHaveLength(0);
    // The next time it comes round is not marked: that one is sent.
    await nextWeek(family);
    await runJobs();
    expect(await inboxTitles(family)).toEqual(['It’s time for Water for Jack | Set out a glass of water.']);
  });

  it('send nothing to a member who turned ritual reminders off', async () => {
    const { family, jack } = await jacksFamily();
    await addRitual(family, jack.id, { ...weeklyWater, remind: 'at_time' });
    const off = await chooseRitualReminders(family, { inApp: false, email: false });
    expect(off.statusCode, off.body).toBe(200);
    t.clock.set('2027-03-03T19:00:10.000Z');
    await runJobs();
    expect(await inboxTitles(family)).toEqual([]);
  });

  it('refuse "an hour before" for a ritual that comes when it happens, naming the field', async () => {
    const { family, jack } = await jacksFamily();
    const refused = await family.client.post(`/api/loved-ones/${jack.id}/rituals`, {
      title: 'Water for Jack',
      whatToDo: 'Set out a glass of water',
      when: 'arrival',
      remind: 'hour_before',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
      'remind',
    );
  });
});
