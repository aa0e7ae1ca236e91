import type { CountryVisited, PlaceVisit, TownVisited } from '../../contracts/places.js';
import type { Purpose } from '../../contracts/trips.js';

/** A trip as the places page needs it: which keepsakes came, and where each leg arrived. */
export interface TripTravelled {
  id: string;
  name: string;
  startsOn: string | null;
  purpose: Purpose;
  scatterCountry: string | null;
  keepsakeIds: readonly string[];
  /** In the order travelled (by departure). */
  legs: ReadonlyArray<{
    id: string;
    fromCountry: string;
    toCountry: string;
    toPlace: string | null;
    toPlaceId: string | null;
    isReturn: boolean;
    connection: boolean;
  }>;
}

/** What the gazetteer says of a place id; null when the packaged data no longer has it. */
export type ResolvePlace = (
  placeId: string,
) => { name: string; region: string | null; lat: number; lon: number } | null;

/**
 * The family's home, by the travel rules' own rule (domain/travel-rules `homeOf`): as the family
 * said; else where a trip marked with a way home ends; else where it starts.
 */
export function homeOfTrip(trip: TripTravelled, familyCountry: string | null): string | null {
  if (familyCountry) return familyCountry;
  if (trip.legs.length === 0) return null;
  if (trip.legs.some((leg) => leg.isReturn)) return trip.legs[trip.legs.length - 1]!.toCountry;
  return trip.legs[0]!.fromCountry;
}

/**
 * The places a loved one has been: every trip on which one of their keepsakes travelled adds where
 * its legs arrived. Not counted: a change of planes or a port of call (the keepsake never entered),
 * a leg marked as the way home, and a leg that arrives at home without naming a town (so home is
 * never a "place they've been" just for coming back; a named town at home is, as on a trip within
 * the country). A scattering trip adds the country where the ashes were scattered. The policy is
 * in this folder's README.
 */
export function placesVisited(
  trips: readonly TripTravelled[],
  keepsakeIds: ReadonlySet<string>,
  familyCountry: string | null,
  resolve: ResolvePlace,
): CountryVisited[] {
  const countries = new Map<string, CountryVisited>();
  const countryOf = (code: string) => {
    let entry = countries.get(code);
    if (!entry) {
      entry = { country: code, visits: [], towns: [] };
      countries.set(code, entry);
    }
    return entry;
  };
  const addVisit = (visits: PlaceVisit[], visit: PlaceVisit) => {
    const same = visits.find((v) => v.tripId === visit.tripId);
    if (!same) visits.push(visit);
    else if (visit.scattered) same.scattered = true;
  };

  for (const trip of trips) {
    if (!trip.keepsakeIds.some((id) => keepsakeIds.has(id))) continue;
    const home = homeOfTrip(trip, familyCountry);
    const scatteredIn = trip.purpose === 'scatter' ? trip.scatterCountry : null;
    const visit = (legId: string | null, country: string): PlaceVisit => ({
      tripId: trip.id,
      tripName: trip.name,
      startsOn: trip.startsOn,
      legId,
      scattered: country === scatteredIn,
      // Filled in by the places service from the rituals module (what was done on arriving).
      arrivals: [],
    });

    for (const leg of trip.legs) {
      if (leg.connection || leg.isReturn) continue;
      const town = townOf(leg, resolve);
      if (leg.toCountry === home && !town) continue;
      const country = countryOf(leg.toCountry);
      addVisit(country.visits, visit(leg.id, leg.toCountry));
      if (!town) continue;
      let entry = country.towns.find((t) => t.key === town.key);
      if (!entry) {
        entry = { ...town, country: leg.toCountry, visits: [] };
        country.towns.push(entry);
      }
      addVisit(entry.visits, visit(leg.id, leg.toCountry));
    }
    if (scatteredIn) addVisit(countryOf(scatteredIn).visits, visit(null, scatteredIn));
  }
  return [...countries.values()];
}

/** The town a leg arrives in: the gazetteer's place when picked, else the name typed, else none. */
function townOf(
  leg: TripTravelled['legs'][number],
  resolve: ResolvePlace,
): Omit<TownVisited, 'country' | 'visits'> | null {
  const picked = leg.toPlaceId ? resolve(leg.toPlaceId) : null;
  if (picked) {
    return {
      key: `place:${leg.toPlaceId}`,
      name: picked.name,
      region: picked.region,
      placeId: leg.toPlaceId,
      point: { lat: picked.lat, lon: picked.lon },
    };
  }
  const typed = leg.toPlace?.trim();
  if (!typed) return null;
  return {
    key: `name:${leg.toCountry}:${typed.toLocaleLowerCase('en')}`,
    name: typed,
    region: null,
    placeId: null,
    point: null,
  };
}
