import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { connect, type Db } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { jobQueue } from '../src/server/jobs/queue.js';
import { remembranceStore } from '../src/server/modules/remembrance/remembrance.store.js';
import { reminderTick } from '../src/server/modules/remembrance/tick.js';
import { tickRepository } from '../src/server/modules/remembrance/tick.repository.js';
import { median, startServer } from './lib.js';
import { loadPostgres, loadSqlite } from './reminders-load.js';
import { reminderData } from './reminders-seed.js';

// `npm run bench:reminders`: 1,000,000 reminders over every IANA zone on SQLite and PostgreSQL.
// Reports the median time of one scheduler tick's read of due reminders on each (target <= 20 ms,
// the worse of the two), the time to turn a Wave-of-Light burst of 100,000 due reminders into jobs
// on PostgreSQL (target <= 30 s), the rate at which two real app instances drain the burst's
// e-mails into a local SMTP server over pooled connections (target >= 1,000/s), and peak memory.

const TOTAL = Number(process.env.BENCH_REMINDERS ?? 1_000_000);
const BURST = Number(process.env.BENCH_BURST ?? 100_000);
const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 10_000);
const PG_SERVER =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const root = fileURLToPath(new URL('..', import.meta.url));
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const children: ChildProcess[] = [];
const work = mkdtempSync(join(tmpdir(), 'alongside-reminders-bench-'));
const pgName = `alongside_bench_${Date.now().toString(36)}`;
const pgUrl = Object.assign(new URL(PG_SERVER), { pathname: `/${pgName}` }).toString();

/**
 * Median times of the tick's due query alone (the indexed range the issue asks about) and of its
 * whole read (the due reminders with their days, members and preferences), each inside a
 * transaction as the tick runs them, then rolled back.
 */
async function tickQueryMs(db: Db, at: number): Promise<{ query: number; read: number }> {
  const query: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < 21; i++) {
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        const repo = tickRepository(trx, db.dialect);
        const started = performance.now();
        const due = await repo.dueReminders(at, 1000);
        query.push(performance.now() - started);
        if (due.length !== 1000) throw new Error(`expected 1000 due reminders, got ${due.length}`);
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
    await db.kysely
      .transaction()
      .execute(async (trx) => {
        const started = performance.now();
        await tickRepository(trx, db.dialect).takeDue(at, 1000);
        read.push(performance.now() - started);
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
  }
  // The first run of each warms caches.
  return { query: median(query.slice(1)), read: median(read.slice(1)) };
}

function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

try {
  const burstAt = Math.ceil((Date.now() + 86_400_000) / 60_000) * 60_000;
  let started = performance.now();
  const data = reminderData({ total: TOTAL, burst: BURST, families: FAMILIES, burstAt });
  console.log(
    `data: ${TOTAL} reminders (${BURST} in one burst) over ${data.zones} IANA zones, ${FAMILIES} families — ${seconds(performance.now() - started)} s to compute`,
  );

  // SQLite
  const sqliteFile = join(work, 'alongside.sqlite');
  const sqlite = connect({ sqliteFile });
  await migrateToLatest(sqlite);
  await sqlite.close();
  started = performance.now();
  loadSqlite(sqliteFile, data, 'bench.test');
  console.log(`SQLite: loaded in ${seconds(performance.now() - started)} s`);
  const sqliteDb = connect({ sqliteFile });
  const sqliteTick = await tickQueryMs(sqliteDb, burstAt);
  await sqliteDb.close();
  console.log(
    `SQLite: due-tick query (1,000 due of ${TOTAL}): median ${sqliteTick.query.toFixed(2)} ms; with their days, members and preferences: ${sqliteTick.read.toFixed(2)} ms`,
  );

  // PostgreSQL
  const admin = new pg.Client({ connectionString: PG_SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pgName}`);
  await admin.end();
  const postgres = connect({ databaseUrl: pgUrl });
  await migrateToLatest(postgres);
  started = performance.now();
  await loadPostgres(pgUrl, data, 'bench.test');
  console.log(`PostgreSQL: loaded in ${seconds(performance.now() - started)} s`);
  const pgTick = await tickQueryMs(postgres, burstAt);
  console.log(
    `PostgreSQL: due-tick query (1,000 due of ${TOTAL}): median ${pgTick.query.toFixed(2)} ms; with their days, members and preferences: ${pgTick.read.toFixed(2)} ms`,
  );

  // The burst: turn 100,000 due reminders into delivery jobs (e-mail and in-app) and advance them.
  const queue = jobQueue(postgres.kysely, 'postgres');
  const tick = reminderTick({
    store: remembranceStore(postgres.kysely, 'postgres'),
    queue,
    clock: { now: () => burstAt + 1000 },
    emailEnabled: true,
  });
  started = performance.now();
  const fired = await tick();
  const burstMs = performance.now() - started;
  const jobs = await postgres.kysely
    .selectFrom('jobs')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`PostgreSQL: burst of ${fired} reminders → ${Number(jobs.n)} jobs in ${seconds(burstMs)} s`);

  // Drain: two real instances send the e-mails to a local SMTP server over pooled connections.
  await postgres.kysely.updateTable('jobs').set({ run_at: Date.now() }).execute();
  await postgres.close();
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;
  const env = {
    NODE_ENV: 'production',
    PORT: '0',
    DATA_DIR: work,
    DATABASE_URL: pgUrl,
    BASE_URL: 'http://alongside.bench',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off`,
    SMTP_POOL_SIZE: '10',
    JOB_POLL_MS: '20',
    REMINDER_TICK_MS: '60000',
    LOG_LEVEL: 'warn',
  };
  const main = ['--import', 'tsx', join(root, 'src/server/main.ts')];
  const instances = await Promise.all([
    startServer(main, env, /Alongside is ready/),
    startServer(main, env, /Alongside is ready/),
  ]);
  children.push(...instances);
  started = performance.now();
  const deadline = Date.now() + 20 * 60_000;
  while (received < BURST && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const drainMs = performance.now() - started;
  const drainPerSecond = received / (drainMs / 1000);
  const peaks = instances.map((child) => peakRssMb(child.pid));
  console.log(
    `drain: ${received} e-mails in ${seconds(drainMs)} s by 2 instances (${drainPerSecond.toFixed(0)}/s)`,
  );
  console.log(
    `peak memory: bench process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; instances ${peaks.map((p) => p.toFixed(0)).join(' MB, ')} MB`,
  );
  for (const child of instances) child.kill('SIGTERM');
  smtp.close();

  const worst = Math.max(sqliteTick.query, pgTick.query);
  console.log(
    `targets: tick <= 20 ms ${worst <= 20 ? 'met' : 'NOT met'}; burst <= 30 s ${burstMs <= 30_000 ? 'met' : 'NOT met'}; drain >= 1000/s ${drainPerSecond >= 1000 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `reminders tick_ms=${worst.toFixed(2)} burst_s=${seconds(burstMs)} drain_per_s=${drainPerSecond.toFixed(0)}`,
  );
} finally {
  for (const child of children) child.kill('SIGKILL');
  const admin = new pg.Client({ connectionString: PG_SERVER });
  await admin.connect().then(
    () => admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`).finally(() => admin.end()),
    () => undefined,
  );
  rmSync(work, { recursive: true, force: true });
}
