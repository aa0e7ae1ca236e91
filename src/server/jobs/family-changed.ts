import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { FAMILY_CHANGED_QUEUE } from '../family-changes.js';
import type { JobDefinition } from './runner.js';

/**
 * What a module does after a family's data changed (e.g. remembrance recomputes its calendar and
 * reminders). It reads what it needs, then writes in one transaction and calls `stillCurrent(trx)`
 * last inside it: if a newer change took the job back meanwhile, that throws, the transaction rolls
 * back, and the job runs again with the newer data, so an older run can never overwrite a newer one.
 */
export type FamilyChangedListener = (
  familyId: string,
  stillCurrent: (trx: Kysely<Database>) => Promise<void>,
) => Promise<void>;

/** Thrown by `stillCurrent` when a newer change queued the family's job again. */
export class Superseded extends Error {
  constructor() {
    super('a newer change to this family queued its job again');
  }
}

/**
 * The job every family change queues (key `family-changed:<familyId>`, see family-changes.ts): runs
 * each module's listener, one family per claim so that one family's failure delays no other.
 */
export function familyChangedJob(
  listeners: ReadonlyArray<{ module: string; listener: FamilyChangedListener }>,
): JobDefinition<{ familyId: string }> {
  return {
    queue: FAMILY_CHANGED_QUEUE,
    version: 1,
    payload: z.object({ familyId: z.string() }),
    batchSize: 1,
    maxAttempts: 6,
    async handle(jobs, complete, holdsLease) {
      for (const { row, payload } of jobs) {
        const stillCurrent = async (trx: Kysely<Database>) => {
          if (!(await holdsLease(row.id, trx))) throw new Superseded();
        };
        try {
          for (const { listener } of listeners) await listener(payload.familyId, stillCurrent);
        } catch (error) {
          if (error instanceof Superseded) continue; // queued again; the next run does the work
          throw error;
        }
        await complete([row.id]);
      }
    },
  };
}
