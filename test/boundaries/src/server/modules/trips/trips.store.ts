import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

export const inTransaction = (db: Kysely<Database>) => db;
