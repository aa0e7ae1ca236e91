// Breaks db-only-in-data-layer: a type-only import of the table types is still touching the database.
import type { Row } from '../../../db/schema.js';
// Breaks db-only-in-data-layer: dialect helpers belong to repositories.
import { isoNow } from '../../../db/dialect.js';
// Breaks db-only-in-data-layer: a presenter never holds a query builder.
import type { Kysely } from 'kysely';

export const present = (trip: Row<'trips'>, _db?: Kysely<unknown>) => ({ ...trip, at: isoNow() });
