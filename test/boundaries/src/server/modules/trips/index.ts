import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { tripsService } from './trips.service.js';

// Breaks db-only-in-data-layer twice (kysely and the table types): index.ts is not a repository.
export const tripsModule = (db: Kysely<Database>) => tripsService(db);
