import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { connect, type Db } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { systemClock } from '../clock.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { jobQueue, type JobQueue } from './queue.js';
import { jobRunner, type JobDefinition } from './runner.js';

// The real runner (`start()`, its own loops and timers, the system clock) against a real database.
// Waits have a generous cap for a busy machine; none of them is a limit on how fast the work is.

let database: TestDatabase;
let db: Db;
let queue: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connect({ databaseUrl: database.databaseUrl, sqliteFile: `${database.dataDir}/runner.sqlite` });
  await migrateToLatest(db);
  queue = jobQueue(db.kysely, db.dialect);
});
afterAll(async () => {
  await db.close();
  await database.drop();
});

const patiently = { timeout: 60_000, interval: 20 };

/** A log that keeps the messages it is given, to read back. */
function recordingLog() {
  const lines: string[] = [];
  const keep = (_fields: unknown, message: string) => void lines.push(message);
  return { lines, log: { warn: keep, error: keep, info: keep } as never };
}

/** A promise the test resolves when it chooses: the slow job's work ends then. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const enqueue = (name: string, n: number) =>
  queue.enqueue(
    Array.from({ length: n }, (_, i) => ({
      queue: name,
      dedupeKey: `${name}:${i}`,
      payload: { i },
      runAt: Date.now(),
    })),
  );

const rowsOf = (name: string) =>
  db.kysely
    .selectFrom('jobs')
    .select(['id', 'state', 'locked_by', 'locked_until', 'attempts'])
    .where('queue', '=', name)
    .orderBy('dedupe_key')
    .execute();

/**
 * A test queue's job: its handler starts, waits for `until` (when given), then completes its batch.
 * `seen` keeps how many batches started, what each completion was worth, and the payloads done.
 */
function testJob(name: string, { batchSize, until }: { batchSize: number; until?: Promise<void> }) {
  const seen = { started: 0, completed: [] as number[], done: [] as number[] };
  const definition: JobDefinition<{ i: number }> = {
    queue: name,
    version: 1,
    payload: z.object({ i: z.number() }),
    batchSize,
    maxAttempts: 3,
    async handle(batch, complete) {
      seen.started += 1;
      await until;
      seen.completed.push(await complete(batch.map((j) => j.row.id)));
      seen.done.push(...batch.map((j) => j.payload.i));
    },
  };
  return { definition, seen };
}

describe('the job runner, running', { timeout: 180_000 }, () => {
  it('runs each queue in its own loop: a long batch in one delays no other queue and no scheduled work', async () => {
    const { log } = recordingLog();
    const runner = jobRunner({
      queue,
      clock: systemClock,
      log,
      workerId: 'loops',
      pollMs: 50,
      leaseMs: 60_000,
    });
    const book = gate();
    const slow = testJob('loops.book', { batchSize: 1, until: book.opened });
    const reminders = testJob('loops.reminder', { batchSize: 2 });
    let ticks = 0;
    runner.register(slow.definition);
    runner.register(reminders.definition);
    runner.every('loops.tick', 1, async () => void (ticks += 1));
    await enqueue('loops.book', 1);
    runner.start();
    let stopped = false;
    try {
      await vi.waitFor(() => expect(slow.seen.started).toBe(1), patiently);
      const ticksBefore = ticks;
      // While the book is being made, reminders are queued (in this process) and go out.
      await enqueue('loops.reminder', 5);
      runner.wake();
      await vi.waitFor(async () => {
        expect((await rowsOf('loops.reminder')).map((r) => r.state)).toEqual(Array(5).fill('done'));
        expect(ticks).toBeGreaterThan(ticksBefore);
      }, patiently);
      expect(reminders.seen.done.sort()).toEqual([0, 1, 2, 3, 4]);
      expect((await rowsOf('loops.book')).map((r) => r.state)).toEqual(['running']);

      // Stopping waits for the batch in hand: the book is finished, not cut off.
      const stopping = runner.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(stopped).toBe(false);
      book.open();
      await stopping;
    } finally {
      book.open();
      if (!stopped) await runner.stop();
    }
    expect(slow.seen.completed).toEqual([1]);
    expect((await rowsOf('loops.book')).map((r) => r.state)).toEqual(['done']);
  });

  it('keeps a job that runs longer than its lease while its worker lives, and lets another take it when that worker dies', async () => {
    const leaseMs = 2_000;
    let alive = true;
    const first = recordingLog();
    const second = recordingLog();
    const work = gate();
    const slow = testJob('lease.long', { batchSize: 1, until: work.opened });
    // The first instance "dies": it can no longer reach the database to renew (its handler hangs).
    const firstQueue: JobQueue = {
      ...queue,
      renew: (...args) => (alive ? queue.renew(...args) : Promise.reject(new Error('this instance died'))),
    };
    const firstRunner = jobRunner({
      queue: firstQueue,
      clock: systemClock,
      log: first.log,
      workerId: 'first',
      pollMs: 50,
      leaseMs,
    });
    firstRunner.register(slow.definition);
    const other = testJob('lease.long', { batchSize: 2 });
    const secondRunner = jobRunner({
      queue,
      clock: systemClock,
      log: second.log,
      workerId: 'second',
      pollMs: 50,
      leaseMs,
    });
    secondRunner.register(other.definition);
    secondRunner.every('jobs.reclaim', leaseMs / 4, () => queue.reclaimExpired(Date.now()));

    await enqueue('lease.long', 1);
    firstRunner.start();
    try {
      await vi.waitFor(() => expect(slow.seen.started).toBe(1), patiently);
      const [claimed] = await rowsOf('lease.long');
      secondRunner.start();
      // Three leases' time later the job is still the first's: its lease moved on, no one took it.
      await vi.waitFor(
        () => expect(Date.now()).toBeGreaterThan(claimed!.locked_until! + 2 * leaseMs),
        patiently,
      );
      const [held] = await rowsOf('lease.long');
      expect(held).toMatchObject({ state: 'running', locked_by: 'first', attempts: 1 });
      expect(held!.locked_until!).toBeGreaterThan(claimed!.locked_until! + leaseMs);
      expect(await queue.reclaimExpired(Date.now())).toBe(0);
      expect(firstRunner.inHand()).toEqual([claimed!.id]);
      expect(other.seen.done).toEqual([]);

      // The first dies: once its lease runs out, the second reclaims the job and does it.
      alive = false;
      await vi.waitFor(async () => {
        expect(other.seen.done).toEqual([0]);
        expect((await rowsOf('lease.long')).map((r) => [r.state, r.attempts])).toEqual([['done', 2]]);
      }, patiently);
      expect(first.lines).toContain('job lease renewal failed; will retry');
    } finally {
      work.open();
      await firstRunner.stop();
      await secondRunner.stop();
    }
    // The first's late "done" counts for nothing; the job was done once.
    expect(firstRunner.inHand()).toEqual([]);
    expect(slow.seen.completed).toEqual([0]);
    expect((await rowsOf('lease.long')).map((r) => r.state)).toEqual(['done']);
  });

  it('lets go of a job taken back while its handler runs, and says so in the log', async () => {
    const { lines, log } = recordingLog();
    const work = gate();
    const slow = testJob('lease.taken', { batchSize: 1, until: work.opened });
    const runner = jobRunner({ queue, clock: systemClock, log, workerId: 'taken', pollMs: 50, leaseMs: 600 });
    runner.register(slow.definition);
    await queue.signal({
      queue: 'lease.taken',
      dedupeKey: 'lease.taken:family',
      payload: { i: 0 },
      runAt: 0,
    });
    runner.start();
    try {
      await vi.waitFor(() => expect(slow.seen.started).toBe(1), patiently);
      // A newer change takes the job back (to run again, later, with the newer data).
      await queue.signal({
        queue: 'lease.taken',
        dedupeKey: 'lease.taken:family',
        payload: { i: 0 },
        runAt: Date.now() + 3_600_000,
      });
      await vi.waitFor(
        () => expect(lines).toContain('job lease lost while its handler ran; it will not be committed here'),
        patiently,
      );
      work.open();
      await vi.waitFor(() => expect(slow.seen.completed).toEqual([0]), patiently);
    } finally {
      work.open();
      await runner.stop();
    }
    const [row] = await rowsOf('lease.taken');
    expect(row).toMatchObject({ state: 'queued', locked_by: null, attempts: 0 });
  });
});
