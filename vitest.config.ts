import { defineConfig } from 'vitest/config';
import { endpointTablePlugin } from './scripts/vite-endpoint-table.js';

// Three layers (see ARCHITECTURE.md, "Tests"):
//  - unit: pure code (domain, contracts, web helpers); no I/O.
//  - api-sqlite / api-postgres: the same server and data-layer suites, once per database.
//  - e2e: whole journeys in real headless Chromium against a real server process.
// scripts/test.mjs decides which of these run and says plainly when one is skipped.
const api = (name: string, dialect: 'sqlite' | 'postgres') => ({
  // outbox-replay.api.test.ts drives the web app's own client, which imports the endpoint table.
  plugins: [endpointTablePlugin()],
  test: {
    name,
    include: ['src/**/*.api.test.ts'],
    environment: 'node',
    env: { TEST_DIALECT: dialect, TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        // The web app's client imports the endpoint table the build makes (virtual:endpoint-table).
        plugins: [endpointTablePlugin()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.api.test.ts', 'node_modules/**'],
          environment: 'node',
          env: { TZ: 'UTC' },
          // A generous cap, as for the other layers: the property tests take a second or two alone
          // and passed 5 s (vitest's default) on a machine running other work. When to give up, not
          // how fast is fast enough (that is for `npm run bench`).
          testTimeout: 30_000,
        },
      },
      api('api-sqlite', 'sqlite'),
      api('api-postgres', 'postgres'),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          env: { TZ: 'UTC' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // expect.poll waits for the page to catch up (a box ticked after the server answers); a
          // generous cap, as for Playwright's own waits (e2e/harness.ts): when to give up, not a speed.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
