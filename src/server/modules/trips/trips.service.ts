import type {
  AddTripKeepsakeBody,
  CreateTravellerBody,
  CreateTripBody,
  LinkTravellerBody,
  UpdateTripBody,
  UpdateTripKeepsakeBody,
} from '../../../contracts/trips.js';
import { SCATTER_REGION_NOT_IN_COUNTRY, scatterRegionInCountry } from '../../../contracts/trips.js';
import { isoNow, type Clock } from '../../clock.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AccountsService, AuthContext } from '../accounts/index.js';
import type { Keepsake, LovedOnesService } from '../loved-ones/index.js';
import { readTrips, type TripView } from './trips.reader.js';
import type { NewChecklistItem, TripKeepsake } from './trips.records.js';
import type { TripsStore } from './trips.store.js';

export interface TripsDeps {
  store: TripsStore;
  clock: Clock;
  lovedOnes: LovedOnesService;
  accounts: AccountsService;
}

const DEFAULT_BAG = 'carry-on bag';
const DAY_MS = 86_400_000;

/** A keepsake on a trip plus its pinned checklist item: they are always written together. */
function keepsakeComingAlong(input: {
  tripId: string;
  keepsake: Keepsake;
  carrierId: string | null;
  bag: string;
  position: number;
  now: string;
}): {
  tripKeepsake: Pick<
    TripKeepsake,
    'id' | 'tripId' | 'keepsakeId' | 'carrierTravellerId' | 'bagDescription' | 'createdAt'
  >;
  item: NewChecklistItem;
} {
  const id = newId();
  return {
    tripKeepsake: {
      id,
      tripId: input.tripId,
      keepsakeId: input.keepsake.id,
      carrierTravellerId: input.carrierId,
      bagDescription: input.bag,
      createdAt: input.now,
    },
    item: {
      id: newId(),
      tripId: input.tripId,
      tripKeepsakeId: id,
      label: input.keepsake.name,
      scope: 'shared',
      ownerTravellerId: input.carrierId,
      position: input.position,
      createdAt: input.now,
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
    if (!traveller || traveller.tripId !== tripId)
      throw invalid(field, 'Please choose someone who is on this trip.');
    return traveller;
  }

  /** A keepsake travels once it has been confirmed packed, until a day after the last departure. */
  async function isTravelling(auth: AuthContext, tripId: string, tripKeepsakeId: string): Promise<boolean> {
    if ((await store.trips.countConfirmationsByTripKeepsake(auth.familyId, tripKeepsakeId)) === 0)
      return false;
    const legs = await store.legs.listLegs(auth.familyId, [tripId]);
    const last = legs.at(-1);
    return !last || clock.now() < Date.parse(last.departureUtc) + DAY_MS;
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
        await s.trips.insertTrip(auth.familyId, {
          id: tripId,
          name: body.name,
          startsOn: body.startsOn ?? null,
          endsOn: body.endsOn ?? null,
          purpose: body.purpose,
          requireTwoPeople: body.requireTwoPeople,
          notes: body.notes ?? null,
          scatterCountry: body.scatterCountry ?? null,
          scatterRegion: body.scatterRegion ?? null,
          scatterPlace: body.scatterPlace ?? null,
          ashesComeHome: body.ashesComeHome ?? null,
          checksOpenHour: body.checksOpenHour ?? null,
          collectIn: body.collectIn ?? null,
          createdBy: auth.memberId,
          createdAt: now,
          updatedAt: now,
        });
        await s.trips.insertTraveller(auth.familyId, {
          id: creatorId,
          tripId,
          memberId: auth.memberId,
          name: auth.displayName,
          isChild: false,
          createdAt: now,
        });
        const along = travelling.map((keepsake, position) =>
          keepsakeComingAlong({
            tripId,
            keepsake,
            carrierId: creatorId,
            bag: DEFAULT_BAG,
            position,
            now,
          }),
        );
        for (const { tripKeepsake } of along) await s.trips.insertTripKeepsake(auth.familyId, tripKeepsake);
        await s.checklist.insertItems(auth.familyId, [
          ...along.map((a) => a.item),
          ...templateItems.map((t, i) => ({
            id: newId(),
            tripId,
            tripKeepsakeId: null,
            label: t.label,
            scope: t.scope,
            ownerTravellerId: t.scope === 'personal' ? creatorId : null,
            position: along.length + i,
            createdAt: now,
          })),
        ]);
      });
      return view(auth, tripId);
    },

    async update(auth: AuthContext, tripId: string, body: UpdateTripBody): Promise<TripView> {
      const trip = await store.trips.findTrip(auth.familyId, tripId);
      if (!trip) throw notFound();
      const startsOn = body.startsOn !== undefined ? body.startsOn : trip.startsOn;
      const endsOn = body.endsOn !== undefined ? body.endsOn : trip.endsOn;
      if (startsOn && endsOn && startsOn > endsOn)
        throw invalid('endsOn', 'The last day should be on or after the first day.');
      const scatter = {
        scatterCountry: body.scatterCountry !== undefined ? body.scatterCountry : trip.scatterCountry,
        scatterRegion: body.scatterRegion !== undefined ? body.scatterRegion : trip.scatterRegion,
      };
      if (!scatterRegionInCountry(scatter)) throw invalid('scatterRegion', SCATTER_REGION_NOT_IN_COUNTRY);
      await store.trips.updateTrip(auth.familyId, tripId, body, isoNow(clock));
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
        if (current.travellers.some((t) => t.memberId === member.id)) {
          throw conflict(`${member.displayName} is already on this trip.`);
        }
        name = member.displayName;
      }
      await store.trips.insertTraveller(auth.familyId, {
        id: newId(),
        tripId,
        memberId: body.memberId ?? null,
        name,
        isChild: body.isChild,
        createdAt: isoNow(clock),
      });
      return view(auth, tripId);
    },

    /**
     * Someone added without an account who has since joined the family (through an invite) becomes
     * that member on this trip: the same traveller, so what they confirmed stays shown as theirs,
     * now under the name they joined with. An adult chooses the member; the app never guesses from a
     * name, since two people can share one and a typed name is often a nickname.
     */
    async linkTraveller(auth: AuthContext, travellerId: string, body: LinkTravellerBody): Promise<TripView> {
      const traveller = await store.trips.findTraveller(auth.familyId, travellerId);
      if (!traveller) throw notFound();
      const member = await accounts.findMember(auth.familyId, body.memberId);
      if (!member) throw invalid('memberId', 'Please choose someone from your family.');
      if (traveller.memberId) {
        throw conflict(`${traveller.name} is already someone in your family on Alongside.`);
      }
      const current = await view(auth, traveller.tripId);
      if (current.travellers.some((t) => t.memberId === member.id)) {
        throw conflict(
          `${member.displayName} is already on this trip. Take one of them off first, if they have confirmed nothing.`,
        );
      }
      await store.trips.linkTraveller(auth.familyId, travellerId, {
        id: member.id,
        name: member.displayName,
      });
      return view(auth, traveller.tripId);
    },

    async removeTraveller(auth: AuthContext, travellerId: string): Promise<TripView> {
      const traveller = await store.trips.findTraveller(auth.familyId, travellerId);
      if (!traveller) throw notFound();
      const current = await view(auth, traveller.tripId);
      const carrying = current.keepsakes.filter((k) => k.carrierTravellerId === travellerId);
      if (carrying.length > 0) {
        throw conflict(
          `${traveller.name} is carrying ${carrying.map((k) => k.keepsakeName).join(' and ')}. Please choose someone else to carry it first.`,
        );
      }
      if ((await store.trips.countConfirmationsByTraveller(auth.familyId, travellerId)) > 0) {
        throw conflict(
          `${traveller.name} has confirmed keepsakes on this trip, so they stay on it as a record.`,
        );
      }
      await store.transaction(async (s) => {
        await s.checklist.shareItemsOf(auth.familyId, travellerId);
        await s.trips.deleteTraveller(auth.familyId, travellerId);
      });
      return view(auth, traveller.tripId);
    },

    async addKeepsake(auth: AuthContext, tripId: string, body: AddTripKeepsakeBody): Promise<TripView> {
      const current = await view(auth, tripId);
      const keepsake = await lovedOnes.findKeepsake(auth.familyId, body.keepsakeId);
      if (!keepsake) throw invalid('keepsakeId', 'Please choose one of your keepsakes.');
      if (current.keepsakes.some((k) => k.keepsakeId === keepsake.id)) {
        throw conflict(`${keepsake.name} is already coming on this trip.`);
      }
      const carrierId = body.carrierTravellerId
        ? (await travellerOnTrip(auth, tripId, body.carrierTravellerId, 'carrierTravellerId')).id
        : null;
      const position = await store.checklist.nextPosition(auth.familyId, tripId);
      const { tripKeepsake, item } = keepsakeComingAlong({
        tripId,
        keepsake,
        carrierId,
        bag: body.bagDescription,
        position,
        now: isoNow(clock),
      });
      await store.transaction(async (s) => {
        await s.trips.insertTripKeepsake(auth.familyId, tripKeepsake);
        await s.checklist.insertItems(auth.familyId, [item]);
      });
      return view(auth, tripId);
    },

    async updateKeepsake(
      auth: AuthContext,
      tripKeepsakeId: string,
      body: UpdateTripKeepsakeBody,
    ): Promise<TripView> {
      const along = await store.trips.findTripKeepsake(auth.familyId, tripKeepsakeId);
      if (!along) throw notFound();
      const carrierId =
        body.carrierTravellerId === undefined
          ? along.carrierTravellerId
          : body.carrierTravellerId === null
            ? null
            : (await travellerOnTrip(auth, along.tripId, body.carrierTravellerId, 'carrierTravellerId')).id;
      await store.transaction(async (s) => {
        await s.trips.updateTripKeepsake(auth.familyId, tripKeepsakeId, {
          carrierTravellerId: carrierId,
          ...(body.bagDescription !== undefined && { bagDescription: body.bagDescription }),
        });
        await s.checklist.setPinnedOwner(auth.familyId, tripKeepsakeId, carrierId);
      });
      return view(auth, along.tripId);
    },

    async removeKeepsake(auth: AuthContext, tripKeepsakeId: string): Promise<TripView> {
      const along = await store.trips.findTripKeepsake(auth.familyId, tripKeepsakeId);
      if (!along) throw notFound();
      if (await isTravelling(auth, along.tripId, tripKeepsakeId)) {
        throw conflict(
          'This keepsake is travelling with you now, so it stays on the list until you are home.',
        );
      }
      await store.trips.deleteTripKeepsake(auth.familyId, tripKeepsakeId);
      return view(auth, along.tripId);
    },

    /** For loved-ones: which trips a keepsake is part of. */
    tripsWithKeepsakes: (familyId: string, keepsakeIds: string[]) =>
      store.trips.tripsWithKeepsakes(familyId, keepsakeIds),
  };
}

export type TripsService = ReturnType<typeof tripsService>;
