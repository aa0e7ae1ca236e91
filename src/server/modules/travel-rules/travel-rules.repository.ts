import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** A tick on one of a trip's requirements or documents, with who ticked it. */
export interface RequirementTick {
  key: string;
  tickedAt: string;
  /** null when the member who ticked it has since left the family. */
  tickedByName: string | null;
}

/** The family's ticks on a trip's requirements and documents. */
export function ticksRepository(db: Kysely<Database>) {
  return {
    async list(familyId: string, tripId: string): Promise<RequirementTick[]> {
      const rows = await db
        .selectFrom('requirement_ticks as t')
        .leftJoin('memberships as m', 'm.id', 't.ticked_by')
        .select(['t.key', 't.ticked_at', 'm.display_name'])
        .where('t.family_id', '=', familyId)
        .where('t.trip_id', '=', tripId)
        .execute();
      return rows.map((r) => ({ key: r.key, tickedAt: r.ticked_at, tickedByName: r.display_name }));
    },

    /** Ticking what is already ticked keeps the first tick. */
    async tick(
      familyId: string,
      tick: { id: string; tripId: string; key: string; tickedBy: string; tickedAt: string },
    ) {
      await db
        .insertInto('requirement_ticks')
        .values({
          id: tick.id,
          family_id: familyId,
          trip_id: tick.tripId,
          key: tick.key,
          ticked_by: tick.tickedBy,
          ticked_at: tick.tickedAt,
        })
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
