import type {
  AddTripKeepsakeBody,
  CreateTravellerBody,
  CreateTripBody,
  UpdateTripBody,
  UpdateTripKeepsakeBody,
} from '../../../contracts/trips.js';
import { SCATTER_REGION_NOT_IN_COUNTRY, scatterRegionInCountry } from '../../../contracts/trips.js';
import { toAnswer, toFlag } from '../../../db/dialect.js';
import type { NewRow, RowUpdate } from '../../../db/schema.js';
import { isoNow, type Clock } from '../../clock.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AccountsService, AuthContext } from '../accounts/index.js';
import type { KeepsakeRow, LovedOnesService } from '../loved-ones/index.js';
import { readTrips, type TripView } from './trips.reader.js';
import type { TripsStore } from './trips.store.js';

export interface TripsDeps {
  store: TripsStore;
  clock: Clock;
  lovedOnes: LovedOnesService;
  accounts: AccountsService;
}

const DEFAULT_BAG = 'carry-on bag';
const DAY_MS = 86_400_000;

const tripColumns = (body: UpdateTripBody): RowUpdate<'trips'> => ({
  ...(body.name !== undefined && { name: body.name }),
  ...(body.startsOn !== undefined && { starts_on: body.startsOn }),
  ...(body.endsOn !== undefined && { ends_on: body.endsOn }),
  ...(body.purpose !== undefined && { purpose: body.purpose }),
  ...(body.requireTwoPeople !== undefined && { require_two_people: toFlag(body.requireTwoPeople) }),
  ...(body.notes !== undefined && { notes: body.notes }),
  ...(body.scatterCountry !== undefined && { scatter_country: body.scatterCountry }),
  ...(body.scatterRegion !== undefined && { scatter_region: body.scatterRegion }),
  ...(body.scatterPlace !== undefined && { scatter_place: body.scatterPlace }),
  ...(body.ashesComeHome !== undefined && {
    ashes_come_home: toAnswer(body.ashesComeHome),
  }),
});

/** The keepsake row on a trip plus its pinned checklist item: they are always written together. */
function keepsakeComingAlong(input: {
  familyId: string;
  tripId: string;
  keepsake: KeepsakeRow;
  carrierId: string | null;
  bag: string;
  position: number;
  now: string;
}): { tripKeepsake: NewRow<'trip_keepsakes'>; item: NewRow<'checklist_items'> } {
  const id = newId();
  return {
    tripKeepsake: {
      id,
      family_id: input.familyId,
      trip_id: input.tripId,
      keepsake_id: input.keepsake.id,
      carrier_traveller_id: input.carrierId,
      bag_description: input.bag,
      created_at: input.now,
    },
    item: {
      id: newId(),
      family_id: input.familyId,
      trip_id: input.tripId,
      trip_keepsake_id: id,
      label: input.keepsake.name,
      scope: 'shared',
      owner_traveller_id: input.carrierId,
      position: input.position,
      checked_at: null,
      checked_by: null,
      unticked_at: null,
      unticked_by: null,
      created_at: input.now,
    },
  };
}

export function tripsService({ store, clock, lovedOnes, accounts }: TripsDeps) {
  async function view(auth: AuthContext, tripId: string): Promise<TripView> {
    const trip = await store.trips.findTrip(auth.familyId, tripId);
    if (!trip) throw notFound();
    const [result] = await readTrips(store, auth.familyId, [trip]);
    return result!;
  }

  async function travellerOnTrip(auth: AuthContext, tripId: string, travellerId: string, field: string) {
    const traveller = await store.trips.findTraveller(auth.familyId, travellerId);
    if (!traveller || traveller.trip_id !== tripId)
      throw invalid(field, 'Please choose someone who is on this trip.');
    return traveller;
  }

  /** A keepsake travels once it has been confirmed packed, until a day after the last departure. */
  async function isTravelling(auth: AuthContext, tripId: string, tripKeepsakeId: string): Promise<boolean> {
    const confirmed = await store.trips.countConfirmationsByTripKeepsake(auth.familyId, tripKeepsakeId);
    if (!confirmed || Number(confirmed.n) === 0) return false;
    const legs = await store.legs.listLegs(auth.familyId, [tripId]);
    const last = legs.at(-1);
    return !last || clock.now() < Date.parse(last.departure_utc) + DAY_MS;
  }

  return {
    view,

    async list(auth: AuthContext): Promise<TripView[]> {
      return this.listOfFamily(auth.familyId);
    },

    /** For work done on a family's behalf with no one signed in (reminders, calendar feeds). */
    async listOfFamily(familyId: string): Promise<TripView[]> {
      return readTrips(store, familyId, await store.trips.listTrips(familyId));
    },

    async create(auth: AuthContext, body: CreateTripBody): Promise<TripView> {
      // Read everything first: on SQLite a transaction holds the only connection.
      const travelling = await lovedOnes.travellingKeepsakes(auth.familyId);
      const template = body.templateId
        ? await store.checklist.findTemplate(auth.familyId, body.templateId)
        : null;
      if (body.templateId && !template)
        throw invalid('templateId', 'We could not find that list. Please choose another.');
      const templateItems = template
        ? await store.checklist.listTemplateItems(auth.familyId, template.id)
        : [];

      const now = isoNow(clock);
      const tripId = newId();
      const creatorId = newId();
      await store.transaction(async (s) => {
        await s.trips.insertTrip({
          id: tripId,
          family_id: auth.familyId,
          name: body.name,
          starts_on: body.startsOn ?? null,
          ends_on: body.endsOn ?? null,
          purpose: body.purpose,
          require_two_people: toFlag(body.requireTwoPeople),
          notes: body.notes ?? null,
          scatter_country: body.scatterCountry ?? null,
          scatter_region: body.scatterRegion ?? null,
          scatter_place: body.scatterPlace ?? null,
          ashes_come_home: toAnswer(body.ashesComeHome ?? null),
          created_by: auth.memberId,
          created_at: now,
          updated_at: now,
        });
        await s.trips.insertTraveller({
          id: creatorId,
          family_id: auth.familyId,
          trip_id: tripId,
          membership_id: auth.memberId,
          name: auth.displayName,
          is_child: 0,
          created_at: now,
        });
        const along = travelling.map((keepsake, position) =>
          keepsakeComingAlong({
            familyId: auth.familyId,
            tripId,
            keepsake,
            carrierId: creatorId,
            bag: DEFAULT_BAG,
            position,
            now,
          }),
        );
        for (const { tripKeepsake } of along) await s.trips.insertTripKeepsakeRow(tripKeepsake);
        await s.checklist.insertItems([
          ...along.map((a) => a.item),
          ...templateItems.map((t, i) => ({
            id: newId(),
            family_id: auth.familyId,
            trip_id: tripId,
            trip_keepsake_id: null,
            label: t.label,
            scope: t.scope,
            owner_traveller_id: t.scope === 'personal' ? creatorId : null,
            position: along.length + i,
            checked_at: null,
            checked_by: null,
            unticked_at: null,
            unticked_by: null,
            created_at: now,
          })),
        ]);
      });
      return view(auth, tripId);
    },

    async update(auth: AuthContext, tripId: string, body: UpdateTripBody): Promise<TripView> {
      const trip = await store.trips.findTrip(auth.familyId, tripId);
      if (!trip) throw notFound();
      const startsOn = body.startsOn !== undefined ? body.startsOn : trip.starts_on;
      const endsOn = body.endsOn !== undefined ? body.endsOn : trip.ends_on;
      if (startsOn && endsOn && startsOn > endsOn)
        throw invalid('endsOn', 'The last day should be on or after the first day.');
      const scatter = {
        scatterCountry: body.scatterCountry !== undefined ? body.scatterCountry : trip.scatter_country,
        scatterRegion: body.scatterRegion !== undefined ? body.scatterRegion : trip.scatter_region,
      };
      if (!scatterRegionInCountry(scatter)) throw invalid('scatterRegion', SCATTER_REGION_NOT_IN_COUNTRY);
      await store.trips.updateTrip(auth.familyId, tripId, {
        ...tripColumns(body),
        updated_at: isoNow(clock),
      });
      return view(auth, tripId);
    },

    async remove(auth: AuthContext, tripId: string): Promise<void> {
      if (!(await store.trips.findTrip(auth.familyId, tripId))) throw notFound();
      await store.trips.deleteTrip(auth.familyId, tripId);
    },

    async addTraveller(auth: AuthContext, tripId: string, body: CreateTravellerBody): Promise<TripView> {
      const current = await view(auth, tripId);
      let name = body.name ?? '';
      if (body.memberId) {
        const member = await accounts.findMember(auth.familyId, body.memberId);
        if (!member) throw invalid('memberId', 'Please choose someone from your family.');
        if (current.travellers.some((t) => t.membership_id === member.id)) {
          throw conflict(`${member.displayName} is already on this trip.`);
        }
        name = member.displayName;
      }
      await store.trips.insertTraveller({
        id: newId(),
        family_id: auth.familyId,
        trip_id: tripId,
        membership_id: body.memberId ?? null,
        name,
        is_child: toFlag(body.isChild),
        created_at: isoNow(clock),
      });
      return view(auth, tripId);
    },

    async removeTraveller(auth: AuthContext, travellerId: string): Promise<TripView> {
      const traveller = await store.trips.findTraveller(auth.familyId, travellerId);
      if (!traveller) throw notFound();
      const current = await view(auth, traveller.trip_id);
      const carrying = current.keepsakes.filter((k) => k.carrier_traveller_id === travellerId);
      if (carrying.length > 0) {
        throw conflict(
          `${traveller.name} is carrying ${carrying.map((k) => k.keepsake_name).join(' and ')}. Please choose someone else to carry it first.`,
        );
      }
      const confirmed = await store.trips.countConfirmationsByTraveller(auth.familyId, travellerId);
      if (confirmed && Number(confirmed.n) > 0) {
        throw conflict(
          `${traveller.name} has confirmed keepsakes on this trip, so they stay on it as a record.`,
        );
      }
      await store.transaction(async (s) => {
        await s.checklist.shareItemsOf(auth.familyId, travellerId);
        await s.trips.deleteTraveller(auth.familyId, travellerId);
      });
      return view(auth, traveller.trip_id);
    },

    async addKeepsake(auth: AuthContext, tripId: string, body: AddTripKeepsakeBody): Promise<TripView> {
      const current = await view(auth, tripId);
      const keepsake = await lovedOnes.findKeepsake(auth.familyId, body.keepsakeId);
      if (!keepsake) throw invalid('keepsakeId', 'Please choose one of your keepsakes.');
      if (current.keepsakes.some((k) => k.keepsake_id === keepsake.id)) {
        throw conflict(`${keepsake.name} is already coming on this trip.`);
      }
      const carrierId = body.carrierTravellerId
        ? (await travellerOnTrip(auth, tripId, body.carrierTravellerId, 'carrierTravellerId')).id
        : null;
      const position = await store.checklist.nextPosition(auth.familyId, tripId);
      const { tripKeepsake, item } = keepsakeComingAlong({
        familyId: auth.familyId,
        tripId,
        keepsake,
        carrierId,
        bag: body.bagDescription,
        position,
        now: isoNow(clock),
      });
      await store.transaction(async (s) => {
        await s.trips.insertTripKeepsakeRow(tripKeepsake);
        await s.checklist.insertItems([item]);
      });
      return view(auth, tripId);
    },

    async updateKeepsake(
      auth: AuthContext,
      tripKeepsakeId: string,
      body: UpdateTripKeepsakeBody,
    ): Promise<TripView> {
      const row = await store.trips.findTripKeepsake(auth.familyId, tripKeepsakeId);
      if (!row) throw notFound();
      const carrierId =
        body.carrierTravellerId === undefined
          ? row.carrier_traveller_id
          : body.carrierTravellerId === null
            ? null
            : (await travellerOnTrip(auth, row.trip_id, body.carrierTravellerId, 'carrierTravellerId')).id;
      await store.transaction(async (s) => {
        await s.trips.updateTripKeepsake(auth.familyId, tripKeepsakeId, {
          carrier_traveller_id: carrierId,
          ...(body.bagDescription !== undefined && { bag_description: body.bagDescription }),
        });
        await s.checklist.setPinnedOwner(auth.familyId, tripKeepsakeId, carrierId);
      });
      return view(auth, row.trip_id);
    },

    async removeKeepsake(auth: AuthContext, tripKeepsakeId: string): Promise<TripView> {
      const row = await store.trips.findTripKeepsake(auth.familyId, tripKeepsakeId);
      if (!row) throw notFound();
      if (await isTravelling(auth, row.trip_id, tripKeepsakeId)) {
        throw conflict(
          'This keepsake is travelling with you now, so it stays on the list until you are home.',
        );
      }
      await store.trips.deleteTripKeepsake(auth.familyId, tripKeepsakeId);
      return view(auth, row.trip_id);
    },

    /** For loved-ones: which trips a keepsake is part of. */
    tripsWithKeepsakes: (familyId: string, keepsakeIds: string[]) =>
      store.trips.tripsWithKeepsakes(familyId, keepsakeIds),
  };
}

export type TripsService = ReturnType<typeof tripsService>;
