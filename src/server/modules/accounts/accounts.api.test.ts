import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../contracts/accounts.js';
import { hashToken } from '../../secrets.js';
import { buildTestApp, clientFor, type TestApp } from '../../test/app.js';
import { createFamily } from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-06-01T09:00:00.000Z'));

/** A sign-in from an address (the client's own, as the server sees it), with any other headers. */
const signIn = (
  email: string,
  password: string,
  { address = '127.0.0.1', ...headers }: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    headers,
    remoteAddress: address,
  });

describe('sign up', () => {
  it('creates a family with the new person as its owner, and signs them in', async () => {
    const { client, session } = await createFamily(t.app, { displayName: 'Sam', familyName: 'The Okafors' });
    expect(session.member).toMatchObject({ role: 'owner', displayName: 'Sam' });
    expect(session.family).toMatchObject({ name: 'The Okafors', homeZone: 'Europe/London' });
    expect(session.permissions).toContain('family.manage');
    const again = await client.get('/api/session');
    expect(again.statusCode).toBe(200);
    expect(again.json<SessionResponse>().user.id).toBe(session.user.id);
  });

  it('sets an HttpOnly, SameSite session cookie whose token is stored only as a hash', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        displayName: 'Lee',
        email: 'lee@example.com',
        password: 'a long and gentle password',
        familyName: 'Lees',
        homeZone: 'Europe/Dublin',
      },
    });
    const [cookie] = response.cookies;
    expect(cookie).toMatchObject({ name: 'alongside_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.value.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    const rows = await t.container.db.kysely.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).toContain(hashToken(cookie!.value));
    expect(rows.map((r) => r.id)).not.toContain(cookie!.value);
  });

  it('stores an Argon2id hash, never the password', async () => {
    await createFamily(t.app, { email: 'hash@example.com' });
    const user = await t.container.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'hash@example.com')
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.password_hash).not.toContain('gentle');
  });

  it('says kindly when the e-mail already has an account', async () => {
    await createFamily(t.app, { email: 'twice@example.com' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        displayName: 'Sam',
        email: 'TWICE@example.com',
        password: 'a long and gentle password',
        familyName: 'X',
        homeZone: 'Europe/London',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.email).toContain('already an account');
  });
});

describe('sign in and out', () => {
  it('signs in with the right password and not with a wrong one', async () => {
    await createFamily(t.app, { email: 'in@example.com' });
    expect((await signIn('in@example.com', 'a long and gentle password')).statusCode).toBe(200);
    const wrong = await signIn('in@example.com', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toContain('do not match');
    // An unknown address gets exactly the same answer.
    const unknown = await signIn('nobody@example.com', 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('asks to wait after five wrong passwords from one address, then lets the right one through once the wait is over', async () => {
    await createFamily(t.app, { email: 'slow@example.com' });
    const here = { address: '10.0.1.1' };
    for (let i = 0; i < 5; i++)
      expect((await signIn('slow@example.com', 'wrong password', here)).statusCode).toBe(401);
    expect((await signIn('slow@example.com', 'wrong password', here)).statusCode).toBe(401);
    const locked = await signIn('slow@example.com', 'a long and gentle password', here);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('from here. Please wait 1 minute');
    t.clock.advance(61_000);
    expect((await signIn('slow@example.com', 'a long and gentle password', here)).statusCode).toBe(200);
  });

  it('never lets a stranger lock the owner out: wrong passwords elsewhere do not stop the right one here', async () => {
    await createFamily(t.app, { email: 'owner@example.com' });
    const stranger = { address: '203.0.113.9' };
    for (let i = 0; i < 12; i++) await signIn('owner@example.com', 'guess', stranger);
    expect((await signIn('owner@example.com', 'guess', stranger)).statusCode).toBe(429);
    const owner = await signIn('owner@example.com', 'a long and gentle password', {
      address: '198.51.100.4',
    });
    expect(owner.statusCode).toBe(200);
  });

  it('slows guessing spread over many addresses, but lets a device that signed in before through', async () => {
    await createFamily(t.app, { email: 'spread@example.com' });
    // The owner signed in on this browser before: it keeps a known-device cookie.
    const earlier = await signIn('spread@example.com', 'a long and gentle password', {
      address: '192.0.2.1',
    });
    const device = earlier.cookies.find((c) => c.name === 'alongside_device');
    expect(device?.value).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    expect(device?.httpOnly).toBe(true);
    for (let i = 0; i < 21; i++)
      await signIn('spread@example.com', 'guess', { address: `203.0.113.${i + 10}` });
    const newPlace = await signIn('spread@example.com', 'a long and gentle password', {
      address: '198.51.100.77',
    });
    expect(newPlace.statusCode).toBe(429);
    expect(newPlace.json().error.message).toContain('from many places');
    const known = await signIn('spread@example.com', 'a long and gentle password', {
      address: '198.51.100.77',
      cookie: `alongside_device=${device!.value}`,
    });
    expect(known.statusCode).toBe(200);
    // A known device gets no new cookie; its own wrong passwords are counted on their own.
    expect(known.cookies.find((c) => c.name === 'alongside_device')).toBeUndefined();
  });

  it('counts a known device’s own wrong passwords, and a device cookie works only for its account', async () => {
    await createFamily(t.app, { email: 'device@example.com' });
    await createFamily(t.app, { email: 'other@example.com' });
    const first = await signIn('device@example.com', 'a long and gentle password');
    const cookie = `alongside_device=${first.cookies.find((c) => c.name === 'alongside_device')!.value}`;
    // Another account's sign-in from this browser is a new device for that account.
    const other = await signIn('other@example.com', 'a long and gentle password', { cookie });
    expect(other.cookies.find((c) => c.name === 'alongside_device')).toBeDefined();
    for (let i = 0; i < 6; i++) await signIn('device@example.com', 'guess', { cookie });
    const locked = await signIn('device@example.com', 'a long and gentle password', { cookie });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('from this device');
  });

  it('ends the session on sign out', async () => {
    const { client } = await createFamily(t.app);
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    expect((await client.get('/api/session')).statusCode).toBe(401);
  });

  it('ends an idle session after seven days, and keeps an active one', async () => {
    const { client } = await createFamily(t.app);
    t.clock.advance(6 * 86_400_000);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    t.clock.advance(6 * 86_400_000);
    expect((await client.get('/api/session')).statusCode).toBe(200);
    t.clock.advance(8 * 86_400_000);
    expect((await client.get('/api/session')).statusCode).toBe(401);
  });

  it('ends every session after thirty days, however active', async () => {
    const { client } = await createFamily(t.app);
    for (let day = 2; day <= 28; day += 2) {
      t.clock.advance(2 * 86_400_000);
      expect((await client.get('/api/session')).statusCode).toBe(200);
    }
    t.clock.advance(2 * 86_400_000);
    expect((await client.get('/api/session')).statusCode).toBe(401);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request without the session CSRF token', async () => {
    const { client } = await createFamily(t.app);
    const response = await client.request({
      method: 'POST',
      url: '/api/loved-ones',
      payload: { name: 'Jack', kind: 'infant' },
      headers: { 'x-csrf-token': '' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
    const wrong = clientFor(t.app, client.cookie, 'not-the-token');
    expect((await wrong.post('/api/loved-ones', { name: 'Jack', kind: 'infant' })).statusCode).toBe(403);
    const stored = await t.container.db.kysely.selectFrom('loved_ones').select('id').execute();
    expect(stored).toHaveLength(0);
  });

  it('refuses a request from another site, and accepts one from our own', async () => {
    const { client } = await createFamily(t.app);
    const foreign = await client.request({
      method: 'POST',
      url: '/api/loved-ones',
      payload: { name: 'Jack', kind: 'infant' },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    const own = await client.request({
      method: 'POST',
      url: '/api/loved-ones',
      payload: { name: 'Jack', kind: 'infant' },
      headers: { origin: 'http://alongside.test' },
    });
    expect(own.statusCode).toBe(201);
    const signUpFromElsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@example.com', password: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    expect(signUpFromElsewhere.statusCode).toBe(403);
  });

  it('accepts only JSON bodies', async () => {
    const { client } = await createFamily(t.app);
    const form = await client.request({
      method: 'POST',
      url: '/api/loved-ones',
      payload: 'name=Jack&kind=infant',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('unsupported_media_type');
  });
});

describe('the family', () => {
  it('lists its members and lets the owner rename it', async () => {
    const { client } = await createFamily(t.app, { displayName: 'Ruth' });
    const members = (await client.get('/api/family/members')).json();
    expect(members.members).toEqual([
      expect.objectContaining({ displayName: 'Ruth', role: 'owner', isYou: true }),
    ]);
    const renamed = await client.patch('/api/family', {
      name: 'Ruth and Jack',
      homeZone: 'America/New_York',
    });
    expect(renamed.json().family).toMatchObject({ name: 'Ruth and Jack', homeZone: 'America/New_York' });
    const bad = await client.patch('/api/family', { homeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.homeZone).toContain('time zone');
  });
});

describe('health and the API description', () => {
  it('reports the database and schema version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({
      status: 'ok',
      database: t.database.dialect,
      schemaVersion: expect.stringMatching(/^\d{4}-\d{2}-\d{2}-\d{3}-/),
    });
  });

  it('publishes an OpenAPI 3.1 document generated from the contracts', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/trips/{tripId}/checklist',
        '/api/auth/sign-up',
        '/api/leg-checks/{checkId}/confirmations',
      ]),
    );
    const signUp = doc.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema;
    expect(signUp.required).toEqual(expect.arrayContaining(['email', 'password', 'familyName', 'homeZone']));
  });
});

describe('rate limits on signing in', () => {
  it('answers 429 with a kind message after too many attempts from one address', async () => {
    const limited = await buildTestApp({ env: { AUTH_ATTEMPTS_PER_MINUTE: '3' } });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: 'x@example.com', password: 'whatever it is' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const fourth = await attempt();
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json().error).toMatchObject({
        code: 'rate_limited',
        message: expect.stringContaining('wait a minute'),
      });
      expect(fourth.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
