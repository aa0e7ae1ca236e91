// Breaks db-only-in-data-layer: a type-only import of the table types is still touching the database.
import type { Row } from '../../../db/schema.js';
// Breaks db-only-in-data-layer: dialect helpers belong to repositories.
import { isoNow } from '../../../db/dialect.js';

export const present = (trip: Row<'trips'>) => ({ ...trip, at: isoNow() });
