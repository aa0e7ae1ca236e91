import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from './test/database.js';

// What the server has said it saved stays saved, whatever happens to the process. A real server
// process takes a stream of changes from several clients at once; at a random moment it is killed
// with SIGKILL (no shutdown, no flush); a new process starts on the same database; every change that
// was answered 201 before the kill must be there, once. Ten rounds, on SQLite and on PostgreSQL.

const ROUNDS = 10;
const CLIENTS = 4;
const root = fileURLToPath(new URL('../..', import.meta.url));

let database: TestDatabase;
let server: ChildProcess | undefined;

/** Starts the real server (as `npm start` does) and answers its address once it is listening. */
function startServer(): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'warn',
    };
    // SQLite unless the suite runs on PostgreSQL; no mail either way.
    delete env.DATABASE_URL;
    delete env.SMTP_URL;
    delete env.BASE_URL;
    if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Alongside is ready at (\S+)/.exec(out)?.[1];
      if (!url) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      child.off('exit', onEarlyExit);
      resolve({ child, base: url });
    };
    const onEarlyExit = (code: number | null) => reject(new Error(`the server exited early (${code})`));
    child.stdout.on('data', onData);
    child.on('exit', onEarlyExit);
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('acknowledged changes survive SIGKILL', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    if (server) await killHard(server);
    await database?.drop();
  });

  it(`loses none of them over ${ROUNDS} kills (${testDialect()})`, { timeout: 300_000 }, async () => {
    let { child, base } = await startServer();
    server = child;
    const signUp = await fetch(`${base}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: 'Anna',
        email: 'anna@example.com',
        password: 'a long and gentle password',
        familyName: 'The Rivers family',
        homeZone: 'Europe/London',
      }),
    });
    expect(signUp.status).toBe(201);
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await signUp.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const trip = await fetch(`${base}/api/trips`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'To the sea', purpose: 'carry', requireTwoPeople: false }),
    });
    expect(trip.status).toBe(201);
    const tripId = ((await trip.json()) as { trip: { id: string } }).trip.id;

    const acknowledged: string[] = [];
    let attempted = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let stopped = false;
      const client = async (n: number) => {
        for (let i = 0; !stopped; i++) {
          const label = `round ${round} client ${n} item ${i}`;
          attempted++;
          try {
            const response = await fetch(`${base}/api/trips/${tripId}/checklist`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ label, scope: 'shared' }),
            });
            if (response.status === 201) acknowledged.push(label);
            else if (!stopped) throw new Error(`a change was refused: ${response.status}`);
          } catch (error) {
            // Only the kill may break a request; one in flight then has no answer and no promise.
            if (!stopped) throw error;
          }
        }
      };
      const before = acknowledged.length;
      const writers = Array.from({ length: CLIENTS }, (_, n) => client(n));
      // Kill at a different moment in each round, while changes are arriving: after a random number
      // of answers (so every round has some, however slow the machine), plus a random few ms.
      const target = before + 5 + Math.floor(Math.random() * 20);
      const started = Date.now();
      while (acknowledged.length < target) {
        if (Date.now() - started > 60_000) throw new Error('the server stopped answering changes');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20)));
      stopped = true;
      await killHard(child);
      await Promise.all(writers);
      ({ child, base } = await startServer());
      server = child;
    }

    const checklist = await fetch(`${base}/api/trips/${tripId}/checklist`, { headers });
    expect(checklist.status).toBe(200);
    const labels = ((await checklist.json()) as { items: Array<{ label: string }> }).items.map(
      (i) => i.label,
    );
    const saved = new Set(labels);
    const lost = acknowledged.filter((label) => !saved.has(label));
    expect(lost).toEqual([]);
    // Nothing saved twice, and nothing saved that was never sent.
    expect(labels.length).toBe(saved.size);
    expect(labels.every((label) => label.startsWith('round '))).toBe(true);
    console.log(
      `durability (${testDialect()}): ${ROUNDS} SIGKILLs, ${attempted} changes sent, ${acknowledged.length} acknowledged, ${labels.length} stored, ${lost.length} lost`,
    );
  });
});
