import type { Kysely } from 'kysely';
import type { Database, NewRow, Row, RowUpdate } from '../../../db/schema.js';

export type TripKeepsakeRow = Row<'trip_keepsakes'> & {
  keepsake_name: string;
  keepsake_kind: string;
  container: string;
  loved_one_name: string;
  carrier_name: string | null;
};

export interface ProgressRow {
  trip_id: string;
  items_total: number;
  items_done: number;
}

/** Trips, their travellers and the keepsakes coming along. */
export function tripsRepository(db: Kysely<Database>) {
  return {
    listTrips(familyId: string): Promise<Row<'trips'>[]> {
      return db
        .selectFrom('trips')
        .selectAll()
        .where('family_id', '=', familyId)
        .orderBy('created_at', 'desc')
        .execute();
    },

    findTrip(familyId: string, id: string): Promise<Row<'trips'> | undefined> {
      return db
        .selectFrom('trips')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    insertTrip(row: NewRow<'trips'>) {
      return db.insertInto('trips').values(row).execute();
    },

    updateTrip(familyId: string, id: string, patch: RowUpdate<'trips'>) {
      return db
        .updateTable('trips')
        .set(patch)
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    deleteTrip(familyId: string, id: string) {
      return db.deleteFrom('trips').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    /** Checklist counts for many trips at once (the trips list shows progress for each). */
    checklistProgress(familyId: string, tripIds: string[]): Promise<ProgressRow[]> {
      if (tripIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('checklist_items')
        .select((eb) => [
          'trip_id',
          eb.fn.countAll<number>().as('items_total'),
          eb.fn.count<number>('checked_at').as('items_done'),
        ])
        .where('family_id', '=', familyId)
        .where('trip_id', 'in', tripIds)
        .groupBy('trip_id')
        .execute();
    },

    listTravellers(familyId: string, tripIds: string[]): Promise<Row<'trip_travellers'>[]> {
      if (tripIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('trip_travellers')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('trip_id', 'in', tripIds)
        .orderBy('created_at')
        .execute();
    },

    findTraveller(familyId: string, id: string): Promise<Row<'trip_travellers'> | undefined> {
      return db
        .selectFrom('trip_travellers')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    insertTraveller(row: NewRow<'trip_travellers'>) {
      return db.insertInto('trip_travellers').values(row).execute();
    },

    deleteTraveller(familyId: string, id: string) {
      return db
        .deleteFrom('trip_travellers')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    listTripKeepsakes(familyId: string, tripIds: string[]): Promise<TripKeepsakeRow[]> {
      if (tripIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('trip_keepsakes as tk')
        .innerJoin('keepsakes as k', 'k.id', 'tk.keepsake_id')
        .innerJoin('loved_ones as l', 'l.id', 'k.loved_one_id')
        .leftJoin('trip_travellers as t', 't.id', 'tk.carrier_traveller_id')
        .selectAll('tk')
        .select([
          'k.name as keepsake_name',
          'k.kind as keepsake_kind',
          'k.container as container',
          'l.name as loved_one_name',
          't.name as carrier_name',
        ])
        .where('tk.family_id', '=', familyId)
        .where('tk.trip_id', 'in', tripIds)
        .orderBy('tk.created_at')
        .execute();
    },

    findTripKeepsake(familyId: string, id: string): Promise<Row<'trip_keepsakes'> | undefined> {
      return db
        .selectFrom('trip_keepsakes')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    insertTripKeepsakeRow(row: NewRow<'trip_keepsakes'>) {
      return db.insertInto('trip_keepsakes').values(row).execute();
    },

    updateTripKeepsake(familyId: string, id: string, patch: RowUpdate<'trip_keepsakes'>) {
      return db
        .updateTable('trip_keepsakes')
        .set(patch)
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    deleteTripKeepsake(familyId: string, id: string) {
      return db.deleteFrom('trip_keepsakes').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    /** Names of trips that a keepsake is part of (asked before the keepsake is deleted). */
    async tripsWithKeepsakes(familyId: string, keepsakeIds: string[]): Promise<string[]> {
      if (keepsakeIds.length === 0) return [];
      const rows = await db
        .selectFrom('trip_keepsakes as tk')
        .innerJoin('trips as tr', 'tr.id', 'tk.trip_id')
        .select('tr.name')
        .distinct()
        .where('tk.family_id', '=', familyId)
        .where('tk.keepsake_id', 'in', keepsakeIds)
        .execute();
      return rows.map((r) => r.name);
    },

    countConfirmationsByTraveller(familyId: string, travellerId: string): Promise<{ n: number } | undefined> {
      return db
        .selectFrom('check_confirmations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('family_id', '=', familyId)
        .where('traveller_id', '=', travellerId)
        .executeTakeFirst();
    },

    countConfirmationsByTripKeepsake(
      familyId: string,
      tripKeepsakeId: string,
    ): Promise<{ n: number } | undefined> {
      return db
        .selectFrom('check_confirmations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('family_id', '=', familyId)
        .where('trip_keepsake_id', '=', tripKeepsakeId)
        .executeTakeFirst();
    },
  };
}

export type TripsRepository = ReturnType<typeof tripsRepository>;
