import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { buildContainer } from './container.js';
import { createTestDatabase, type TestDatabase } from './test/database.js';

// Browser journeys need "the day of travel": with TEST_CLOCK=on (tests only) the server's clock can
// be set through PUT /api/test/clock. No production configuration can have that route.

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function serverWith(env: Record<string, string>) {
  database = await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: database.dataDir,
    ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
    ...env,
  });
  const container = await buildContainer(config);
  const app = await buildApp(container);
  return {
    container,
    app,
    setClock: (now: string | null) => app.inject({ method: 'PUT', url: '/api/test/clock', payload: { now } }),
    close: async () => {
      await app.close();
      await container.close();
    },
  };
}

describe('the test clock', () => {
  it('cannot be turned on outside tests', () => {
    for (const NODE_ENV of ['production', 'development', undefined]) {
      expect(() => loadConfig({ TEST_CLOCK: 'on', ...(NODE_ENV && { NODE_ENV }) })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ TEST_CLOCK: 'on', NODE_ENV: 'production' })).toThrow(
      'TEST_CLOCK: is for automated tests only',
    );
  });

  it('has no route in a production configuration', async () => {
    const server = await serverWith({ NODE_ENV: 'production' });
    try {
      expect(server.container.testClock).toBeNull();
      expect(server.app.routeTable.some((r) => r.url.startsWith('/api/test/'))).toBe(false);
      expect((await server.setClock('2026-07-01T06:00:00.000Z')).statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('moves the server to the day of travel in a test configuration, and back', async () => {
    const server = await serverWith({ NODE_ENV: 'test', TEST_CLOCK: 'on' });
    try {
      const set = await server.setClock('2030-07-01T06:00:00.000Z');
      expect(set.statusCode).toBe(200);
      const now = server.container.clock.now();
      expect(now).toBeGreaterThanOrEqual(Date.parse('2030-07-01T06:00:00.000Z'));
      expect(now).toBeLessThan(Date.parse('2030-07-02T06:00:00.000Z'));
      expect((await server.setClock(null)).statusCode).toBe(200);
      expect(server.container.clock.now()).toBeLessThan(Date.parse('2030-01-01T00:00:00.000Z'));
    } finally {
      await server.close();
    }
  });
});
