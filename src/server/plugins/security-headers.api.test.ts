import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS_HEADER } from '../../contracts/paths.js';
import { contractsFingerprint } from '../contracts-fingerprint.js';
import { buildTestApp, type TestApp } from '../test/app.js';
import { createFamily } from '../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('API answers are never stored by a cache unless the route says so, and ask for no device features', async () => {
    const family = await createFamily(t.app);
    const trips = await family.client.get('/api/trips');
    expect(trips.statusCode).toBe(200);
    expect(trips.headers['cache-control']).toBe('no-store');
    expect(trips.headers['permissions-policy']).toMatch(/camera=\(\)/);
    expect(trips.headers['permissions-policy']).toMatch(/geolocation=\(\)/);
    expect(trips.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(trips.headers['x-content-type-options']).toBe('nosniff');
    // A route that chooses its own caching keeps it.
    expect((await family.client.get('/api/carriers')).headers['cache-control']).toBe(
      'private, max-age=86400',
    );
    // Errors too: a 401 is not kept.
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/trips' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
  });

  it('every API answer, failures too, names the contracts the server answers by; pages do not', async () => {
    const family = await createFamily(t.app);
    const named = contractsFingerprint();
    expect(named).toMatch(/^[0-9a-f]{16}$/);
    expect((await family.client.get('/api/trips')).headers[CONTRACTS_HEADER]).toBe(named);
    expect((await t.app.inject({ method: 'GET', url: '/api/trips' })).headers[CONTRACTS_HEADER]).toBe(named);
    expect((await t.app.inject({ method: 'GET', url: '/' })).headers[CONTRACTS_HEADER]).toBeUndefined();
  });

  it('pages and public files carry the page policy: no device features but the microphone, for themselves', async () => {
    const feed = await t.app.inject({ method: 'GET', url: '/calendar/not-a-token.ics' });
    expect(feed.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(feed.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(feed.headers['permissions-policy']).toMatch(/camera=\(\)/);
    // The app's own pages may ask for the microphone (a child's voice note), never another origin.
    expect(feed.headers['permissions-policy']).toMatch(/microphone=\(self\)/);
    const trips = await t.app.inject({ method: 'GET', url: '/api/trips' });
    expect(trips.headers['permissions-policy']).toMatch(/microphone=\(\)/);
  });
});

describe('session cookies belong to the app they were built for', () => {
  it('an HTTPS app built later in the same process does not rename or secure the first app’s cookie', async () => {
    const secure = await buildTestApp({ env: { BASE_URL: 'https://alongside.test' } });
    try {
      const signUp = (app: TestApp['app']) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/sign-up',
          payload: {
            displayName: 'Anna',
            email: `cookie-${Math.random().toString(36).slice(2)}@example.com`,
            password: 'a long and gentle password',
            familyName: 'The Rivers family',
            homeZone: 'Europe/London',
          },
        });
      const plain = await signUp(t.app);
      const overHttps = await signUp(secure.app);
      const cookies = (answer: Awaited<ReturnType<typeof signUp>>) => String(answer.headers['set-cookie']);
      expect(cookies(plain)).toMatch(/(^|,)\s*alongside_session=/);
      expect(cookies(plain)).not.toMatch(/Secure/);
      expect(cookies(overHttps)).toMatch(/__Host-alongside_session=.*Secure/);
    } finally {
      await secure.close();
    }
  });
});
