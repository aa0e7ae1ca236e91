import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { buildContainer, type Container } from '../container.js';
import { FAMILY_CHANGED_QUEUE } from '../family-changes.js';
import { fixedClock, type TestClock } from './clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { startSmtpServer, type SmtpServer } from './smtp.js';

export interface TestApp {
  app: FastifyInstance;
  container: Container;
  clock: TestClock;
  database: TestDatabase;
  /**
   * Runs the family-changed jobs waiting in the queue, as this process's job runner would moments
   * after a change: afterwards the calendar and reminders reflect every change answered so far.
   */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database of the dialect under test, with a fixed clock; with `webRoot`, it
 * also serves a built web app from there. With `database`, on that one instead (a restored backup).
 */
export async function buildTestApp(
  options: {
    clock?: TestClock;
    env?: Record<string, string>;
    webRoot?: string;
    database?: TestDatabase;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: database.dataDir,
    BASE_URL: 'http://alongside.test',
    AUTH_ATTEMPTS_PER_MINUTE: '100000',
    ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
    ...options.env,
  });
  const clock = options.clock ?? fixedClock();
  const container = await buildContainer(config, { clock });
  const app = await buildApp(container, { webRoot: options.webRoot });
  return {
    app,
    container,
    clock,
    database,
    async caughtUp() {
      await container.jobs(app.log).drain(FAMILY_CHANGED_QUEUE);
    },
    async close() {
      await app.close();
      await container.close();
      await database.drop();
    },
  };
}

/** A signed-in member's view of the API: sends the session cookie and CSRF token for them. */
export interface Client {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function clientFor(app: FastifyInstance, cookie: string, csrfToken: string): Client {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...options.headers } });
  const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (url: string, body?: unknown) =>
    request({ method, url, ...(body !== undefined && { payload: body as InjectOptions['payload'] }) });
  return {
    cookie,
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** A test app sending e-mail to a real SMTP server, and the same app with e-mail off (no SMTP_URL). */
export interface MailApps {
  smtp: SmtpServer;
  /** E-mail on. */
  t: TestApp;
  /** E-mail off. */
  off: TestApp;
  close(): Promise<void>;
}

export async function buildMailApps(): Promise<MailApps> {
  const smtp = await startSmtpServer();
  const t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
  const off = await buildTestApp();
  return {
    smtp,
    t,
    off,
    async close() {
      await t.close();
      await off.close();
      await smtp.close();
    },
  };
}
