import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Module } from '../module.js';
import { tripsService } from './trips.service.js';

// Allowed: a module's index.ts is wiring; it hands a database handle to the module's repositories.
// Its type import of module.ts, and module.ts's of it, make a type-only cycle, which is allowed.
export const tripsModule: Module = { build: (db: Kysely<Database>) => tripsService(db) };
