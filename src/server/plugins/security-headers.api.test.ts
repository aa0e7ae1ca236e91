import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('pages and public files carry the page policy, with no device features either', async () => {
    const feed = await t.app.inject({ method: 'GET', url: '/calendar/not-a-token.ics' });
    expect(feed.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(feed.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(feed.headers['permissions-policy']).toMatch(/microphone=\(\)/);
  });
});
