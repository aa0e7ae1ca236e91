import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { buildContainer, modules } from '../container.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';

// Every module has one shape (module.ts) and the container builds them from one list. Wiring that
// is missing or out of order stops start-up instead of failing open later.

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function start(list: typeof modules) {
  database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: database.dataDir,
    ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
  });
  const container = await buildContainer(config, { modules: list });
  await container.close();
}

const without = (name: string) => modules.filter((m) => m.name !== name);

describe('start-up', () => {
  it('builds every module in the list', async () => {
    await expect(start(modules)).resolves.toBeUndefined();
  });

  it('stops when a module needs one that is missing', async () => {
    await expect(start(without('loved-ones'))).rejects.toThrow(
      'Module "trips" needs "loved-ones", which is missing.',
    );
  });

  it('stops when a module needs one built after it', async () => {
    const trips = modules.find((m) => m.name === 'trips')!;
    await expect(start([trips, ...without('trips')])).rejects.toThrow(
      'Module "trips" needs "accounts", which is built after it.',
    );
  });

  it('stops when a question has no answer, rather than letting a keepsake on a trip be deleted', async () => {
    const noAnswers = modules.map((m) =>
      m.name === 'trips'
        ? {
            ...m,
            build: (...args: Parameters<typeof m.build>) => ({ ...m.build(...args), answers: {} }),
          }
        : m,
    );
    await expect(start(noAnswers)).rejects.toThrow(
      'Module "loved-ones" asks "keepsakeInUse", which no module answers.',
    );
  });
});
