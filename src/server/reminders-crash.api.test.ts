import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabase, testDialect, type TestDatabase } from './test/database.js';
import { seedDueReminders } from './test/seed-reminders.js';
import { startSmtpServer } from './test/smtp.js';

// Two real server processes share one PostgreSQL database. A burst of reminders falls due; one
// process is killed with SIGKILL in the middle of sending. Every reminder must still arrive, each
// e-mail under its own stable Message-ID, repeats no more than the killed process's batch in flight,
// and exactly one in-app row per reminder. (Several instances need PostgreSQL: on SQLite the one
// process delivers, as the other suites show.)

const REMINDERS = 400;
const EMAIL_BATCH = 100; // the e-mail job definition's batch size
const root = fileURLToPath(new URL('../..', import.meta.url));

let database: TestDatabase;
let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const children: ChildProcess[] = [];

const until = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 90_000) => {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

function startInstance(name: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        BASE_URL: 'http://alongside.test',
        DATABASE_URL: database.databaseUrl!,
        DATA_DIR: database.dataDir,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Alongside <hello@alongside.test>',
        JOB_POLL_MS: '50',
        REMINDER_TICK_MS: '100',
        JOB_LEASE_MS: '3000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Alongside is ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${name} exited early with ${code}`)));
  });
}

describe.runIf(testDialect() === 'postgres')('reminders across two instances, one killed mid-burst', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    db = connect({ databaseUrl: database.databaseUrl });
    await migrateToLatest(db);
    // Each message takes a little while to accept, as a real mail server does, so the burst lasts.
    smtp = await startSmtpServer({ delayMs: 15 });
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await smtp?.close();
    await db?.close();
    await database?.drop();
  });

  it(
    'delivers every reminder, repeats at most the killed batch, and records in-app reminders exactly once',
    { timeout: 180_000 },
    async () => {
      await seedDueReminders(db.kysely, REMINDERS, Date.now() + 4000);
      const [first] = await Promise.all([startInstance('first'), startInstance('second')]);

      await until('the burst to be under way', () => smtp.received.length >= 60);
      const beforeKill = smtp.received.map((m) => m.parsed.messageId);
      first.kill('SIGKILL');
      // Two live instances never sent the same reminder twice.
      expect(new Set(beforeKill).size).toBe(beforeKill.length);

      const distinct = () => new Set(smtp.received.map((m) => m.parsed.messageId)).size;
      await until('every reminder to arrive', () => distinct() === REMINDERS);
      const inApp = async () =>
        Number(
          (
            await db.kysely
              .selectFrom('inbox_items')
              .select((e) => e.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      await until('every in-app reminder to be recorded', async () => (await inApp()) >= REMINDERS);
      // Let anything still leased by the dead instance come back and be retried, then count again.
      await new Promise((resolve) => setTimeout(resolve, 4000));

      const repeats = smtp.received.length - REMINDERS;
      expect(distinct()).toBe(REMINDERS);
      // A repeat is the killed instance's unfinished batch sent again once: never a third time, and
      // never more messages than one batch.
      const timesSent = new Map<string, number>();
      for (const m of smtp.received)
        timesSent.set(m.parsed.messageId!, (timesSent.get(m.parsed.messageId!) ?? 0) + 1);
      expect(Math.max(...timesSent.values())).toBeLessThanOrEqual(2);
      expect(repeats).toBeLessThanOrEqual(EMAIL_BATCH);
      expect(await inApp()).toBe(REMINDERS);
      const keys = await db.kysely.selectFrom('inbox_items').select('reminder_key').execute();
      expect(new Set(keys.map((k) => k.reminder_key)).size).toBe(REMINDERS);
      const open = await db.kysely
        .selectFrom('jobs')
        .select(['state'])
        .where('state', '!=', 'done')
        .execute();
      expect(open).toEqual([]);
      console.log(
        `reminders-crash: ${REMINDERS} reminders, ${smtp.received.length} messages received, ${repeats} repeated after SIGKILL`,
      );
    },
  );
});
