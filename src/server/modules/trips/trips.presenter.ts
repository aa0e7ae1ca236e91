import type {
  ChecklistItem,
  Leg,
  Traveller,
  TripDetail,
  TripKeepsake,
  TripSummary,
} from '../../../contracts/trips.js';
import { CHECKS_OPEN_HOUR } from '../../../contracts/trips.js';
import { isEarly } from '../../../domain/trips/checks.js';
import type { AuthContext } from '../accounts/index.js';
import { tripPermissions } from './trips.policy.js';
import type { LegView, TripView } from './trips.reader.js';
import type * as records from './trips.records.js';

export function presentTripSummary(view: TripView): TripSummary {
  const checks = view.legs.flatMap((l) => l.checks);
  return {
    id: view.trip.id,
    name: view.trip.name,
    startsOn: view.trip.startsOn,
    endsOn: view.trip.endsOn,
    purpose: view.trip.purpose,
    requireTwoPeople: view.trip.requireTwoPeople,
    notes: view.trip.notes,
    scatterCountry: view.trip.scatterCountry,
    scatterRegion: view.trip.scatterRegion,
    scatterPlace: view.trip.scatterPlace,
    ashesComeHome: view.trip.ashesComeHome,
    collectIn: view.trip.collectIn,
    checksOpenHour: view.trip.checksOpenHour ?? CHECKS_OPEN_HOUR,
    firstDepartureUtc: view.legs[0]?.leg.departureUtc ?? null,
    keepsakeNames: view.keepsakes.map((k) => k.keepsakeName),
    progress: {
      checklistDone: view.items.done,
      checklistTotal: view.items.total,
      checksComplete: checks.filter((c) => c.evaluation.complete).length,
      checksTotal: checks.length,
    },
  };
}

export const presentTripKeepsake = (k: records.TripKeepsake): TripKeepsake => ({
  id: k.id,
  keepsakeId: k.keepsakeId,
  name: k.keepsakeName,
  lovedOneName: k.lovedOneName,
  kind: k.keepsakeKind,
  container: k.container,
  carrierTravellerId: k.carrierTravellerId,
  carrierName: k.carrierName,
  bagDescription: k.bagDescription,
});

export const presentTraveller = (t: records.Traveller): Traveller => ({
  id: t.id,
  name: t.name,
  memberId: t.memberId,
  isChild: t.isChild,
});

export function presentLeg({ leg, checks, opensAt }: LegView, requiredConfirmers: number): Leg {
  return {
    id: leg.id,
    position: leg.position,
    label: leg.label,
    mode: leg.mode,
    fromCountry: leg.fromCountry,
    toCountry: leg.toCountry,
    fromPlace: leg.fromPlace,
    toPlace: leg.toPlace,
    carrier: leg.carrier,
    bag: leg.bag,
    departureLocal: leg.departureLocal,
    departureZone: leg.departureZone,
    departureUtc: leg.departureUtc,
    isReturn: leg.isReturn,
    connection: leg.connection,
    toPlaceId: leg.toPlaceId,
    checks: checks.map(({ check, evaluation, confirmations }) => ({
      id: check.id,
      kind: check.kind,
      complete: evaluation.complete,
      completedAt: evaluation.completedAt,
      opensAt,
      packedEarlyAt: evaluation.packedEarlyAt,
      requiredConfirmers,
      keepsakes: evaluation.keepsakes.map((k) => ({
        tripKeepsakeId: k.tripKeepsakeId,
        complete: k.complete,
        confirmations: confirmations
          .filter((c) => c.tripKeepsakeId === k.tripKeepsakeId)
          .map((c) => ({
            id: c.id,
            travellerId: c.travellerId,
            travellerName: c.travellerName,
            recordedByName: c.recordedByName ?? 'someone who has left the family',
            confirmedAt: c.confirmedAt,
            early: isEarly(c.confirmedAt, opensAt),
          })),
      })),
    })),
    arrivalLocal: leg.arrivalLocal,
    arrivalZone: leg.arrivalZone,
    arrivalUtc: leg.arrivalUtc,
    arrivedAt: leg.arrivedAt,
  };
}

export function presentTripDetail(auth: AuthContext, view: TripView): TripDetail {
  const requiredConfirmers = view.trip.requireTwoPeople ? 2 : 1;
  return {
    trip: presentTripSummary(view),
    travellers: view.travellers.map(presentTraveller),
    keepsakes: view.keepsakes.map(presentTripKeepsake),
    legs: view.legs.map((leg) => presentLeg(leg, requiredConfirmers)),
    can: tripPermissions(auth.role),
  };
}

export const presentChecklistItem = (item: records.ChecklistItem): ChecklistItem => ({
  id: item.id,
  label: item.label,
  scope: item.scope,
  ownerTravellerId: item.ownerTravellerId,
  ownerName: item.ownerName,
  position: item.position,
  checked: item.checkedAt !== null,
  checkedAt: item.checkedAt,
  checkedByName: item.checkedByName,
  untickedAt: item.untickedAt,
  untickedByName: item.untickedByName,
  pinned: item.tripKeepsakeId !== null,
  keepsake: item.tripKeepsakeId
    ? {
        tripKeepsakeId: item.tripKeepsakeId,
        lovedOneName: item.lovedOneName ?? '',
        carrierName: item.carrierName,
        bagDescription: item.bagDescription ?? '',
      }
    : null,
});
