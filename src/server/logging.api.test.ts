import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { buildContainer, type Container } from './container.js';
import { clientFor } from './test/app.js';
import { fixedClock } from './test/clock.js';
import { createTestDatabase, type TestDatabase } from './test/database.js';

// Logs are kept by hosts for a long time and read by people who are not the family. Whatever a
// family sends, no password, session token, CSRF token, feed token or private text reaches them.

let database: TestDatabase;
let container: Container;
const lines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    DATA_DIR: database.dataDir,
    BASE_URL: 'http://alongside.test',
    AUTH_ATTEMPTS_PER_MINUTE: '1000',
    ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
  });
  container = await buildContainer(config, { clock: fixedClock() });
});
afterAll(async () => {
  await container.close();
  await database.drop();
});

describe('logs', () => {
  it('hold no passwords, tokens, cookies or private text, even at debug level and on errors', async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = await buildApp(container, { logStream: stream });
    const password = 'a-very-private-passphrase-9137';
    const story = 'Our little one, held for an hour in the evening light';
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        displayName: 'Ruth',
        email: 'ruth@example.com',
        password,
        familyName: 'Ruth family',
        homeZone: 'Europe/London',
      },
    });
    const cookie = signUp.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const token = signUp.cookies[0]!.value;
    const { csrfToken } = signUp.json<{ csrfToken: string }>();
    const client = clientFor(app, cookie, csrfToken);
    const ada = await client.post('/api/loved-ones', { name: 'Ada', kind: 'infant', story });
    // A letter in the journal, kept, and one over the length cap, refused: neither reaches a log.
    const letter = 'Dear little one, the garden has your roses in it this morning';
    const lovedOneId = ada.json<{ lovedOne: { id: string } }>().lovedOne.id;
    await client.post(`/api/loved-ones/${lovedOneId}/journal`, { kind: 'letter', text: letter });
    await client.post(`/api/loved-ones/${lovedOneId}/journal`, {
      kind: 'letter',
      text: `${letter} ${'and more '.repeat(6000)}`,
    });
    await client.post('/api/loved-ones', { name: 'x'.repeat(500), kind: 'infant', story }); // refused
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'ruth@example.com', password: `${password}-wrong` },
    });
    const feed = await client.post('/api/calendar-feed');
    const feedToken = new URL(feed.json<{ url: string }>().url).pathname
      .split('/')
      .pop()!
      .replace('.ics', '');
    await app.inject({ method: 'GET', url: `/calendar/${feedToken}.ics` });
    // The token of a link sent by e-mail (a new password, a new address), refused or not.
    const linkToken = `Lnk${'q7'.repeat(20)}`;
    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'ruth@example.com' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: linkToken, newPassword: `${password}-new` },
    });
    await client.post('/api/account/email/confirm', { token: linkToken });
    await client.post('/api/account/email', { newEmail: 'ruth.new@example.com', currentPassword: password });
    // An invite's link token and code, looked up, used, and used again (refused).
    const invite = (await client.post('/api/family/invites', { role: 'adult', forName: 'Sam' })).json<{
      link: string;
      code: string;
    }>();
    const inviteToken = invite.link.slice(invite.link.indexOf('#token=') + '#token='.length);
    await app.inject({ method: 'POST', url: '/api/join/preview', payload: { invite: invite.code } });
    const joined = {
      invite: inviteToken,
      displayName: 'Sam',
      email: 'sam.joining@example.com',
      password: `${password}-sam`,
    };
    await app.inject({ method: 'POST', url: '/api/join/sign-up', payload: joined });
    await app.inject({ method: 'POST', url: '/api/join/sign-up', payload: joined });
    // A supporter: their address and the family's words; the links they would open, refused or not.
    const suggestion = 'Light a candle for Ada at seven and send us a photo';
    await client.post('/api/remembrance/days', {
      title: 'Candle day',
      date: '2026-10-15',
      recurrence: 'yearly',
    });
    const dayId = (await client.get('/api/supporters')).json<{ days: Array<{ id: string }> }>().days[0]!.id;
    const added = await client.post('/api/supporters', {
      name: 'Grandma Lou',
      email: 'lou.supporter@example.com',
      days: [{ dayId, suggestion }],
    });
    expect(added.statusCode).toBe(201);
    await client.post('/api/supporters', { name: 'Grandma Lou', email: 'lou.supporter@example.com' });
    const supporterToken = `Sup${'k9'.repeat(20)}`;
    const replyToken = `01a247d0-9b23-74d7-8ac2-a4ffc26d2b08.2026-10-15.${'R'.repeat(43)}`;
    const stopToken = `01a247d0-9b23-74d7-8ac2-a4ffc26d2b08.${'S'.repeat(43)}`;
    const replyText = 'We lit two candles for little Ada by the window';
    await app.inject({
      method: 'POST',
      url: '/api/supporter-links/confirm',
      payload: { token: supporterToken },
    });
    await app.inject({
      method: 'POST',
      url: '/api/supporter-links/reply',
      payload: { token: replyToken, message: replyText },
    });
    await app.inject({
      method: 'POST',
      url: `/supporter-stop/${stopToken}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await app.close();

    expect(lines.length).toBeGreaterThan(5);
    const all = lines.join('\n');
    for (const secret of [
      password,
      token,
      csrfToken,
      feedToken,
      linkToken,
      story,
      'Ada',
      'ruth@example.com',
      'ruth.new@example.com',
      inviteToken,
      invite.code,
      'sam.joining@example.com',
      suggestion,
      'lou.supporter@example.com',
      supporterToken,
      replyToken,
      stopToken,
      replyText,
      letter,
    ]) {
      expect(all, `a log line holds "${secret.slice(0, 12)}…"`).not.toContain(secret);
    }
    // What a host does see: the route pattern and the outcome.
    expect(all).toContain('"route":"/api/loved-ones"');
    expect(all).toContain('"route":"/api/loved-ones/:lovedOneId/journal"');
    expect(all).toContain('"route":"/calendar/:feed"');
    expect(all).toContain('"status":400');
    expect(all).toContain('"route":"/api/join/sign-up"');
    expect(all).toContain('"status":409');
    expect(all).toContain('"route":"/supporter-stop/:token"');
  });
});
