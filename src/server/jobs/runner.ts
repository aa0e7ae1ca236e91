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

/**
 * Runs registered jobs in this process: polls each queue, claims a batch, hands it to the handler,
 * and polls again at once while batches come back full (a burst drains without waiting a poll
 * interval between batches). Stopping waits for the batch in hand.
 */
export function jobRunner(options: RunnerOptions) {
  const definitions: Array<JobDefinition<unknown>> = [];
  const ticks: Array<{ name: string; everyMs: number; run: () => Promise<unknown>; last: number }> = [];
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let wanted = false;

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
    try {
      await definition.handle(
        jobs,
        (ids, trx) => queue.complete(ids, workerId, clock.now(), trx),
        (id, trx) => queue.holdsLease(id, workerId, trx),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.warn({ queue: definition.queue, jobs: jobs.length, err: message }, 'job batch failed; will retry');
      for (const { row } of jobs) {
        const retryAt = row.attempts >= definition.maxAttempts ? null : clock.now() + backoffMs(row.attempts);
        await queue.fail(row.id, workerId, message, retryAt);
      }
    }
    return rows.length;
  }

  async function runOnce(): Promise<boolean> {
    let busy = false;
    const now = options.clock.now();
    for (const tick of ticks) {
      // (A clock that moved back, as after a correction, does not silence a tick.)
      if (now >= tick.last && now - tick.last < tick.everyMs) continue;
      tick.last = now;
      try {
        await tick.run();
      } catch (error) {
        options.log.error(
          { tick: tick.name, err: error instanceof Error ? error.message : String(error) },
          'scheduled work failed',
        );
      }
    }
    for (const definition of definitions) {
      try {
        if ((await runBatch(definition)) >= definition.batchSize) busy = true;
      } catch (error) {
        options.log.error(
          { queue: definition.queue, err: error instanceof Error ? error.message : String(error) },
          'job queue unavailable',
        );
      }
    }
    return busy;
  }

  return {
    register<P>(definition: JobDefinition<P>): void {
      definitions.push(definition);
    },

    /** Work to do every `everyMs` in every instance (e.g. the reminder tick, reclaiming leases). */
    every(name: string, everyMs: number, run: () => Promise<unknown>): void {
      ticks.push({ name, everyMs, run, last: 0 });
    },

    /** One pass over every tick and queue; tests drive the runner with this and a fixed clock. */
    runOnce,

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
      loop = (async () => {
        while (running) {
          wanted = false;
          const busy = await runOnce();
          if (!busy && running && !wanted) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, options.pollMs).unref();
            });
          }
        }
      })();
    },

    /** Runs a pass now rather than at the next poll (a job was just queued in this process). */
    wake(): void {
      wanted = true;
      wake?.();
    },

    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
    },
  };
}

export type JobRunner = ReturnType<typeof jobRunner>;
