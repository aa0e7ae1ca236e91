import { sql } from 'kysely';
import type { Row } from '../../db/schema.js';

export const claim = (job: Row<'trips'>) => [sql`select 1`, job];
