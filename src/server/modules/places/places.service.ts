import type { GazetteerPlace, LovedOnePlaces, PlaceSearchQuery } from '../../../contracts/places.js';
import { placesVisited, type TripTravelled } from '../../../domain/places/visited.js';
import type { AccountsService, AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { RitualsService } from '../rituals/index.js';
import type { TripsServices, TripView } from '../trips/index.js';
import type { Gazetteer } from './gazetteer.js';

export interface PlacesDeps {
  gazetteer: () => Gazetteer;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  trips: TripsServices['trips'];
  rituals: RitualsService;
}

/** How many suggestions a search answers with: enough to choose from on a phone. */
export const SEARCH_LIMIT = 8;

const travelled = (view: TripView): TripTravelled => ({
  id: view.trip.id,
  name: view.trip.name,
  startsOn: view.trip.startsOn,
  purpose: view.trip.purpose,
  scatterCountry: view.trip.scatterCountry,
  keepsakeIds: view.keepsakes.map((k) => k.keepsakeId),
  legs: view.legs.map(({ leg }) => leg),
});

/** The gazetteer's search, and the places a loved one has been. */
export function placesService({ gazetteer, accounts, lovedOnes, trips, rituals }: PlacesDeps) {
  return {
    search(query: PlaceSearchQuery): GazetteerPlace[] {
      return query.q === undefined ? [] : gazetteer().search(query.q, query.country, SEARCH_LIMIT);
    },

    /** Whether a gazetteer place lies in the country (a leg's destination must). */
    placeInCountry(placeId: string, country: string): boolean {
      return gazetteer().byId(placeId)?.country === country;
    },

    async ofLovedOne(auth: AuthContext, lovedOneId: string): Promise<LovedOnePlaces> {
      const [{ lovedOne, keepsakes }, views, { family }, arrivals] = await Promise.all([
        lovedOnes.get(auth, lovedOneId),
        trips.list(auth),
        accounts.sessionView(auth),
        rituals.arrivalsByLeg(auth, lovedOneId),
      ]);
      // Oldest trip first, so each place lists its trips in the order they happened.
      const ordered = [...views].sort((a, b) =>
        (a.trip.startsOn ?? a.trip.createdAt).localeCompare(b.trip.startsOn ?? b.trip.createdAt),
      );
      const picked = ordered.some((v) => v.legs.some(({ leg }) => leg.toPlaceId !== null));
      const countries = placesVisited(
        ordered.map(travelled),
        new Set(keepsakes.map((k) => k.id)),
        family.country,
        // Read the gazetteer only when a leg names one of its places.
        (id) => (picked ? gazetteer().byId(id) : null),
      );
      // Each visit links to what the family did on arriving there: its arrival rituals and photos.
      for (const country of countries)
        for (const visit of [...country.visits, ...country.towns.flatMap((town) => town.visits)])
          visit.arrivals = visit.legId ? (arrivals.get(visit.legId) ?? []) : [];
      return { lovedOneId: lovedOne.id, name: lovedOne.name, countries };
    },
  };
}
export type PlacesService = ReturnType<typeof placesService>;
