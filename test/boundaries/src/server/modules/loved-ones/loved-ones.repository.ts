import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

export const listLovedOnes = (db: Kysely<Database>) => db;
