import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../contracts/accounts.js';
import { buildMailApps, buildTestApp, clientFor, type MailApps, type TestApp } from '../../test/app.js';
import { createFamily } from '../../test/factories.js';
import { startSmtpServer, type ReceivedMail, type SmtpServer } from '../../test/smtp.js';

// Signing up must not tell whether an address has an account where e-mail is on (SECURITY.md):
// everyone is asked to check their e-mail; a new address gets a link that makes the family, an
// address in use gets a note to its owner instead. Where e-mail is off, the family is made at once
// and an address in use is said to be in use. Mail goes through a real SMTP server (test/smtp.ts).

let apps: MailApps;
let smtp: SmtpServer;
let t: TestApp;
/** The same server with e-mail off (no SMTP_URL). */
let off: TestApp;

beforeAll(async () => {
  apps = await buildMailApps();
  ({ smtp, t, off } = apps);
});
afterAll(() => apps?.close());
beforeEach(() => t.clock.set('2026-06-01T09:00:00.000Z'));

const PASSWORD = 'a long and gentle password';
const form = (email: string, password = PASSWORD) => ({
  displayName: 'Ruth',
  email,
  password,
  familyName: 'The Ellis family',
  homeZone: 'Europe/London',
});
const signUp = (app: TestApp, email: string, password = PASSWORD) =>
  app.app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: form(email, password) });
const finish = (token: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-up/finish', payload: { token } });
const signIn = (app: TestApp, email: string, password: string) =>
  app.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
const cookieOf = (response: LightMyRequestResponse) =>
  response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

/** Waits for the mail server to have received a message to this address, and answers it. */
async function mailTo(address: string, after = 0): Promise<ReceivedMail> {
  for (;;) {
    const found = smtp.received.slice(after).find((m) => m.to.includes(address));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const linkIn = (mail: ReceivedMail) =>
  /http:\/\/alongside\.test\/finish-sign-up#token=([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')?.[1];

describe('signing up where e-mail is on', () => {
  it('answers a new address and one with an account the same way, and signs no one in', async () => {
    await createFamily(t.app, { email: 'taken@example.com' });
    const fresh = await signUp(t, 'fresh@example.com');
    const taken = await signUp(t, 'taken@example.com', 'someone else entirely');
    for (const answer of [fresh, taken]) {
      expect(answer.statusCode).toBe(201);
      expect(answer.cookies).toEqual([]);
    }
    // The same words but for the address each person typed.
    const general = (r: LightMyRequestResponse, email: string) => ({
      ...r.json<{ status: string; message: string }>(),
      message: r.json<{ message: string }>().message.replace(email, '<address>'),
    });
    expect(general(taken, 'taken@example.com')).toEqual(general(fresh, 'fresh@example.com'));
    expect(fresh.json()).toEqual({
      status: 'check-email',
      message: expect.stringContaining('We have sent an e-mail to fresh@example.com') as unknown,
    });
    expect(Object.keys(taken.json()).sort()).toEqual(['message', 'status']);
  });

  it('answers before looking the address up or sending, so a slow mail server tells nothing', async () => {
    const slowSmtp = await startSmtpServer({ delayMs: 1500 });
    const slow = await buildTestApp({ env: { SMTP_URL: slowSmtp.url } });
    try {
      await createFamily(slow.app, { email: 'kept@example.com' });
      const taken = await signUp(slow, 'kept@example.com');
      const fresh = await signUp(slow, 'new@example.com');
      // The mail server holds each message 1.5 s before accepting it: had either answer waited
      // for its sending, that message would be in by now.
      expect(slowSmtp.received).toEqual([]);
      expect([taken.statusCode, fresh.statusCode]).toEqual([201, 201]);
      await expect
        .poll(() => slowSmtp.received.map((m) => m.to[0]).sort(), { timeout: 10_000 })
        .toEqual(['kept@example.com', 'new@example.com']);
    } finally {
      await slow.close();
      await slowSmtp.close();
    }
  });

  it("tells the address's owner, changes nothing, and sends no link", async () => {
    await createFamily(t.app, { email: 'owner@example.com' });
    const before = smtp.received.length;
    await signUp(t, 'owner@example.com', 'a guess at a new password');
    const mail = await mailTo('owner@example.com', before);
    expect(mail.parsed.subject).toBe('You already have an Alongside account');
    expect(mail.parsed.text).toContain('nothing new was made and nothing has changed');
    expect(mail.parsed.text).toContain('http://alongside.test/forgot-password');
    expect(linkIn(mail)).toBeUndefined();
    expect((await signIn(t, 'owner@example.com', PASSWORD)).statusCode).toBe(200);
    expect((await signIn(t, 'owner@example.com', 'a guess at a new password')).statusCode).toBe(401);
  });

  it('makes the family when the link is opened, once, and signs its owner in', async () => {
    const before = smtp.received.length;
    await signUp(t, 'ruth@example.org');
    expect((await signIn(t, 'ruth@example.org', PASSWORD)).statusCode).toBe(401);
    const mail = await mailTo('ruth@example.org', before);
    expect(mail.parsed.subject).toBe('Please confirm your e-mail address to finish joining Alongside');
    const token = linkIn(mail)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const done = await finish(token);
    expect(done.statusCode, done.body).toBe(201);
    const session = done.json<SessionResponse>();
    expect(session.user).toMatchObject({ email: 'ruth@example.org', displayName: 'Ruth' });
    expect(session.family).toMatchObject({ name: 'The Ellis family', homeZone: 'Europe/London' });
    expect(session.member.role).toBe('owner');
    const client = clientFor(t.app, cookieOf(done), session.csrfToken);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    expect((await signIn(t, 'ruth@example.org', PASSWORD)).statusCode).toBe(200);

    const again = await finish(token);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('already been used, or it is more than a day old');
  });

  it('keeps only the newest link for an address, for a day', async () => {
    const before = smtp.received.length;
    await signUp(t, 'twice@example.org');
    const first = linkIn(await mailTo('twice@example.org', before))!;
    const middle = smtp.received.length;
    await signUp(t, 'twice@example.org');
    const second = linkIn(await mailTo('twice@example.org', middle))!;
    expect(second).not.toBe(first);
    expect((await finish(first)).statusCode).toBe(400);

    t.clock.set('2026-06-02T09:00:00.000Z'); // a day after it was sent
    expect((await finish(second)).statusCode).toBe(400);
  });

  it('makes nothing when the address got an account after the link was sent', async () => {
    const before = smtp.received.length;
    await signUp(t, 'late@example.org');
    const token = linkIn(await mailTo('late@example.org', before))!;
    // Someone else's account takes the address meanwhile, by changing theirs and confirming it.
    const other = await createFamily(t.app, { email: 'other@example.org' });
    const asked = smtp.received.length;
    const change = await other.client.post('/api/account/email', {
      newEmail: 'late@example.org',
      currentPassword: PASSWORD,
    });
    expect(change.statusCode, change.body).toBe(200);
    const changeMail = await mailTo('late@example.org', asked);
    const changeToken = /confirm-email#token=([A-Za-z0-9_-]{43})/.exec(changeMail.parsed.text ?? '')![1]!;
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/account/email/confirm',
      payload: { token: changeToken },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    const late = await finish(token);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('Please sign in instead');
  });

  it('asks for a whole link', async () => {
    const bad = await finish('not-a-token');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.token).toContain('This link is not complete');
  });
});

describe('signing up where e-mail is off', () => {
  it('signs in at once, and says when the address has an account (no e-mail could tell its owner)', async () => {
    const made = await signUp(off, 'offline@example.org');
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ status: 'signed-in', user: { email: 'offline@example.org' } });
    expect(made.cookies.map((c) => c.name)).toContain('alongside_session');

    const again = await signUp(off, 'offline@example.org');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.email).toContain('There is already an account with this e-mail address');
  });
});
