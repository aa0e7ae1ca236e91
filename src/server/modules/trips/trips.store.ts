import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { checklistRepository } from './checklist.repository.js';
import { legsRepository } from './legs.repository.js';
import { tripsRepository } from './trips.repository.js';

/**
 * The trips module's repositories, plus one way to use them all inside a single transaction, so a
 * change that touches several tables (a trip and its pinned items) is stored whole or not at all.
 */
export interface TripsStore {
  trips: ReturnType<typeof tripsRepository>;
  legs: ReturnType<typeof legsRepository>;
  checklist: ReturnType<typeof checklistRepository>;
  transaction<T>(work: (store: TripsStore) => Promise<T>): Promise<T>;
}

export function tripsStore(db: Kysely<Database>): TripsStore {
  return {
    trips: tripsRepository(db),
    legs: legsRepository(db),
    checklist: checklistRepository(db),
    transaction: (work) => db.transaction().execute((trx) => work(tripsStore(trx))),
  };
}
