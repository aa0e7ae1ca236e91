import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/run.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createFamily } from '../../test/factories.js';

// A person runs their own password: they change it in Settings (which signs out every other
// device), and when they cannot sign in and no e-mail can reach them, whoever runs the server
// gives them a new one from the command line.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'a long and gentle password';
const signIn = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
const sessionWith = (cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
const cookieOf = (response: Awaited<ReturnType<typeof signIn>>) =>
  response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe('changing one’s password', () => {
  it('needs the current password, says which field is wrong, and changes nothing then', async () => {
    const family = await createFamily(t.app, { email: 'change-wrong@example.com' });
    const wrong = await family.client.post('/api/account/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new sentence',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassword).toBe(
      'That is not your current password. Please try again.',
    );
    const short = await family.client.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.newPassword).toContain('at least 10 characters');
    expect((await signIn('change-wrong@example.com', PASSWORD)).statusCode).toBe(200);
  });

  it('waits after several wrong current passwords, so a borrowed session cannot guess on', async () => {
    const family = await createFamily(t.app, { email: 'change-guess@example.com' });
    for (let i = 0; i < 6; i++)
      await family.client.post('/api/account/password', {
        currentPassword: `guess ${i}`,
        newPassword: 'x'.repeat(12),
      });
    const locked = await family.client.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new sentence',
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('with a wrong current password');
  });

  it('changes it, keeps this device signed in, and signs out every other', async () => {
    const family = await createFamily(t.app, { email: 'change-ok@example.com' });
    const phone = cookieOf(await signIn('change-ok@example.com', PASSWORD));
    expect((await sessionWith(phone)).statusCode).toBe(200);
    const changed = await family.client.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'the garden after rain',
    });
    expect(changed.statusCode).toBe(204);
    expect((await family.client.get('/api/session')).statusCode).toBe(200);
    expect((await sessionWith(phone)).statusCode).toBe(401);
    expect((await signIn('change-ok@example.com', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('change-ok@example.com', 'the garden after rain')).statusCode).toBe(200);
  });
});

describe('alongside users reset-password', () => {
  async function cli(...argv: string[]) {
    // The CLI reads its settings from the environment, as on a server (vitest sets BASE_URL to "/").
    const saved = {
      DATA_DIR: process.env.DATA_DIR,
      DATABASE_URL: process.env.DATABASE_URL,
      BASE_URL: process.env.BASE_URL,
    };
    process.env.DATA_DIR = t.database.dataDir;
    process.env.BASE_URL = 'http://alongside.test';
    if (t.database.databaseUrl) process.env.DATABASE_URL = t.database.databaseUrl;
    else delete process.env.DATABASE_URL;
    let out = '';
    let err = '';
    try {
      const code = await runCli(argv, { out: (x) => (out += x), err: (x) => (err += x) });
      return { code, out, err };
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }

  it('gives a new password, shown once, and signs the account out everywhere', async () => {
    const family = await createFamily(t.app, { email: 'forgot@example.com' });
    const { code, out } = await cli('users', 'reset-password', 'Forgot@example.com');
    expect(code).toBe(0);
    const fresh = /^ {2}([a-z2-9]{4}(?:-[a-z2-9]{4}){4})$/m.exec(out)?.[1];
    expect(fresh, out).toBeDefined();
    expect(out).toContain('shown only this once');
    expect((await family.client.get('/api/session')).statusCode).toBe(401);
    expect((await signIn('forgot@example.com', PASSWORD)).statusCode).toBe(401);
    expect((await signIn('forgot@example.com', fresh!)).statusCode).toBe(200);
  });

  it('says so plainly for an address no account has, and for a wrong use', async () => {
    const unknown = await cli('users', 'reset-password', 'nobody@example.com');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No account has the e-mail address nobody@example.com');
    const wrong = await cli('users', 'reset');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('users reset-password <e-mail address>');
  });
});
