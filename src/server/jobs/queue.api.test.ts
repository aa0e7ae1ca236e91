import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connect, type Db } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { fixedClock } from '../test/clock.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { jobQueue, type JobQueue } from './queue.js';
import { jobRunner } from './runner.js';

let database: TestDatabase;
let db: Db;
let queue: JobQueue;
const silent = { warn: () => undefined, error: () => undefined } as never;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connect({ databaseUrl: database.databaseUrl, sqliteFile: `${database.dataDir}/q.sqlite` });
  await migrateToLatest(db);
  queue = jobQueue(db.kysely, db.dialect);
});
afterAll(async () => {
  await db.close();
  await database.drop();
});

const leaseOf = async (id: string) =>
  (await db.kysely.selectFrom('jobs').select('locked_until').where('id', '=', id).executeTakeFirstOrThrow())
    .locked_until;

const jobs = (name: string, n: number, runAt = 1000) =>
  Array.from({ length: n }, (_, i) => ({ queue: name, dedupeKey: `${name}:${i}`, payload: { i }, runAt }));

describe('the job queue', () => {
  it('stores a dedupe key once, however often it is enqueued', async () => {
    expect(await queue.enqueue(jobs('dedupe', 5))).toBe(5);
    expect(await queue.enqueue(jobs('dedupe', 7))).toBe(2);
    expect((await queue.counts('dedupe')).map((c) => [c.state, Number(c.n)])).toEqual([['queued', 7]]);
  });

  it('gives each job to one worker at a time, even when workers claim at once', async () => {
    await queue.enqueue(jobs('exclusive', 200));
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, w) => queue.claim('exclusive', 40, `worker-${w}`, 2000, 60_000)),
    );
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
  });

  it('does not hand out jobs before their time', async () => {
    await queue.enqueue(jobs('later', 3, 10_000));
    expect(await queue.claim('later', 10, 'w', 9_999, 1000)).toHaveLength(0);
    expect(await queue.claim('later', 10, 'w', 10_000, 1000)).toHaveLength(3);
  });

  it('returns a job to the queue when its worker died before completing it', async () => {
    await queue.enqueue(jobs('lease', 1));
    const [job] = await queue.claim('lease', 1, 'dies', 5_000, 1_000);
    expect(await queue.claim('lease', 1, 'other', 5_500, 1_000)).toHaveLength(0);
    expect(await queue.reclaimExpired(6_001)).toBe(1);
    const [again] = await queue.claim('lease', 1, 'other', 6_002, 1_000);
    expect(again!.id).toBe(job!.id);
    expect(again!.attempts).toBe(2);
    // The dead worker's late "done" does not count; the live one's does.
    await queue.complete([job!.id], 'dies', 6_003);
    expect((await queue.counts('lease')).find((c) => c.state === 'running')).toBeDefined();
    await queue.complete([job!.id], 'other', 6_004);
    expect((await queue.counts('lease')).map((c) => c.state)).toEqual(['done']);
  });

  it('renews only the leases a worker still holds', async () => {
    await queue.enqueue(jobs('renew', 3, 8_000));
    const [kept, takenBack, done] = await queue.claim('renew', 3, 'w', 8_000, 1_000);
    await queue.complete([done!.id], 'w', 8_100);
    await queue.signal({ queue: 'renew', dedupeKey: takenBack!.dedupe_key, payload: {}, runAt: 8_200 });
    const ids = [kept!.id, takenBack!.id, done!.id];
    expect(await queue.renew(ids, 'other', 8_500, 1_000)).toEqual([]);
    expect(await queue.renew(ids, 'w', 8_500, 1_000)).toEqual([kept!.id]);
    expect(await leaseOf(kept!.id)).toBe(9_500);
    expect(await leaseOf(takenBack!.id)).toBeNull();

    if (db.dialect === 'postgres') {
      // A row locked by a transaction at that moment (here the handler's own lease check) is not
      // waited for: it is still held, and renewed next time.
      await db.kysely.transaction().execute(async (trx) => {
        expect(await queue.holdsLease(kept!.id, 'w', trx)).toBe(true);
        expect(await queue.renew([kept!.id], 'w', 9_000, 1_000)).toEqual([kept!.id]);
      });
      expect(await leaseOf(kept!.id)).toBe(9_500);
      expect(await queue.renew([kept!.id], 'w', 9_100, 1_000)).toEqual([kept!.id]);
      expect(await leaseOf(kept!.id)).toBe(10_100);
    }
  });

  it('does not take back the expired jobs the reclaiming instance still has in hand', async () => {
    await queue.enqueue(jobs('in-hand', 2, 20_000));
    const [mine, lost] = await queue.claim('in-hand', 2, 'w', 20_000, 1_000);
    await queue.reclaimExpired(21_001, [mine!.id]);
    const rows = await db.kysely
      .selectFrom('jobs')
      .select(['id', 'state'])
      .where('queue', '=', 'in-hand')
      .execute();
    expect(new Map(rows.map((r) => [r.id, r.state]))).toEqual(
      new Map([
        [mine!.id, 'running'],
        [lost!.id, 'queued'],
      ]),
    );
  });

  it('completes a job in the same transaction as its work, or not at all', async () => {
    await queue.enqueue(jobs('atomic', 1));
    const [job] = await queue.claim('atomic', 1, 'w', 7_000, 60_000);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await queue.complete([job!.id], 'w', 7_001, trx);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect((await queue.counts('atomic')).map((c) => c.state)).toEqual(['running']);
  });
});

describe('the job runner', () => {
  it('runs a burst to the end and retries a failing batch later', async () => {
    const clock = fixedClock('2026-10-15T18:00:00.000Z');
    const runner = jobRunner({ queue, clock, log: silent, workerId: 'runner', pollMs: 10, leaseMs: 60_000 });
    const seen: number[] = [];
    let failNext = true;
    runner.register({
      queue: 'burst',
      version: 1,
      payload: z.object({ i: z.number() }),
      batchSize: 25,
      maxAttempts: 2,
      async handle(batch, complete) {
        if (failNext) {
          failNext = false;
          throw new Error('mail server is resting');
        }
        seen.push(...batch.map((j) => j.payload.i));
        await complete(batch.map((j) => j.row.id));
      },
    });
    await queue.enqueue(jobs('burst', 100, clock.now()));
    while (await runner.runOnce()) {
      /* drain */
    }
    expect(seen).toHaveLength(75); // the failed batch waits for its retry
    clock.advance(31_000);
    while (await runner.runOnce()) {
      /* drain */
    }
    await runner.runOnce();
    expect(new Set(seen).size).toBe(100);
  });

  it('gives up on a job after its last attempt and keeps the reason', async () => {
    const clock = fixedClock('2026-10-15T18:00:00.000Z');
    const runner = jobRunner({ queue, clock, log: silent, workerId: 'runner', pollMs: 10, leaseMs: 60_000 });
    runner.register({
      queue: 'hopeless',
      version: 1,
      payload: z.object({ i: z.number() }),
      batchSize: 5,
      maxAttempts: 2,
      async handle() {
        throw new Error('no such mailbox');
      },
    });
    await queue.enqueue(jobs('hopeless', 1, clock.now()));
    await runner.runOnce();
    clock.advance(31_000);
    await runner.runOnce();
    clock.advance(10 * 60_000);
    await runner.runOnce();
    const rows = await db.kysely.selectFrom('jobs').selectAll().where('queue', '=', 'hopeless').execute();
    expect(rows.map((r) => [r.state, r.attempts, r.last_error])).toEqual([['failed', 2, 'no such mailbox']]);
  });
  it('signals a key into one waiting job, and takes a running one back so it runs again', async () => {
    const signal = (runAt: number) =>
      queue.signal({ queue: 'signalled', dedupeKey: 'signalled:family', payload: {}, runAt });
    await signal(1000);
    await signal(1001);
    const [job] = await queue.claim('signalled', 10, 'worker-a', 2000, 60_000);
    expect(job).toBeDefined();
    expect(await queue.claim('signalled', 10, 'worker-b', 2000, 60_000)).toEqual([]);

    // A change arrives while worker A runs the job: A no longer holds it, cannot complete it, and
    // the job waits to run again (for worker B, which will see the change).
    await signal(2500);
    expect(await db.kysely.transaction().execute((trx) => queue.holdsLease(job!.id, 'worker-a', trx))).toBe(
      false,
    );
    expect(await queue.complete([job!.id], 'worker-a', 2600)).toBe(0);
    const [again] = await queue.claim('signalled', 10, 'worker-b', 3000, 60_000);
    expect(again?.id).toBe(job!.id);
    expect(await db.kysely.transaction().execute((trx) => queue.holdsLease(job!.id, 'worker-b', trx))).toBe(
      true,
    );
    expect(await queue.complete([job!.id], 'worker-b', 3100)).toBe(1);

    // A finished job is queued again by the next signal.
    await signal(4000);
    expect(await queue.claim('signalled', 10, 'worker-a', 4000, 60_000)).toHaveLength(1);
  });
});
