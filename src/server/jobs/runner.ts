import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { JobQueue, JobRow } from './queue.js';

/** A named, versioned kind of job with a checked payload (STYLE.md rule 14). */
export interface JobDefinition<P> {
  queue: string;
  version: number;
  payload: z.ZodType<P>;
  /** How many jobs one claim takes; handlers get them together (e.g. to share an SMTP pool). */
  batchSize: number;
  maxAttempts: number;
  /**
   * Does the work. A handler completes its jobs itself (`complete`), inside the transaction that did
   * the work where it has one, so that "done" and the work commit together. Jobs it neither
   * completes nor throws for return to the queue when their lease ends.
   */
  handle(
    jobs: Array<{ row: JobRow; payload: P }>,
    complete: Completer,
    holdsLease: LeaseCheck,
  ): Promise<void>;
}

type Trx = Parameters<JobQueue['complete']>[3];
/** Marks jobs done; answers how many were still this worker's to complete. */
export type Completer = (ids: string[], trx?: Trx) => Promise<number>;
/** Inside the transaction doing a job's work: whether this worker still holds the job (see queue.holdsLease). */
export type LeaseCheck = (id: string, trx: NonNullable<Trx>) => Promise<boolean>;

export interface RunnerOptions {
  queue: JobQueue;
  clock: Clock;
  log: FastifyBaseLogger;
  workerId: string;
  pollMs: number;
  leaseMs: number;
}

// Retry after 30 s, 2 min, 8 min, … so a mail server that is down for a while is not hammered.
const backoffMs = (attempt: number) => 30_000 * 4 ** Math.max(0, attempt - 1);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One loop of the runner: a queue, or a piece of scheduled work. */
interface Lane {
  /** One pass; answers whether there is more to do at once (a full batch came back). */
  pass(): Promise<boolean>;
  wanted: boolean;
  wake?: () => void;
}

/**
 * Runs registered jobs in this process. Each queue, and each piece of scheduled work, has its own
 * loop, so a memorial book that takes a minute delays no reminder: a loop claims a batch, hands it
 * to the handler, and polls again at once while batches come back full (a burst drains without
 * waiting a poll interval between batches). Each loop holds one batch at a time: within a queue,
 * one instance does one batch after another (a book is heavy work for a small server; more
 * instances, more batches at once). While a handler runs, its jobs' leases are renewed, so a job
 * that takes longer than the lease is not taken over by another instance while this one lives.
 * Stopping waits for every batch in hand.
 */
export function jobRunner(options: RunnerOptions) {
  const definitions: Array<JobDefinition<unknown>> = [];
  const ticks: Array<{ name: string; everyMs: number; run: () => Promise<unknown>; last: number }> = [];
  const lanes: Lane[] = [];
  let running = false;
  let loops: Array<Promise<void>> = [];
  /** The jobs of the batches in hand that their handlers have not completed yet. */
  const inHand = new Set<Set<string>>();

  /**
   * Keeps the leases of `held` (the jobs a handler has and has not completed yet) until the
   * returned stop is called: every leaseMs/3, one renewal at a time. A job found no longer held
   * (taken back by a newer change, or its lease ran out while this process was stalled) is dropped
   * and logged; its handler's `holdsLease` check and `complete` already refuse to commit it.
   */
  function keepLeases(definition: JobDefinition<unknown>, held: Set<string>): () => Promise<void> {
    const { queue, clock, workerId, leaseMs, log } = options;
    let renewing: Promise<void> | undefined;
    const renew = async () => {
      const asked = [...held];
      if (asked.length === 0) return;
      try {
        const kept = new Set(await queue.renew(asked, workerId, clock.now(), leaseMs));
        // A job completed while the renewal ran is not lost: it is no longer in `held`.
        const lost = asked.filter((id) => !kept.has(id) && held.has(id));
        for (const id of lost) held.delete(id);
        if (lost.length > 0)
          log.warn(
            { queue: definition.queue, jobs: lost },
            'job lease lost while its handler ran; it will not be committed here',
          );
      } catch (error) {
        log.warn({ queue: definition.queue, err: messageOf(error) }, 'job lease renewal failed; will retry');
      }
    };
    const timer = setInterval(
      () => {
        renewing ??= renew().finally(() => (renewing = undefined));
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    timer.unref();
    return async () => {
      clearInterval(timer);
      await renewing;
    };
  }

  async function runBatch(definition: JobDefinition<unknown>): Promise<number> {
    const { queue, clock, workerId, leaseMs, log } = options;
    const rows = await queue.claim(definition.queue, definition.batchSize, workerId, clock.now(), leaseMs);
    if (rows.length === 0) return 0;
    const jobs: Array<{ row: JobRow; payload: unknown }> = [];
    for (const row of rows) {
      const parsed = definition.payload.safeParse(JSON.parse(row.payload));
      if (parsed.success) jobs.push({ row, payload: parsed.data });
      else
        await queue.fail(
          row.id,
          workerId,
          `payload does not match ${definition.queue} v${definition.version}`,
          null,
        );
    }
    const held = new Set(jobs.map((j) => j.row.id));
    inHand.add(held);
    const stopRenewing = keepLeases(definition, held);
    try {
      await definition.handle(
        jobs,
        async (ids, trx) => {
          const done = await queue.complete(ids, workerId, clock.now(), trx);
          for (const id of ids) held.delete(id);
          return done;
        },
        (id, trx) => queue.holdsLease(id, workerId, trx),
      );
    } catch (error) {
      held.clear(); // failed here, not lost: nothing more to renew
      const message = messageOf(error);
      log.warn({ queue: definition.queue, jobs: jobs.length, err: message }, 'job batch failed; will retry');
      for (const { row } of jobs) {
        const retryAt = row.attempts >= definition.maxAttempts ? null : clock.now() + backoffMs(row.attempts);
        await queue.fail(row.id, workerId, message, retryAt);
      }
    } finally {
      inHand.delete(held);
      await stopRenewing();
    }
    return rows.length;
  }

  /** One queue's pass: a batch; a failure to reach the queue is logged and waits for the next poll. */
  async function queuePass(definition: JobDefinition<unknown>): Promise<boolean> {
    try {
      return (await runBatch(definition)) >= definition.batchSize;
    } catch (error) {
      options.log.error({ queue: definition.queue, err: messageOf(error) }, 'job queue unavailable');
      return false;
    }
  }

  async function tickPass(tick: (typeof ticks)[number]): Promise<boolean> {
    const now = options.clock.now();
    // (A clock that moved back, as after a correction, does not silence a tick.)
    if (now >= tick.last && now - tick.last < tick.everyMs) return false;
    tick.last = now;
    try {
      await tick.run();
    } catch (error) {
      options.log.error({ tick: tick.name, err: messageOf(error) }, 'scheduled work failed');
    }
    return false;
  }

  /** A lane's loop: a pass, then (unless more is waiting at once) a poll interval or a wake. */
  async function loop(lane: Lane): Promise<void> {
    while (running) {
      lane.wanted = false;
      const busy = await lane.pass();
      if (!busy && running && !lane.wanted) {
        await new Promise<void>((resolve) => {
          lane.wake = resolve;
          setTimeout(resolve, options.pollMs).unref();
        });
        lane.wake = undefined;
      }
    }
  }

  function addLane(pass: () => Promise<boolean>): void {
    const lane: Lane = { pass, wanted: false };
    lanes.push(lane);
    if (running) loops.push(loop(lane));
  }

  return {
    register<P>(definition: JobDefinition<P>): void {
      const d = definition as JobDefinition<unknown>;
      definitions.push(d);
      addLane(() => queuePass(d));
    },

    /** Work to do every `everyMs` in every instance (e.g. the reminder tick, reclaiming leases). */
    every(name: string, everyMs: number, run: () => Promise<unknown>): void {
      const tick = { name, everyMs, run, last: 0 };
      ticks.push(tick);
      addLane(() => tickPass(tick));
    },

    /**
     * One pass over every tick and queue, one after another; tests drive the runner with this and
     * a fixed clock. Answers whether a queue had more waiting.
     */
    async runOnce(): Promise<boolean> {
      for (const tick of ticks) await tickPass(tick);
      let busy = false;
      for (const definition of definitions) if (await queuePass(definition)) busy = true;
      return busy;
    },

    /**
     * The jobs this runner's handlers hold right now: reclaiming expired leases leaves them alone,
     * so a process that stalled past a lease does not take back its own work in hand.
     */
    inHand(): string[] {
      return [...inHand].flatMap((held) => [...held]);
    },

    /** Runs one queue's ready jobs until none is left; returns how many were taken. */
    async drain(queue: string): Promise<number> {
      const definition = definitions.find((d) => d.queue === queue);
      if (!definition) throw new Error(`No job is registered for the queue "${queue}"`);
      let taken = 0;
      for (let n = await runBatch(definition); n > 0; n = await runBatch(definition)) taken += n;
      return taken;
    },

    start(): void {
      if (running) return;
      running = true;
      loops = lanes.map(loop);
    },

    /** Makes every loop look now rather than at its next poll (a job was just queued in this process). */
    wake(): void {
      for (const lane of lanes) {
        lane.wanted = true;
        lane.wake?.();
      }
    },

    /** Stops every loop, waiting for the batches in hand. */
    async stop(): Promise<void> {
      running = false;
      for (const lane of lanes) lane.wake?.();
      await Promise.all(loops);
    },
  };
}

export type JobRunner = ReturnType<typeof jobRunner>;
