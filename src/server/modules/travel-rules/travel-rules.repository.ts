import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** The family's ticks on a trip's requirements and documents. */
export function ticksRepository(db: Kysely<Database>) {
  return {
    list(familyId: string, tripId: string) {
      return db
        .selectFrom('requirement_ticks as t')
        .leftJoin('memberships as m', 'm.id', 't.ticked_by')
        .select(['t.key', 't.ticked_at', 'm.display_name'])
        .where('t.family_id', '=', familyId)
        .where('t.trip_id', '=', tripId)
        .execute();
    },

    async tick(row: {
      id: string;
      family_id: string;
      trip_id: string;
      key: string;
      ticked_by: string;
      ticked_at: string;
    }) {
      await db
        .insertInto('requirement_ticks')
        .values(row)
        .onConflict((oc) => oc.columns(['trip_id', 'key']).doNothing())
        .execute();
    },

    async untick(familyId: string, tripId: string, key: string) {
      await db
        .deleteFrom('requirement_ticks')
        .where('family_id', '=', familyId)
        .where('trip_id', '=', tripId)
        .where('key', '=', key)
        .execute();
    },
  };
}

export type TicksRepository = ReturnType<typeof ticksRepository>;
