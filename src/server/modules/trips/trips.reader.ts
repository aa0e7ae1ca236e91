import { evaluateCheck, type CheckEvaluation } from '../../../domain/trips/checks.js';
import { checksOpenAt } from '../../../domain/trips/opens.js';
import type { Confirmation, Leg, LegCheck, Traveller, Trip, TripKeepsake } from './trips.records.js';
import type { TripsStore } from './trips.store.js';

export interface LegView {
  leg: Leg;
  /** When the leg's checks open: confirmations before then are "packed early". */
  opensAt: string;
  checks: Array<{ check: LegCheck; evaluation: CheckEvaluation; confirmations: Confirmation[] }>;
}

export interface TripView {
  trip: Trip;
  travellers: Traveller[];
  keepsakes: TripKeepsake[];
  legs: LegView[];
  items: { total: number; done: number };
}

const byTrip = <T extends { tripId: string }>(records: T[], tripId: string) =>
  records.filter((r) => r.tripId === tripId);

/**
 * Loads everything the trip pages show for a set of trips in a fixed number of queries (not one per
 * trip or per leg), and evaluates each departure check with the pure rules in domain/trips: a check
 * counts only confirmations made since it opened, the evening before its departure.
 */
export async function readTrips(store: TripsStore, familyId: string, trips: Trip[]): Promise<TripView[]> {
  const ids = trips.map((t) => t.id);
  const [travellers, keepsakes, legs, progress] = await Promise.all([
    store.trips.listTravellers(familyId, ids),
    store.trips.listTripKeepsakes(familyId, ids),
    store.legs.listLegs(familyId, ids),
    store.trips.checklistProgress(familyId, ids),
  ]);
  const checks = await store.legs.listChecks(
    familyId,
    legs.map((l) => l.id),
  );
  const confirmations = await store.legs.listConfirmations(
    familyId,
    checks.map((c) => c.id),
  );

  return trips.map((trip) => {
    const tripKeepsakes = byTrip(keepsakes, trip.id);
    const requiredConfirmers = trip.requireTwoPeople ? 2 : 1;
    const counts = progress.find((p) => p.tripId === trip.id);
    return {
      trip,
      travellers: byTrip(travellers, trip.id),
      keepsakes: tripKeepsakes,
      items: { total: counts?.total ?? 0, done: counts?.done ?? 0 },
      legs: byTrip(legs, trip.id).map((leg) => {
        const opensAt = checksOpenAt(leg.departureLocal, leg.departureZone, trip.checksOpenHour ?? undefined);
        return {
          leg,
          opensAt,
          checks: checks
            .filter((c) => c.legId === leg.id)
            .map((check) => {
              const mine = confirmations.filter((c) => c.checkId === check.id);
              const evaluation = evaluateCheck({
                tripKeepsakeIds: tripKeepsakes.map((k) => k.id),
                requiredConfirmers,
                confirmations: mine,
                opensAt,
              });
              return { check, evaluation, confirmations: mine };
            }),
        };
      }),
    };
  });
}
