import { sql, type Kysely } from 'kysely';
import type { Database, Row } from '../../../db/schema.js';

export const findTrip = (db: Kysely<Database>): Row<'trips'> | typeof sql | null => (db ? sql : null);
