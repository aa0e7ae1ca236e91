import { evaluateCheck, type CheckEvaluation } from '../../../domain/trips/checks.js';
import { checksOpenAt } from '../../../domain/trips/opens.js';
import type { Row } from '../../../db/schema.js';
import type { ConfirmationRow } from './legs.repository.js';
import type { TripKeepsakeRow } from './trips.repository.js';
import type { TripsStore } from './trips.store.js';

export interface LegView {
  leg: Row<'trip_legs'>;
  /** When the leg's checks open: confirmations before then are "packed early". */
  opensAt: string;
  checks: Array<{ check: Row<'leg_checks'>; evaluation: CheckEvaluation; confirmations: ConfirmationRow[] }>;
}

export interface TripView {
  trip: Row<'trips'>;
  travellers: Row<'trip_travellers'>[];
  keepsakes: TripKeepsakeRow[];
  legs: LegView[];
  items: { total: number; done: number };
}

const byTrip = <T extends { trip_id: string }>(rows: T[], tripId: string) =>
  rows.filter((r) => r.trip_id === tripId);

/**
 * Loads everything the trip pages show for a set of trips in a fixed number of queries (not one per
 * trip or per leg), and evaluates each departure check with the pure rules in domain/trips: a check
 * counts only confirmations made since it opened, the evening before its departure.
 */
export async function readTrips(
  store: TripsStore,
  familyId: string,
  trips: Row<'trips'>[],
): Promise<TripView[]> {
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
    const requiredConfirmers = trip.require_two_people === 1 ? 2 : 1;
    const counts = progress.find((p) => p.trip_id === trip.id);
    return {
      trip,
      travellers: byTrip(travellers, trip.id),
      keepsakes: tripKeepsakes,
      items: { total: Number(counts?.items_total ?? 0), done: Number(counts?.items_done ?? 0) },
      legs: byTrip(legs, trip.id).map((leg) => {
        const opensAt = checksOpenAt(leg.departure_local, leg.departure_zone);
        return {
          leg,
          opensAt,
          checks: checks
            .filter((c) => c.leg_id === leg.id)
            .map((check) => {
              const mine = confirmations.filter((c) => c.check_id === check.id);
              const evaluation = evaluateCheck({
                tripKeepsakeIds: tripKeepsakes.map((k) => k.id),
                requiredConfirmers,
                confirmations: mine.map((c) => ({
                  tripKeepsakeId: c.trip_keepsake_id,
                  travellerId: c.traveller_id,
                  confirmedAt: c.confirmed_at,
                })),
                opensAt,
              });
              return { check, evaluation, confirmations: mine };
            }),
        };
      }),
    };
  });
}
