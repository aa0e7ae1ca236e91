import type { Kysely } from 'kysely';
import { containerMaterials, keepsakeKinds } from '../../../contracts/loved-ones.js';
import { purposes, scatterPlaces } from '../../../contracts/trips.js';
import { fromAnswer, fromFlag, toAnswer, toFlag } from '../../../db/dialect.js';
import type { Database, Row, RowUpdate } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type { Traveller, Trip, TripFields, TripKeepsake } from './trips.records.js';

/** Checklist counts for one trip (the trips list shows progress for each). */
export interface Progress {
  tripId: string;
  total: number;
  done: number;
}

const tripFromRow = (row: Row<'trips'>): Trip => ({
  id: row.id,
  name: row.name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  purpose: storedEnum(purposes, row.purpose, 'trips.purpose'),
  requireTwoPeople: fromFlag(row.require_two_people),
  notes: row.notes,
  scatterCountry: row.scatter_country,
  scatterRegion: row.scatter_region,
  scatterPlace:
    row.scatter_place === null ? null : storedEnum(scatterPlaces, row.scatter_place, 'trips.scatter_place'),
  ashesComeHome: fromAnswer(row.ashes_come_home),
  checksOpenHour: row.checks_open_hour,
  collectIn: row.collect_in,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Only the fields present become columns, so an update leaves the others alone. */
const tripColumns = (fields: Partial<TripFields>): RowUpdate<'trips'> => ({
  ...(fields.name !== undefined && { name: fields.name }),
  ...(fields.startsOn !== undefined && { starts_on: fields.startsOn }),
  ...(fields.endsOn !== undefined && { ends_on: fields.endsOn }),
  ...(fields.purpose !== undefined && { purpose: fields.purpose }),
  ...(fields.requireTwoPeople !== undefined && { require_two_people: toFlag(fields.requireTwoPeople) }),
  ...(fields.notes !== undefined && { notes: fields.notes }),
  ...(fields.scatterCountry !== undefined && { scatter_country: fields.scatterCountry }),
  ...(fields.scatterRegion !== undefined && { scatter_region: fields.scatterRegion }),
  ...(fields.scatterPlace !== undefined && { scatter_place: fields.scatterPlace }),
  ...(fields.ashesComeHome !== undefined && { ashes_come_home: toAnswer(fields.ashesComeHome) }),
  ...(fields.checksOpenHour !== undefined && { checks_open_hour: fields.checksOpenHour }),
  ...(fields.collectIn !== undefined && { collect_in: fields.collectIn }),
});

const travellerFromRow = (row: Row<'trip_travellers'>): Traveller => ({
  id: row.id,
  tripId: row.trip_id,
  memberId: row.membership_id,
  name: row.name,
  isChild: fromFlag(row.is_child),
  createdAt: row.created_at,
});

type TripKeepsakeRow = Row<'trip_keepsakes'> & {
  keepsake_name: string;
  keepsake_kind: string;
  container: string;
  loved_one_name: string;
  carrier_name: string | null;
};

const tripKeepsakeFromRow = (row: TripKeepsakeRow): TripKeepsake => ({
  id: row.id,
  tripId: row.trip_id,
  keepsakeId: row.keepsake_id,
  keepsakeName: row.keepsake_name,
  keepsakeKind: storedEnum(keepsakeKinds, row.keepsake_kind, 'keepsakes.kind'),
  container: storedEnum(containerMaterials, row.container, 'keepsakes.container'),
  lovedOneName: row.loved_one_name,
  carrierTravellerId: row.carrier_traveller_id,
  carrierName: row.carrier_name,
  bagDescription: row.bag_description,
  createdAt: row.created_at,
});

/** Trips, their travellers and the keepsakes coming along. */
export function tripsRepository(db: Kysely<Database>) {
  return {
    async listTrips(familyId: string): Promise<Trip[]> {
      const rows = await db
        .selectFrom('trips')
        .selectAll()
        .where('family_id', '=', familyId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(tripFromRow);
    },

    async findTrip(familyId: string, id: string): Promise<Trip | undefined> {
      const row = await db
        .selectFrom('trips')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && tripFromRow(row);
    },

    async insertTrip(familyId: string, trip: Trip): Promise<void> {
      const { id, createdBy, createdAt, updatedAt, ...fields } = trip;
      await db
        .insertInto('trips')
        .values({
          ...tripColumns(fields),
          // Named again for the type checker, which cannot see that the spread above holds them.
          name: fields.name,
          purpose: fields.purpose,
          require_two_people: toFlag(fields.requireTwoPeople),
          id,
          family_id: familyId,
          created_by: createdBy,
          created_at: createdAt,
          updated_at: updatedAt,
        })
        .execute();
    },

    async updateTrip(familyId: string, id: string, fields: Partial<TripFields>, updatedAt: string) {
      await db
        .updateTable('trips')
        .set({ ...tripColumns(fields), updated_at: updatedAt })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    async deleteTrip(familyId: string, id: string): Promise<void> {
      await db.deleteFrom('trips').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    /** Checklist counts for many trips at once (the trips list shows progress for each). */
    async checklistProgress(familyId: string, tripIds: string[]): Promise<Progress[]> {
      if (tripIds.length === 0) return [];
      const rows = await db
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
      // PostgreSQL counts as bigint, which its driver hands over as text.
      return rows.map((r) => ({
        tripId: r.trip_id,
        total: Number(r.items_total),
        done: Number(r.items_done),
      }));
    },

    async listTravellers(familyId: string, tripIds: string[]): Promise<Traveller[]> {
      if (tripIds.length === 0) return [];
      const rows = await db
        .selectFrom('trip_travellers')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('trip_id', 'in', tripIds)
        .orderBy('created_at')
        .execute();
      return rows.map(travellerFromRow);
    },

    async findTraveller(familyId: string, id: string): Promise<Traveller | undefined> {
      const row = await db
        .selectFrom('trip_travellers')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && travellerFromRow(row);
    },

    async insertTraveller(familyId: string, traveller: Traveller): Promise<void> {
      await db
        .insertInto('trip_travellers')
        .values({
          id: traveller.id,
          family_id: familyId,
          trip_id: traveller.tripId,
          membership_id: traveller.memberId,
          name: traveller.name,
          is_child: toFlag(traveller.isChild),
          created_at: traveller.createdAt,
        })
        .execute();
    },

    /** A traveller without an account becomes the family member they now are (same row, same id). */
    linkTraveller(familyId: string, id: string, member: { id: string; name: string }) {
      return db
        .updateTable('trip_travellers')
        .set({ membership_id: member.id, name: member.name })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .where('membership_id', 'is', null)
        .execute();
    },

    deleteTraveller(familyId: string, id: string) {
      return db
        .deleteFrom('trip_travellers')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    async listTripKeepsakes(familyId: string, tripIds: string[]): Promise<TripKeepsake[]> {
      if (tripIds.length === 0) return [];
      const rows = await db
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
      return rows.map(tripKeepsakeFromRow);
    },

    /** Which trip a keepsake-on-a-trip belongs to, and who carries it. */
    async findTripKeepsake(
      familyId: string,
      id: string,
    ): Promise<Pick<TripKeepsake, 'id' | 'tripId' | 'carrierTravellerId'> | undefined> {
      const row = await db
        .selectFrom('trip_keepsakes')
        .select(['id', 'trip_id', 'carrier_traveller_id'])
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { id: row.id, tripId: row.trip_id, carrierTravellerId: row.carrier_traveller_id };
    },

    async insertTripKeepsake(
      familyId: string,
      tripKeepsake: Pick<
        TripKeepsake,
        'id' | 'tripId' | 'keepsakeId' | 'carrierTravellerId' | 'bagDescription' | 'createdAt'
      >,
    ): Promise<void> {
      await db
        .insertInto('trip_keepsakes')
        .values({
          id: tripKeepsake.id,
          family_id: familyId,
          trip_id: tripKeepsake.tripId,
          keepsake_id: tripKeepsake.keepsakeId,
          carrier_traveller_id: tripKeepsake.carrierTravellerId,
          bag_description: tripKeepsake.bagDescription,
          created_at: tripKeepsake.createdAt,
        })
        .execute();
    },

    async updateTripKeepsake(
      familyId: string,
      id: string,
      fields: Partial<Pick<TripKeepsake, 'carrierTravellerId' | 'bagDescription'>>,
    ): Promise<void> {
      await db
        .updateTable('trip_keepsakes')
        .set({
          ...(fields.carrierTravellerId !== undefined && { carrier_traveller_id: fields.carrierTravellerId }),
          ...(fields.bagDescription !== undefined && { bag_description: fields.bagDescription }),
        })
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

    async countConfirmationsByTraveller(familyId: string, travellerId: string): Promise<number> {
      const row = await db
        .selectFrom('check_confirmations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('family_id', '=', familyId)
        .where('traveller_id', '=', travellerId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async countConfirmationsByTripKeepsake(familyId: string, tripKeepsakeId: string): Promise<number> {
      const row = await db
        .selectFrom('check_confirmations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('family_id', '=', familyId)
        .where('trip_keepsake_id', '=', tripKeepsakeId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type TripsRepository = ReturnType<typeof tripsRepository>;
