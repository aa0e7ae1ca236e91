import type { Kysely } from 'kysely';
import type { Database, NewRow, Row, RowUpdate } from '../../../db/schema.js';

export type ConfirmationRow = Row<'check_confirmations'> & {
  traveller_name: string;
  recorded_by_name: string | null;
};

/** Legs, their departure checks and the confirmations made at each check. */
export function legsRepository(db: Kysely<Database>) {
  return {
    listLegs(familyId: string, tripIds: string[]): Promise<Row<'trip_legs'>[]> {
      if (tripIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('trip_legs')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('trip_id', 'in', tripIds)
        .orderBy('departure_utc')
        .orderBy('position')
        .execute();
    },

    findLeg(familyId: string, id: string): Promise<Row<'trip_legs'> | undefined> {
      return db
        .selectFrom('trip_legs')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async nextPosition(familyId: string, tripId: string): Promise<number> {
      const row = await db
        .selectFrom('trip_legs')
        .select((eb) => eb.fn.max<number | null>('position').as('max'))
        .where('family_id', '=', familyId)
        .where('trip_id', '=', tripId)
        .executeTakeFirst();
      return (row?.max ?? -1) + 1;
    },

    insertLeg(row: NewRow<'trip_legs'>) {
      return db.insertInto('trip_legs').values(row).execute();
    },

    updateLeg(familyId: string, id: string, patch: RowUpdate<'trip_legs'>) {
      return db
        .updateTable('trip_legs')
        .set(patch)
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    deleteLeg(familyId: string, id: string) {
      return db.deleteFrom('trip_legs').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    listChecks(familyId: string, legIds: string[]): Promise<Row<'leg_checks'>[]> {
      if (legIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('leg_checks')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('leg_id', 'in', legIds)
        .orderBy('position')
        .execute();
    },

    findCheck(familyId: string, id: string): Promise<Row<'leg_checks'> | undefined> {
      return db
        .selectFrom('leg_checks')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    insertChecks(rows: NewRow<'leg_checks'>[]) {
      if (rows.length === 0) return Promise.resolve();
      return db.insertInto('leg_checks').values(rows).execute();
    },

    updateCheckPosition(familyId: string, id: string, position: number) {
      return db
        .updateTable('leg_checks')
        .set({ position })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    deleteChecks(familyId: string, ids: string[]) {
      if (ids.length === 0) return Promise.resolve();
      return db.deleteFrom('leg_checks').where('family_id', '=', familyId).where('id', 'in', ids).execute();
    },

    listConfirmations(familyId: string, checkIds: string[]): Promise<ConfirmationRow[]> {
      if (checkIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('check_confirmations as c')
        .innerJoin('trip_travellers as t', 't.id', 'c.traveller_id')
        .leftJoin('memberships as m', 'm.id', 'c.recorded_by')
        .selectAll('c')
        .select(['t.name as traveller_name', 'm.display_name as recorded_by_name'])
        .where('c.family_id', '=', familyId)
        .where('c.check_id', 'in', checkIds)
        .orderBy('c.confirmed_at')
        .execute();
    },

    /**
     * Idempotent: confirming the same keepsake twice by the same person records it once. With
     * `replaceEarlierThan` (when the check opened), a confirmation of theirs from before then ("packed
     * early") takes the new moment instead, so the check can be done on the day; one made since it
     * opened is kept as it is.
     */
    insertConfirmations(rows: NewRow<'check_confirmations'>[], replaceEarlierThan: string | null = null) {
      if (rows.length === 0) return Promise.resolve();
      return db
        .insertInto('check_confirmations')
        .values(rows)
        .onConflict((oc) => {
          const same = oc.columns(['check_id', 'trip_keepsake_id', 'traveller_id']);
          if (replaceEarlierThan === null) return same.doNothing();
          return same
            .doUpdateSet((eb) => ({
              confirmed_at: eb.ref('excluded.confirmed_at'),
              received_at: eb.ref('excluded.received_at'),
              recorded_by: eb.ref('excluded.recorded_by'),
            }))
            .where('check_confirmations.confirmed_at', '<', replaceEarlierThan);
        })
        .execute();
    },

    findConfirmation(familyId: string, id: string): Promise<Row<'check_confirmations'> | undefined> {
      return db
        .selectFrom('check_confirmations')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    deleteConfirmation(familyId: string, id: string) {
      return db
        .deleteFrom('check_confirmations')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },
  };
}

export type LegsRepository = ReturnType<typeof legsRepository>;
