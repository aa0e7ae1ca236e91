import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test/database.js';
import { openEventStream } from './test/sse.js';

// A host stops or restarts the app with SIGTERM: Fastify stops taking requests and finishes those in
// flight, the job runner stops after its batch, the database is closed, and the process ends with 0.

const root = fileURLToPath(new URL('../..', import.meta.url));
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('graceful shutdown', () => {
  it('exits cleanly on SIGTERM, after answering the requests it had', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        BASE_URL: 'http://127.0.0.1', // vitest sets BASE_URL to '/' for Vite; a real host sets its own
        DATA_DIR: database.dataDir,
        LOG_LEVEL: 'info',
        ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 30_000);
      child.stdout.on('data', () => {
        const match = /Alongside is ready at (\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    // A phone holding the family's live stream open: shutting down ends it rather than waiting.
    const signUp = await fetch(`${url}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: 'Olive',
        email: 'olive@example.com',
        password: 'a long and gentle password',
        familyName: 'Rivers',
        homeZone: 'Europe/London',
      }),
    });
    expect(signUp.status).toBe(201);
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const stream = await openEventStream(url, cookie);
    await stream.next(() => true);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await stream.ended;
    expect(out).toContain('shutting down');
  });
});
