import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportersResponse } from '../../../contracts/supporters.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { buildContainer, type Container } from '../../container.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { testDialect } from '../../test/database.js';
import { createFamily, createLovedOne } from '../../test/factories.js';
import { startSmtpServer } from '../../test/smtp.js';
import { SUPPORTER_EMAIL_QUEUE } from './index.js';

// Two instances of the app on one PostgreSQL database (as behind a load balancer), each running
// its own job runner, its supporters' tick included, at the same moments: every supporter still
// gets the e-mail before the Wave of Light exactly once (the tick takes due days with SKIP LOCKED
// and queues one job per day and occurrence under a dedupe key; a job is claimed by one runner).

const SUPPORTERS = 16;
const SETTINGS = { REMINDER_TICK_MS: '50', JOB_POLL_MS: '50' };

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let a: TestApp;
let b: { container: Container; close(): Promise<void> };

beforeAll(async () => {
  if (testDialect() !== 'postgres') return;
  smtp = await startSmtpServer();
  a = await buildTestApp({ env: { SMTP_URL: smtp.url, ...SETTINGS } });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: a.database.dataDir,
    BASE_URL: 'http://alongside.test',
    DATABASE_URL: a.database.databaseUrl!,
    SMTP_URL: smtp.url,
    ...SETTINGS,
  });
  // The same clock: both instances agree on the time, as servers kept by NTP do.
  const container = await buildContainer(config, { clock: a.clock });
  const app = await buildApp(container);
  b = {
    container,
    async close() {
      await app.close();
      await container.close();
    },
  };
});
afterAll(async () => {
  await b?.close();
  await a?.close();
  await smtp?.close();
});

describe.runIf(testDialect() === 'postgres')('supporters on two instances of the app', () => {
  it('sends each supporter the e-mail before the Wave of Light exactly once', async () => {
    a.clock.set('2026-10-10T12:00:00.000Z');
    const family = await createFamily(a.app);
    await createLovedOne(family.client); // Jack, a pregnancy loss in GB: the Wave of Light is his family's day
    await a.caughtUp();
    const waveId = (await family.client.get('/api/supporters'))
      .json<SupportersResponse>()
      .days.find((d) => d.title === 'International Wave of Light')!.id;

    // Half in London, half in New York: their e-mails come at different hours, both before now.
    const addresses: string[] = [];
    for (let n = 0; n < SUPPORTERS; n++) {
      const email = `supporter-${n}@example.com`;
      const added = await family.client.post('/api/supporters', {
        name: `Supporter ${n}`,
        email,
        timeZone: n % 2 === 0 ? 'Europe/London' : 'America/New_York',
        days: [{ dayId: waveId, suggestion: 'Light a candle for Jack at 7pm' }],
      });
      expect(added.statusCode, added.body).toBe(201);
      const token = /\/supporter\/confirm#token=([A-Za-z0-9_-]{43})/.exec(
        smtp.received.filter((m) => m.to.includes(email)).at(-1)?.parsed.text ?? '',
      )?.[1];
      const confirmed = await a.app.inject({
        method: 'POST',
        url: '/api/supporter-links/confirm',
        payload: { token },
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      addresses.push(email);
    }
    await a.caughtUp();

    // 20:00 UTC: past 15:00 (London's e-mail) and 20:00 (New York's), three hours before each 19:00.
    a.clock.set('2026-10-15T20:00:30.000Z');
    const runners = [a.container.jobs(a.app.log), b.container.jobs(a.app.log)];
    for (let round = 0; round < 6; round++) {
      // Both instances' ticks and queues at the same moment, as their own pollers would.
      await Promise.all(runners.map((runner) => runner.runOnce()));
      a.clock.advance(100);
    }

    // One job per supporter's day and occurrence, whichever instance queued and ran it.
    const jobs = await a.container.db.kysely
      .selectFrom('jobs')
      .select(['dedupe_key', 'state'])
      .where('queue', '=', SUPPORTER_EMAIL_QUEUE)
      .execute();
    expect(jobs).toHaveLength(SUPPORTERS);
    expect(new Set(jobs.map((j) => j.dedupe_key)).size).toBe(SUPPORTERS);
    const dayMails = (email: string) =>
      smtp.received.filter((m) => m.to.includes(email) && /send them a few words/i.test(m.parsed.text ?? ''));
    expect(addresses.map((email) => [email, dayMails(email).length])).toEqual(
      addresses.map((email) => [email, 1]),
    );
  });
});
