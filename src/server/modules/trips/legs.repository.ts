import type { Kysely } from 'kysely';
import { bags, checkKinds, legModes } from '../../../contracts/trips.js';
import { fromFlag, toFlag } from '../../../db/dialect.js';
import type { Database, Row, RowUpdate } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type { Confirmation, Leg, LegCheck, LegFields, NewConfirmation } from './trips.records.js';

const legFromRow = (row: Row<'trip_legs'>): Leg => ({
  id: row.id,
  tripId: row.trip_id,
  position: row.position,
  label: row.label,
  mode: storedEnum(legModes, row.mode, 'trip_legs.mode'),
  fromCountry: row.from_country,
  toCountry: row.to_country,
  fromPlace: row.from_place,
  toPlace: row.to_place,
  carrier: row.carrier,
  bag: storedEnum(bags, row.bag, 'trip_legs.bag'),
  departureLocal: row.departure_local,
  departureZone: row.departure_zone,
  departureUtc: row.departure_utc,
  isReturn: fromFlag(row.is_return),
  connection: fromFlag(row.is_connection),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  toPlaceId: row.to_place_id,
  arrivalLocal: row.arrival_local,
  arrivalZone: row.arrival_zone,
  arrivalUtc: row.arrival_utc,
  arrivedAt: row.arrived_at,
});

/** Only the fields present become columns, so an update leaves the others alone. */
const legColumns = (
  fields: Partial<LegFields> & { departureUtc?: string; arrivalUtc?: string | null },
): RowUpdate<'trip_legs'> => ({
  ...(fields.label !== undefined && { label: fields.label }),
  ...(fields.mode !== undefined && { mode: fields.mode }),
  ...(fields.fromCountry !== undefined && { from_country: fields.fromCountry }),
  ...(fields.toCountry !== undefined && { to_country: fields.toCountry }),
  ...(fields.fromPlace !== undefined && { from_place: fields.fromPlace }),
  ...(fields.toPlace !== undefined && { to_place: fields.toPlace }),
  ...(fields.carrier !== undefined && { carrier: fields.carrier }),
  ...(fields.bag !== undefined && { bag: fields.bag }),
  ...(fields.departureLocal !== undefined && { departure_local: fields.departureLocal }),
  ...(fields.departureZone !== undefined && { departure_zone: fields.departureZone }),
  ...(fields.departureUtc !== undefined && { departure_utc: fields.departureUtc }),
  ...(fields.isReturn !== undefined && { is_return: toFlag(fields.isReturn) }),
  ...(fields.connection !== undefined && { is_connection: toFlag(fields.connection) }),
  ...(fields.toPlaceId !== undefined && { to_place_id: fields.toPlaceId }),
  ...(fields.arrivalLocal !== undefined && { arrival_local: fields.arrivalLocal }),
  ...(fields.arrivalZone !== undefined && { arrival_zone: fields.arrivalZone }),
  ...(fields.arrivalUtc !== undefined && { arrival_utc: fields.arrivalUtc }),
});

const checkFromRow = (row: Row<'leg_checks'>): LegCheck => ({
  id: row.id,
  legId: row.leg_id,
  kind: storedEnum(checkKinds, row.kind, 'leg_checks.kind'),
  position: row.position,
});

const confirmationFromRow = (
  row: Row<'check_confirmations'> & { traveller_name: string; recorded_by_name: string | null },
): Confirmation => ({
  id: row.id,
  checkId: row.check_id,
  tripKeepsakeId: row.trip_keepsake_id,
  travellerId: row.traveller_id,
  travellerName: row.traveller_name,
  recordedBy: row.recorded_by,
  recordedByName: row.recorded_by_name,
  confirmedAt: row.confirmed_at,
  receivedAt: row.received_at,
});

/** Legs, their departure checks and the confirmations made at each check. */
export function legsRepository(db: Kysely<Database>) {
  return {
    async listLegs(familyId: string, tripIds: string[]): Promise<Leg[]> {
      if (tripIds.length === 0) return [];
      const rows = await db
        .selectFrom('trip_legs')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('trip_id', 'in', tripIds)
        .orderBy('departure_utc')
        .orderBy('position')
        .execute();
      return rows.map(legFromRow);
    },

    async findLeg(familyId: string, id: string): Promise<Leg | undefined> {
      const row = await db
        .selectFrom('trip_legs')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && legFromRow(row);
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

    async insertLeg(familyId: string, leg: Leg): Promise<void> {
      const { id, tripId, position, createdAt, updatedAt, ...fields } = leg;
      await db
        .insertInto('trip_legs')
        .values({
          ...legColumns(fields),
          // Named again for the type checker, which cannot see that the spread above holds them.
          mode: fields.mode,
          from_country: fields.fromCountry,
          to_country: fields.toCountry,
          bag: fields.bag,
          departure_local: fields.departureLocal,
          departure_zone: fields.departureZone,
          departure_utc: fields.departureUtc,
          is_return: toFlag(fields.isReturn),
          id,
          family_id: familyId,
          trip_id: tripId,
          position,
          created_at: createdAt,
          updated_at: updatedAt,
        })
        .execute();
    },

    async updateLeg(
      familyId: string,
      id: string,
      fields: Partial<LegFields> & { departureUtc?: string; arrivalUtc?: string | null },
      updatedAt: string,
    ): Promise<void> {
      await db
        .updateTable('trip_legs')
        .set({ ...legColumns(fields), updated_at: updatedAt })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    /** Records "We've arrived" once: a second tap keeps the first moment. */
    async recordArrival(familyId: string, id: string, arrivedAt: string): Promise<void> {
      await db
        .updateTable('trip_legs')
        .set({ arrived_at: arrivedAt })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .where('arrived_at', 'is', null)
        .execute();
    },

    deleteLeg(familyId: string, id: string) {
      return db.deleteFrom('trip_legs').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    async listChecks(familyId: string, legIds: string[]): Promise<LegCheck[]> {
      if (legIds.length === 0) return [];
      const rows = await db
        .selectFrom('leg_checks')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('leg_id', 'in', legIds)
        .orderBy('position')
        .execute();
      return rows.map(checkFromRow);
    },

    async findCheck(familyId: string, id: string): Promise<LegCheck | undefined> {
      const row = await db
        .selectFrom('leg_checks')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && checkFromRow(row);
    },

    async insertChecks(familyId: string, checks: LegCheck[]): Promise<void> {
      if (checks.length === 0) return;
      await db
        .insertInto('leg_checks')
        .values(
          checks.map((c) => ({
            id: c.id,
            family_id: familyId,
            leg_id: c.legId,
            kind: c.kind,
            position: c.position,
          })),
        )
        .execute();
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

    async listConfirmations(familyId: string, checkIds: string[]): Promise<Confirmation[]> {
      if (checkIds.length === 0) return [];
      const rows = await db
        .selectFrom('check_confirmations as c')
        .innerJoin('trip_travellers as t', 't.id', 'c.traveller_id')
        .leftJoin('memberships as m', 'm.id', 'c.recorded_by')
        .selectAll('c')
        .select(['t.name as traveller_name', 'm.display_name as recorded_by_name'])
        .where('c.family_id', '=', familyId)
        .where('c.check_id', 'in', checkIds)
        .orderBy('c.confirmed_at')
        .execute();
      return rows.map(confirmationFromRow);
    },

    /**
     * Idempotent: confirming the same keepsake twice by the same person records it once. With
     * `replaceEarlierThan` (when the check opened), a confirmation of theirs from before then ("packed
     * early") takes the new moment instead, so the check can be done on the day; one made since it
     * opened is kept as it is.
     */
    async insertConfirmations(
      familyId: string,
      confirmations: NewConfirmation[],
      replaceEarlierThan: string | null = null,
    ): Promise<void> {
      if (confirmations.length === 0) return;
      await db
        .insertInto('check_confirmations')
        .values(
          confirmations.map((c) => ({
            id: c.id,
            family_id: familyId,
            check_id: c.checkId,
            trip_keepsake_id: c.tripKeepsakeId,
            traveller_id: c.travellerId,
            recorded_by: c.recordedBy,
            confirmed_at: c.confirmedAt,
            received_at: c.receivedAt,
          })),
        )
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

    /** Which check a confirmation was made at. */
    async findConfirmation(
      familyId: string,
      id: string,
    ): Promise<Pick<Confirmation, 'id' | 'checkId'> | undefined> {
      const row = await db
        .selectFrom('check_confirmations')
        .select(['id', 'check_id'])
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { id: row.id, checkId: row.check_id };
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
