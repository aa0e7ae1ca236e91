import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceSessionsResponse, SessionResponse } from '../../../contracts/accounts.js';
import { hashToken } from '../../secrets.js';
import {
  buildMailApps,
  buildTestApp,
  clientFor,
  type Client,
  type MailApps,
  type TestApp,
} from '../../test/app.js';
import { addMember, createFamily } from '../../test/factories.js';
import { startSmtpServer, type ReceivedMail, type SmtpServer } from '../../test/smtp.js';

// Accounts people run themselves (issue 10): where they are signed in, a forgotten password by
// e-mail, and a new e-mail address confirmed by a link. E-mail goes through a real SMTP server
// (test/smtp.ts), and the links are read from the delivered messages and used as a person would.

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
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const cookieOf = (response: LightMyRequestResponse) =>
  response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

/** Signs in from a browser with this User-Agent (and any cookie it still holds). */
async function signIn(
  app: TestApp,
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    headers,
  });
  return response;
}

async function signedIn(app: TestApp, email: string, userAgent?: string): Promise<Client> {
  const response = await signIn(app, email, PASSWORD, userAgent ? { 'user-agent': userAgent } : {});
  expect(response.statusCode, response.body).toBe(200);
  return clientFor(app.app, cookieOf(response), response.json<SessionResponse>().csrfToken);
}

const stillSignedIn = async (client: Client) => (await client.get('/api/session')).statusCode === 200;

/** Waits for the mail server to have received a message to this address, and answers it. */
async function mailTo(address: string, after = 0): Promise<ReceivedMail> {
  for (let i = 0; i < 200; i++) {
    const found = smtp.received.slice(after).find((m) => m.to.includes(address));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`No e-mail reached ${address}`);
}

/** The token from a link `${baseUrl}/<page>#token=…` in the message's text. */
function tokenIn(mail: ReceivedMail, page: string): string {
  const text = mail.parsed.text ?? '';
  const match = new RegExp(`http://alongside\\.test/${page}#token=([A-Za-z0-9_-]{43})`).exec(text);
  if (!match?.[1]) throw new Error(`No /${page} link in: ${text}`);
  return match[1];
}

const requestReset = (app: TestApp, email: string) =>
  app.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
const confirmReset = (app: TestApp, token: string, newPassword: string) =>
  app.app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    payload: { token, newPassword },
  });

describe('where you are signed in', () => {
  it('lists each session with its device and times, marks this one, and never shows the stored id', async () => {
    const family = await createFamily(t.app, { email: 'list@example.com' });
    t.clock.advance(3_600_000);
    const phone = await signedIn(t, 'list@example.com', FIREFOX_ANDROID);
    const iphone = await signedIn(t, 'list@example.com', SAFARI_IPHONE);

    const response = await phone.get('/api/account/sessions');
    expect(response.statusCode).toBe(200);
    const { sessions } = response.json<DeviceSessionsResponse>();
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current).map((s) => s.device)).toEqual(['Firefox on Android']);
    expect(sessions.map((s) => s.device)).toEqual(
      expect.arrayContaining(['Firefox on Android', 'Safari on iPhone', null]),
    );
    const first = sessions.find((s) => s.device === null)!;
    expect(first.signedInAt).toBe('2026-06-01T09:00:00.000Z');
    expect(first.lastSeenAt).toBe('2026-06-01T09:00:00.000Z');
    // The stored id is the hash of the cookie's token: it never leaves the server.
    for (const client of [family.client, phone, iphone]) {
      const token = /alongside_session=([^;]+)/.exec(client.cookie)![1]!;
      expect(response.body).not.toContain(hashToken(token));
      expect(response.body).not.toContain(token);
    }
    // Reading the list is a read: no session's last-seen time moved.
    const again = (await iphone.get('/api/account/sessions')).json<DeviceSessionsResponse>();
    expect(again.sessions.map((s) => s.lastSeenAt).sort()).toEqual(sessions.map((s) => s.lastSeenAt).sort());
  });

  it('ends one session, then the others, and keeps this one', async () => {
    const family = await createFamily(t.app, { email: 'end@example.com' });
    const phone = await signedIn(t, 'end@example.com', FIREFOX_ANDROID);
    const laptop = await signedIn(t, 'end@example.com', SAFARI_IPHONE);
    const list = (await family.client.get('/api/account/sessions')).json<DeviceSessionsResponse>().sessions;
    const phoneId = list.find((s) => s.device === 'Firefox on Android')!.id;

    expect((await family.client.delete(`/api/account/sessions/${phoneId}`)).statusCode).toBe(204);
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(laptop)).toBe(true);
    const again = await family.client.delete(`/api/account/sessions/${phoneId}`);
    expect(again.statusCode).toBe(404);

    expect((await family.client.post('/api/account/sessions/end-others')).statusCode).toBe(204);
    expect(await stillSignedIn(laptop)).toBe(false);
    expect(await stillSignedIn(family.client)).toBe(true);
    const left = (await family.client.get('/api/account/sessions')).json<DeviceSessionsResponse>().sessions;
    expect(left).toHaveLength(1);
    expect(left[0]!.current).toBe(true);
  });

  it('asks for the password again before ending another device, once 15 minutes have passed', async () => {
    const family = await createFamily(t.app, { email: 'reauth@example.com' });
    const phone = await signedIn(t, 'reauth@example.com', FIREFOX_ANDROID);
    await signedIn(t, 'reauth@example.com', SAFARI_IPHONE);
    const list = (await family.client.get('/api/account/sessions')).json<DeviceSessionsResponse>().sessions;
    const phoneId = list.find((s) => s.device === 'Firefox on Android')!.id;
    t.clock.advance(15 * 60_000 + 1);

    const refused = await family.client.delete(`/api/account/sessions/${phoneId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('reauthentication_required');
    expect((await family.client.post('/api/account/sessions/end-others')).statusCode).toBe(403);
    expect(await stillSignedIn(phone)).toBe(true);

    const wrong = await family.client.post('/api/account/reauthenticate', { currentPassword: 'not it' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassword).toContain('not your password');
    expect((await family.client.delete(`/api/account/sessions/${phoneId}`)).statusCode).toBe(403);

    const again = await family.client.post('/api/account/reauthenticate', { currentPassword: PASSWORD });
    expect(again.statusCode).toBe(204);
    expect((await family.client.delete(`/api/account/sessions/${phoneId}`)).statusCode).toBe(204);
    expect(await stillSignedIn(phone)).toBe(false);
    expect((await family.client.post('/api/account/sessions/end-others')).statusCode).toBe(204);

    // Signing oneself out of this very browser never needs it.
    t.clock.advance(15 * 60_000 + 1);
    const mine = (await family.client.get('/api/account/sessions')).json<DeviceSessionsResponse>()
      .sessions[0]!;
    expect((await family.client.delete(`/api/account/sessions/${mine.id}`)).statusCode).toBe(204);
  });

  it('waits after several wrong passwords given again', async () => {
    const family = await createFamily(t.app, { email: 'reauth-guess@example.com' });
    for (let i = 0; i < 6; i++)
      await family.client.post('/api/account/reauthenticate', { currentPassword: `guess ${i}` });
    const locked = await family.client.post('/api/account/reauthenticate', { currentPassword: PASSWORD });
    expect(locked.statusCode).toBe(429);
  });

  it('ending this very session signs this browser out', async () => {
    const family = await createFamily(t.app, { email: 'self-end@example.com' });
    const mine = (await family.client.get('/api/account/sessions')).json<DeviceSessionsResponse>()
      .sessions[0]!;
    const ended = await family.client.delete(`/api/account/sessions/${mine.id}`);
    expect(ended.statusCode).toBe(204);
    expect(ended.cookies.find((c) => c.name.endsWith('alongside_session'))?.value).toBe('');
    expect(await stillSignedIn(family.client)).toBe(false);
  });

  it('never lets another member of the family end your session, nor see it', async () => {
    const family = await createFamily(t.app, { email: 'owner-sessions@example.com' });
    const adult = await addMember(t.app, t.container.db.kysely, family, 'adult');
    const mine = (await family.client.get('/api/account/sessions')).json<DeviceSessionsResponse>()
      .sessions[0]!;
    const theirs = await adult.client.get('/api/account/sessions');
    expect(theirs.body).not.toContain(mine.id);
    const attempt = await adult.client.delete(`/api/account/sessions/${mine.id}`);
    expect(attempt.statusCode).toBe(404);
    expect(await stillSignedIn(family.client)).toBe(true);
  });

  it('ends the session a browser still holds when it signs in again', async () => {
    const family = await createFamily(t.app, { email: 'again@example.com' });
    const response = await signIn(t, 'again@example.com', PASSWORD, {
      cookie: family.cookie,
      'x-csrf-token': family.session.csrfToken,
    });
    expect(response.statusCode).toBe(200);
    expect(await stillSignedIn(family.client)).toBe(false);
    const fresh = clientFor(t.app, cookieOf(response), response.json<SessionResponse>().csrfToken);
    expect(await stillSignedIn(fresh)).toBe(true);
    expect((await fresh.get('/api/account/sessions')).json<DeviceSessionsResponse>().sessions).toHaveLength(
      1,
    );
    // A wrong password does not sign the browser out.
    const wrong = await signIn(t, 'again@example.com', 'not the password', {
      cookie: fresh.cookie,
      'x-csrf-token': fresh.csrfToken,
    });
    expect(wrong.statusCode).toBe(401);
    expect(await stillSignedIn(fresh)).toBe(true);
  });
});

describe('a forgotten password', () => {
  it('answers the same, at once, whether or not an account has the address', async () => {
    await createFamily(t.app, { email: 'known@example.com' });
    const before = smtp.received.length;
    const known = await requestReset(t, 'known@example.com');
    const unknown = await requestReset(t, 'nobody@example.com');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(known.json()).toMatchObject({ emailOn: true });
    expect(known.json().message).toContain('If an account has this e-mail address');
    const mail = await mailTo('known@example.com', before);
    expect(mail.parsed.subject).toBe('Choosing a new password for Alongside');
    expect(mail.parsed.headers.get('list-unsubscribe')).toBeUndefined();
    // The token travels after `#`, so it never reaches a server's logs or a Referer header.
    tokenIn(mail, 'reset-password');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received.slice(before).some((m) => m.to.includes('nobody@example.com'))).toBe(false);
    // Only the token's hash is stored.
    const token = tokenIn(mail, 'reset-password');
    const rows = await t.container.db.kysely.selectFrom('account_tokens').select('id').execute();
    expect(rows.map((r) => r.id)).toContain(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('answers before looking the address up or sending, so a slow mail server tells nothing', async () => {
    const slowSmtp = await startSmtpServer({ delayMs: 1500 });
    const slow = await buildTestApp({ env: { SMTP_URL: slowSmtp.url } });
    try {
      await createFamily(slow.app, { email: 'timed@example.com' });
      const timed = async (email: string) => {
        const started = performance.now();
        const response = await requestReset(slow, email);
        return { response, ms: performance.now() - started };
      };
      const known = await timed('timed@example.com');
      const unknown = await timed('nobody@example.com');
      expect(known.response.body).toBe(unknown.response.body);
      // The mail server takes 1.5 s to accept a message; the answer never waits for it.
      expect(known.ms).toBeLessThan(750);
      expect(unknown.ms).toBeLessThan(750);
      await expect.poll(() => slowSmtp.received.length, { timeout: 5000 }).toBe(1);
    } finally {
      await slow.close();
      await slowSmtp.close();
    }
  });

  it('sets the new password with the link, once, and signs out every device', async () => {
    const family = await createFamily(t.app, { email: 'forgot@example.com' });
    const phone = await signedIn(t, 'forgot@example.com', FIREFOX_ANDROID);
    const before = smtp.received.length;
    await requestReset(t, 'forgot@example.com');
    const token = tokenIn(await mailTo('forgot@example.com', before), 'reset-password');

    const short = await confirmReset(t, token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.newPassword).toContain('at least 10 characters');

    const done = await confirmReset(t, token, 'a new and quiet sentence');
    expect(done.statusCode).toBe(200);
    expect(done.json().message).toContain('Your new password is set');
    expect(await stillSignedIn(family.client)).toBe(false);
    expect(await stillSignedIn(phone)).toBe(false);
    expect((await signIn(t, 'forgot@example.com', PASSWORD)).statusCode).toBe(401);
    expect((await signIn(t, 'forgot@example.com', 'a new and quiet sentence')).statusCode).toBe(200);

    const twice = await confirmReset(t, token, 'yet another quiet sentence');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('already been used, or it is more than an hour old');
    expect((await signIn(t, 'forgot@example.com', 'a new and quiet sentence')).statusCode).toBe(200);
  });

  it('signs out the browser the link is opened in, whoever was signed in there', async () => {
    await createFamily(t.app, { email: 'reset-a@example.com' });
    const other = await createFamily(t.app, { email: 'reset-b@example.com' });
    const before = smtp.received.length;
    await requestReset(t, 'reset-a@example.com');
    const token = tokenIn(await mailTo('reset-a@example.com', before), 'reset-password');
    const done = await other.client.post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'a new and quiet sentence',
    });
    expect(done.statusCode).toBe(200);
    expect(await stillSignedIn(other.client)).toBe(false);
    expect((await signIn(t, 'reset-a@example.com', 'a new and quiet sentence')).statusCode).toBe(200);
  });

  it('stops a link after an hour', async () => {
    await createFamily(t.app, { email: 'slow@example.com' });
    const before = smtp.received.length;
    await requestReset(t, 'slow@example.com');
    const token = tokenIn(await mailTo('slow@example.com', before), 'reset-password');
    t.clock.advance(60 * 60_000 + 1);
    const late = await confirmReset(t, token, 'a new and quiet sentence');
    expect(late.statusCode).toBe(400);
    expect((await signIn(t, 'slow@example.com', PASSWORD)).statusCode).toBe(200);
  });

  it('stops an older link when a newer one is sent, or when the password is changed', async () => {
    const family = await createFamily(t.app, { email: 'twice@example.com' });
    let before = smtp.received.length;
    await requestReset(t, 'twice@example.com');
    const first = tokenIn(await mailTo('twice@example.com', before), 'reset-password');
    before = smtp.received.length;
    await requestReset(t, 'twice@example.com');
    const second = tokenIn(await mailTo('twice@example.com', before), 'reset-password');
    expect(second).not.toBe(first);
    expect((await confirmReset(t, first, 'a new and quiet sentence')).statusCode).toBe(400);

    const changed = await family.client.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'chosen in settings instead',
    });
    expect(changed.statusCode).toBe(204);
    expect((await confirmReset(t, second, 'a new and quiet sentence')).statusCode).toBe(400);
    expect((await signIn(t, 'twice@example.com', 'chosen in settings instead')).statusCode).toBe(200);
  });

  it('refuses a token it never made, kindly', async () => {
    const unknown = await confirmReset(t, 'A'.repeat(43), 'a new and quiet sentence');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('Please ask for a new one');
    const mangled = await confirmReset(t, 'abc', 'a new and quiet sentence');
    expect(mangled.statusCode).toBe(400);
  });

  it('with e-mail off, says so and how whoever runs Alongside can help, the same for everyone', async () => {
    await createFamily(off.app, { email: 'offline@example.com' });
    const known = await requestReset(off, 'offline@example.com');
    const unknown = await requestReset(off, 'nobody@example.com');
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(known.json().emailOn).toBe(false);
    expect(known.json().message).toContain('./bin/alongside users reset-password');
    expect(await off.container.db.kysely.selectFrom('account_tokens').selectAll().execute()).toEqual([]);
  });

  it('is rate-limited per address, as signing in is', async () => {
    const limited = await buildTestApp({ env: { AUTH_ATTEMPTS_PER_MINUTE: '3' } });
    try {
      for (let i = 0; i < 3; i++) expect((await requestReset(limited, 'x@example.com')).statusCode).toBe(202);
      expect((await requestReset(limited, 'x@example.com')).statusCode).toBe(429);
      for (let i = 0; i < 3; i++) await confirmReset(limited, 'A'.repeat(43), 'a new and quiet sentence');
      expect((await confirmReset(limited, 'A'.repeat(43), 'a new and quiet sentence')).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('a new e-mail address', () => {
  it('needs the current password, and waits after several wrong ones', async () => {
    const family = await createFamily(t.app, { email: 'move-wrong@example.com' });
    const wrong = await family.client.post('/api/account/email', {
      newEmail: 'moved@example.com',
      currentPassword: 'not it',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassword).toContain('not your current password');
    for (let i = 0; i < 5; i++)
      await family.client.post('/api/account/email', {
        newEmail: 'moved@example.com',
        currentPassword: `x${i}`,
      });
    const locked = await family.client.post('/api/account/email', {
      newEmail: 'moved@example.com',
      currentPassword: PASSWORD,
    });
    expect(locked.statusCode).toBe(429);
  });

  it('changes once the link sent to the new address is opened, and tells the old address', async () => {
    const family = await createFamily(t.app, { email: 'old@example.com' });
    const phone = await signedIn(t, 'old@example.com', FIREFOX_ANDROID);
    const before = smtp.received.length;
    const asked = await family.client.post('/api/account/email', {
      newEmail: 'New@Example.com',
      currentPassword: PASSWORD,
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'sent', email: 'old@example.com' });
    const link = await mailTo('new@example.com', before);
    const notice = await mailTo('old@example.com', before);
    expect(notice.parsed.text).toContain('new@example.com');
    expect(notice.parsed.text).not.toContain('#token=');
    const token = tokenIn(link, 'confirm-email');
    // Nothing changes until the link is opened.
    expect((await family.client.get('/api/session')).json<SessionResponse>().user.email).toBe(
      'old@example.com',
    );

    const confirmed = await family.client.post('/api/account/email/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().email).toBe('new@example.com');
    expect((await family.client.get('/api/session')).json<SessionResponse>().user.email).toBe(
      'new@example.com',
    );
    expect(await stillSignedIn(phone)).toBe(false);
    expect((await signIn(t, 'new@example.com')).statusCode).toBe(200);
    expect((await signIn(t, 'old@example.com')).statusCode).toBe(401);

    const twice = await family.client.post('/api/account/email/confirm', { token });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('already been used');
  });

  it('works from a browser that is not signed in, and then signs out every session', async () => {
    const family = await createFamily(t.app, { email: 'elsewhere@example.com' });
    const before = smtp.received.length;
    await family.client.post('/api/account/email', {
      newEmail: 'there@example.com',
      currentPassword: PASSWORD,
    });
    const token = tokenIn(await mailTo('there@example.com', before), 'confirm-email');
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/account/email/confirm',
      payload: { token },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(await stillSignedIn(family.client)).toBe(false);
  });

  it('says so clearly when the address is taken, before or by the time the link is opened', async () => {
    await createFamily(t.app, { email: 'already@example.com' });
    const family = await createFamily(t.app, { email: 'mover@example.com' });
    const early = await family.client.post('/api/account/email', {
      newEmail: 'already@example.com',
      currentPassword: PASSWORD,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.newEmail).toContain('Another account already uses');

    const before = smtp.received.length;
    await family.client.post('/api/account/email', {
      newEmail: 'race@example.com',
      currentPassword: PASSWORD,
    });
    const token = tokenIn(await mailTo('race@example.com', before), 'confirm-email');
    await createFamily(t.app, { email: 'race@example.com' });
    const late = await family.client.post('/api/account/email/confirm', { token });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('Another account has started using this e-mail address');
    expect((await family.client.get('/api/session')).json<SessionResponse>().user.email).toBe(
      'mover@example.com',
    );
  });

  it('stops a link after a day', async () => {
    const family = await createFamily(t.app, { email: 'day@example.com' });
    const before = smtp.received.length;
    await family.client.post('/api/account/email', {
      newEmail: 'day-new@example.com',
      currentPassword: PASSWORD,
    });
    const token = tokenIn(await mailTo('day-new@example.com', before), 'confirm-email');
    t.clock.advance(24 * 3_600_000 + 1);
    expect((await family.client.post('/api/account/email/confirm', { token })).statusCode).toBe(400);
  });

  it('with e-mail off, changes at once after the password, and signs out the other devices', async () => {
    const family = await createFamily(off.app, { email: 'at-once@example.com' });
    const phone = await signedIn(off, 'at-once@example.com', FIREFOX_ANDROID);
    const changed = await family.client.post('/api/account/email', {
      newEmail: 'now@example.com',
      currentPassword: PASSWORD,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'changed', email: 'now@example.com' });
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(family.client)).toBe(true);
    expect((await signIn(off, 'now@example.com')).statusCode).toBe(200);
  });
});
