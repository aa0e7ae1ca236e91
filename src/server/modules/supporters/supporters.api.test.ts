import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupporterReply, SupportersResponse } from '../../../contracts/supporters.js';
import { buildTestApp, clientFor, type TestApp } from '../../test/app.js';
import { addMember, createFamily, createLovedOne, type Family } from '../../test/factories.js';
import { startSmtpServer, type ReceivedMail } from '../../test/smtp.js';
import { instanceSecrets } from '../../instance-secrets.repository.js';
import { SUPPORTER_EMAIL_QUEUE } from './index.js';
import { supporterLinks } from './links.js';

// Supporters, end to end through the API and a real SMTP server: nothing but the confirmation is
// sent before they agree; the e-mail before the Wave of Light comes three hours before 19:00 on the
// supporter's own clock, once; a reply waits for a parent; stopping and removing take effect at once.

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let family: Family;
let waveId: string;
let jackId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
  family = await createFamily(t.app, { email: 'anna.rivers@example.com' });
  jackId = (await createLovedOne(family.client)).id; // Jack, a pregnancy loss in GB: the Wave of Light is his family's day too
  await t.caughtUp();
  const list = (await family.client.get('/api/supporters')).json<SupportersResponse>();
  waveId = list.days.find((d) => d.title === 'International Wave of Light')!.id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const SUGGESTION = 'Light a candle for Jack at 7pm and send us a photo';

const mailTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(address));
const dayMailsTo = (address: string) =>
  mailTo(address).filter((m) => /send them a few words/i.test(m.parsed.text ?? ''));

function linkIn(mail: ReceivedMail, pattern: RegExp): string {
  const match = pattern.exec(mail.parsed.text ?? '');
  if (!match) throw new Error(`no link in: ${mail.parsed.text}`);
  return match[1]!;
}

async function addSupporter(name: string, email: string, timeZone?: string) {
  const response = await family.client.post('/api/supporters', {
    name,
    email,
    ...(timeZone && { timeZone }),
    days: [{ dayId: waveId, suggestion: SUGGESTION }],
  });
  expect(response.statusCode, response.body).toBe(201);
  const confirm = linkIn(mailTo(email).at(-1)!, /\/supporter\/confirm#token=([A-Za-z0-9_-]{43})/);
  return { id: response.json<{ supporter: { id: string } }>().supporter.id, confirm };
}

/** Moves the server's clock; Anna signs in again, as she would months later. */
async function setClock(iso: string): Promise<void> {
  t.clock.set(iso);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: 'anna.rivers@example.com', password: 'a long and gentle password' },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  family = {
    ...family,
    cookie,
    client: clientFor(t.app, cookie, response.json<{ csrfToken: string }>().csrfToken),
  };
}

const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object });

/** One tick of the supporters' scheduler, then every queued supporter e-mail sent. */
async function tickAndSend(): Promise<void> {
  const supporters = t.container.modules.find((m) => m.name === 'supporters')!.built.services as {
    tick(): Promise<number>;
  };
  await supporters.tick();
  await t.container.jobs(t.app.log).drain(SUPPORTER_EMAIL_QUEUE);
}

describe('supporters', () => {
  let grandma: { id: string; confirm: string };
  let uncle: { id: string; confirm: string };
  let aunt: { id: string; confirm: string };
  let friend: { id: string; confirm: string };
  let cousin: { id: string; confirm: string };

  it('sends only the confirmation before a supporter agrees, with the token kept hashed', async () => {
    grandma = await addSupporter('Grandma', 'grandma@example.com', 'America/New_York');
    uncle = await addSupporter('Uncle Tom', 'tom@example.com');
    aunt = await addSupporter('Aunt May', 'may@example.com');
    friend = await addSupporter('Priya', 'priya@example.com');
    cousin = await addSupporter('Cousin Ed', 'ed@example.com');
    for (const address of ['grandma@example.com', 'tom@example.com', 'may@example.com']) {
      expect(mailTo(address)).toHaveLength(1);
      expect(mailTo(address)[0]!.raw).not.toContain('List-Unsubscribe');
    }
    const stored = await t.container.db.kysely.selectFrom('supporters').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(grandma.confirm);

    const list = (await family.client.get('/api/supporters')).json<SupportersResponse>();
    const g = list.supporters.find((s) => s.id === grandma.id)!;
    expect(g).toMatchObject({ status: 'pending', timeZone: 'America/New_York' });
    expect(g.days).toEqual([
      { dayId: waveId, title: 'International Wave of Light', suggestion: SUGGESTION, nextEmailAt: null },
    ]);
    expect(list.supporters.find((s) => s.id === uncle.id)!.timeZone).toBe('Europe/London');
  });

  it('refuses kindly what it cannot keep, naming the field', async () => {
    const long = await family.client.post('/api/supporters', {
      name: 'Nan',
      email: 'nan@example.com',
      days: [{ dayId: waveId, suggestion: 'x'.repeat(281) }],
    });
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json())).toContain('Please keep the suggestion under 280 characters.');
    const zone = await family.client.post('/api/supporters', {
      name: 'Nan',
      email: 'nan@example.com',
      timeZone: 'Mars/Base',
    });
    expect(zone.statusCode).toBe(400);
    expect(JSON.stringify(zone.json())).toContain('timeZone');
    const twice = await family.client.post('/api/supporters', {
      name: 'Grandma again',
      email: 'grandma@example.com',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ error: { fields: Record<string, string> } }>().error.fields.email).toContain(
      'already',
    );
    expect(mailTo('nan@example.com')).toHaveLength(0);
  });

  it('confirms by the link, shows what they will get, and the link is read exactly', async () => {
    const yes = await post('/api/supporter-links/confirm', { token: grandma.confirm });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json()).toEqual({ name: 'Grandma', addedBy: 'Anna', days: 1 });
    expect((await post('/api/supporter-links/confirm', { token: grandma.confirm })).statusCode).toBe(200);
    expect((await post('/api/supporter-links/confirm', { token: `${grandma.confirm}x` })).statusCode).toBe(
      400,
    );
    const guessed = await post('/api/supporter-links/confirm', {
      token: `${grandma.confirm.slice(0, -1)}${grandma.confirm.endsWith('A') ? 'B' : 'A'}`,
    });
    expect(guessed.statusCode).toBe(404);
    for (const s of [uncle, friend, cousin])
      expect((await post('/api/supporter-links/confirm', { token: s.confirm })).statusCode).toBe(200);
    const list = (await family.client.get('/api/supporters')).json<SupportersResponse>();
    const g = list.supporters.find((s) => s.id === grandma.id)!;
    // 19:00 in New York on 15 October 2026 (EDT, UTC−4) is 23:00 UTC; the e-mail is three hours before.
    expect(g).toMatchObject({ status: 'confirmed' });
    expect(g.days[0]!.nextEmailAt).toBe('2026-10-15T20:00:00.000Z');
    expect(list.supporters.find((s) => s.id === uncle.id)!.days[0]!.nextEmailAt).toBe(
      '2026-10-15T15:00:00.000Z',
    );
  });

  it('lets a supporter stop with one click, without signing in', async () => {
    // Priya stops from the link in a first e-mail's headers; we sign it as the e-mail would.
    const links = supporterLinks(
      () => instanceSecrets(t.container.db.kysely).secret('unsubscribe-key'),
      'http://alongside.test',
    );
    const token = await links.stopToken(friend.id);
    const stop = await t.app.inject({
      method: 'POST',
      url: `/supporter-stop/${token}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(stop.statusCode).toBe(200);
    expect(stop.body).toContain('You will not get these e-mails any more');
    expect((await post('/api/supporter-links/stop', { token })).statusCode).toBe(200);
    const again = await post('/api/supporter-links/confirm', { token: friend.confirm });
    expect(again.statusCode).toBe(404);
    expect(again.json<{ error: { message: string } }>().error.message).toContain(
      'asked not to get these e-mails',
    );
  });

  it("sends before the Wave of Light at 19:00 on each supporter's own clock, once, and nothing to those who did not agree, stopped or were removed", async () => {
    await setClock('2026-10-15T14:59:00.000Z');
    await tickAndSend();
    expect(smtp.received.filter((m) => /send them a few words/i.test(m.parsed.text ?? ''))).toHaveLength(0);

    // 16:00 in London: Uncle Tom's and Cousin Ed's e-mails are queued; Ed is removed before they go.
    await setClock('2026-10-15T15:00:00.000Z');
    const supporters = t.container.modules.find((m) => m.name === 'supporters')!.built.services as {
      tick(): Promise<number>;
    };
    // Two ticks at once, as two instances would run them (on PostgreSQL each on its own connection,
    // taking rows with SKIP LOCKED): between them each e-mail is taken once.
    const taken = await Promise.all([supporters.tick(), supporters.tick()]);
    expect(taken[0] + taken[1]).toBe(2);
    expect((await family.client.delete(`/api/supporters/${cousin.id}`)).statusCode).toBe(204);
    await t.container.jobs(t.app.log).drain(SUPPORTER_EMAIL_QUEUE);
    expect(dayMailsTo('tom@example.com')).toHaveLength(1);
    expect(dayMailsTo('ed@example.com')).toHaveLength(0);
    const tom = dayMailsTo('tom@example.com')[0]!;
    expect(tom.parsed.text).toContain(SUGGESTION);
    expect(tom.parsed.text).toContain('Thursday 15 October');
    expect(tom.raw).toMatch(/^List-Unsubscribe:\s*<http:\/\/alongside\.test\/supporter-stop\/[^>]+>/m);
    expect(tom.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);

    await setClock('2026-10-15T19:59:00.000Z');
    await tickAndSend();
    expect(dayMailsTo('grandma@example.com')).toHaveLength(0);
    await setClock('2026-10-15T20:00:00.000Z');
    await tickAndSend();
    expect(dayMailsTo('grandma@example.com')).toHaveLength(1);
    await setClock('2026-10-15T22:00:00.000Z');
    await tickAndSend();
    await tickAndSend();
    expect(dayMailsTo('grandma@example.com')).toHaveLength(1);
    expect(dayMailsTo('tom@example.com')).toHaveLength(1);
    for (const address of ['may@example.com', 'priya@example.com', 'ed@example.com'])
      expect(dayMailsTo(address)).toHaveLength(0);
    // Queued once per (supporter's day, occurrence), whatever ticks ran.
    const jobs = await t.container.db.kysely
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('queue', '=', SUPPORTER_EMAIL_QUEUE)
      .execute();
    expect(jobs.filter((j) => j.dedupe_key.endsWith(':2026-10-15'))).toHaveLength(3);
    const list = (await family.client.get('/api/supporters')).json<SupportersResponse>();
    expect(list.supporters.find((s) => s.id === grandma.id)!.days[0]!.nextEmailAt).toBe(
      '2027-10-15T20:00:00.000Z',
    );
    // A removed supporter's confirmation link no longer works, kindly.
    const gone = await post('/api/supporter-links/confirm', { token: cousin.confirm });
    expect(gone.statusCode).toBe(404);
    expect(gone.json<{ error: { message: string } }>().error.message).toContain('no longer works');
  });

  it('holds a reply until a parent accepts it, then it reaches the inbox once', async () => {
    const mail = dayMailsTo('grandma@example.com')[0]!;
    const token = linkIn(mail, /\/supporter\/reply#token=(\S+)/);
    const preview = await post('/api/supporter-links/reply/preview', { token });
    expect(preview.json()).toEqual({ name: 'Grandma', suggestion: SUGGESTION, alreadyReplied: false });

    const empty = await post('/api/supporter-links/reply', { token, message: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('Please fill in your message.');
    const message = 'Lit one for Jack in Boston tonight. Thinking of you all.';
    expect((await post('/api/supporter-links/reply', { token, message })).statusCode).toBe(201);
    expect((await post('/api/supporter-links/reply', { token, message })).statusCode).toBe(409);
    // A reply link is for its own occurrence only: another date, same signature, is refused.
    const [dayId, , signature] = token.split('.');
    expect(
      (await post('/api/supporter-links/reply', { token: `${dayId}.2027-10-15.${signature}`, message }))
        .statusCode,
    ).toBe(404);

    const inbox = async () => JSON.stringify((await family.client.get('/api/inbox')).json());
    expect(await inbox()).not.toContain(message);
    const replies = (await family.client.get('/api/supporter-replies')).json<{ replies: SupporterReply[] }>()
      .replies;
    const waiting = replies.find((r) => r.message === message)!;
    expect(waiting).toMatchObject({
      status: 'pending',
      supporterName: 'Grandma',
      occurrenceDate: '2026-10-15',
    });

    // A teen login (Jack's brother) and a viewer (a grandmother outside the household) in the family.
    const teen = await addMember(t.app, t.container.db.kysely, family, 'child', 'Leo');
    const viewer = await addMember(t.app, t.container.db.kysely, family, 'viewer', 'Gran');
    const accepted = await family.client.post(`/api/supporter-replies/${waiting.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<{ reply: SupporterReply }>().reply.status).toBe('accepted');
    expect((await family.client.post(`/api/supporter-replies/${waiting.id}/accept`)).statusCode).toBe(200);
    expect((await family.client.post(`/api/supporter-replies/${waiting.id}/decline`)).statusCode).toBe(409);
    const items = (await family.client.get('/api/inbox')).json<{
      items: Array<{ title: string; body: string }>;
    }>().items;
    expect(items.filter((i) => i.body === message)).toEqual([
      expect.objectContaining({ title: 'A message from Grandma' }),
    ]);
    // Shared with those who may read Jack's pages: the teen, not the viewer.
    expect(JSON.stringify((await teen.client.get('/api/inbox')).json())).toContain(message);
    const viewersInbox = await viewer.client.get('/api/inbox');
    expect(viewersInbox.statusCode).toBe(200);
    expect(JSON.stringify(viewersInbox.json())).not.toContain(message);
  });

  it('keeps a declined reply out of the inbox', async () => {
    const token = linkIn(dayMailsTo('tom@example.com')[0]!, /\/supporter\/reply#token=(\S+)/);
    const message = 'Sorry, this is Tom testing the link';
    expect((await post('/api/supporter-links/reply', { token, message })).statusCode).toBe(201);
    const replies = (await family.client.get('/api/supporter-replies')).json<{ replies: SupporterReply[] }>()
      .replies;
    const waiting = replies.find((r) => r.message === message)!;
    const declined = await family.client.post(`/api/supporter-replies/${waiting.id}/decline`);
    expect(declined.json<{ reply: SupporterReply }>().reply.status).toBe('declined');
    expect((await family.client.post(`/api/supporter-replies/${waiting.id}/accept`)).statusCode).toBe(409);
    expect(JSON.stringify((await family.client.get('/api/inbox')).json())).not.toContain(message);
  });

  it('stops at once when a supporter is removed: their links stop working', async () => {
    const token = linkIn(dayMailsTo('tom@example.com')[0]!, /\/supporter\/reply#token=(\S+)/);
    const stopToken = linkIn(dayMailsTo('tom@example.com')[0]!, /\/supporter\/stop#token=(\S+)/);
    expect((await family.client.delete(`/api/supporters/${uncle.id}`)).statusCode).toBe(204);
    const preview = await post('/api/supporter-links/reply/preview', { token });
    expect(preview.statusCode).toBe(404);
    expect(preview.json<{ error: { message: string } }>().error.message).toContain('no longer works');
    expect((await post('/api/supporter-links/stop', { token: stopToken })).statusCode).toBe(404);
    await setClock('2027-10-15T15:00:00.000Z');
    await tickAndSend();
    expect(dayMailsTo('tom@example.com')).toHaveLength(1);
  });

  it('changes a supporter’s days and words, and follows a day that moved', async () => {
    const list = (await family.client.get('/api/supporters')).json<SupportersResponse>();
    const anniversary = list.days.find((d) => d.kind === 'loss_anniversary')!;
    const changed = await family.client.request({
      method: 'PUT',
      url: `/api/supporters/${grandma.id}/days`,
      payload: {
        days: [
          { dayId: waveId, suggestion: 'A candle at seven, if you can' },
          { dayId: anniversary.id, suggestion: 'Send Anna a message on Jack’s day' },
        ],
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const days = changed.json<{ supporter: SupportersResponse['supporters'][number] }>().supporter.days;
    expect(days.find((d) => d.dayId === waveId)).toMatchObject({
      suggestion: 'A candle at seven, if you can',
      nextEmailAt: '2027-10-15T20:00:00.000Z',
    });
    // 09:00 in New York the day before 14 March 2028 (EDT since 12 March).
    expect(days.find((d) => d.dayId === anniversary.id)!.nextEmailAt).toBe('2028-03-13T13:00:00.000Z');

    const moved = await family.client.patch(`/api/loved-ones/${jackId}`, { dateOfLoss: '2025-04-02' });
    expect(moved.statusCode, moved.body).toBe(200);
    await t.caughtUp();
    const after = (await family.client.get('/api/supporters')).json<SupportersResponse>();
    const g = after.supporters.find((s) => s.id === grandma.id)!;
    expect(g.days.find((d) => d.dayId === anniversary.id)!.nextEmailAt).toBe('2028-04-01T13:00:00.000Z');
    expect(g.days.find((d) => d.dayId === waveId)!.nextEmailAt).toBe('2027-10-15T20:00:00.000Z');
  });

  it('ends an unused confirmation link after 14 days', async () => {
    const ended = await post('/api/supporter-links/confirm', { token: aunt.confirm });
    expect(ended.statusCode).toBe(404);
    expect(ended.json<{ error: { message: string } }>().error.message).toContain('ask them to send it again');
  });

  it("refuses another family's supporters, replies and days", async () => {
    const other = await createFamily(t.app, { familyName: 'The Hills family' });
    const reply = (await family.client.get('/api/supporter-replies')).json<{ replies: SupporterReply[] }>()
      .replies[0]!;
    expect((await other.client.post(`/api/supporter-replies/${reply.id}/accept`)).statusCode).toBe(404);
    expect((await other.client.post(`/api/supporter-replies/${reply.id}/decline`)).statusCode).toBe(404);
    expect((await other.client.delete(`/api/supporters/${grandma.id}`)).statusCode).toBe(404);
    expect(
      (
        await other.client.request({
          method: 'PUT',
          url: `/api/supporters/${grandma.id}/days`,
          payload: { days: [] },
        })
      ).statusCode,
    ).toBe(404);
    const borrowed = await other.client.post('/api/supporters', {
      name: 'Someone',
      email: 'someone@example.com',
      days: [{ dayId: waveId, suggestion: 'Hello' }],
    });
    expect(borrowed.statusCode).toBe(400);
    const theirs = (await other.client.get('/api/supporters')).json<SupportersResponse>();
    expect(theirs.supporters).toEqual([]);
    expect((await other.client.get('/api/supporter-replies')).json()).toEqual({ replies: [] });
    expect(
      (await family.client.get('/api/supporters')).json<SupportersResponse>().supporters.map((s) => s.name),
    ).toContain('Grandma');
  });
});
