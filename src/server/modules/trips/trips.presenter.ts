import { containerMaterials, keepsakeKinds } from '../../../contracts/loved-ones.js';
import {
  bags,
  checkKinds,
  checklistScopes,
  legModes,
  purposes,
  scatterPlaces,
  type ChecklistItem,
  type Leg,
  type TripDetail,
  type TripKeepsake,
  type TripSummary,
} from '../../../contracts/trips.js';
import { isEarly } from '../../../domain/trips/checks.js';
import { fromAnswer, fromFlag } from '../../../db/dialect.js';
import type { Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';
import type { AuthContext } from '../accounts/index.js';
import type { ChecklistRow } from './checklist.repository.js';
import { tripPermissions } from './trips.policy.js';
import type { LegView, TripView } from './trips.reader.js';
import type { TripKeepsakeRow } from './trips.repository.js';

export function presentTripSummary(view: TripView): TripSummary {
  const checks = view.legs.flatMap((l) => l.checks);
  return {
    id: view.trip.id,
    name: view.trip.name,
    startsOn: view.trip.starts_on,
    endsOn: view.trip.ends_on,
    purpose: storedEnum(purposes, view.trip.purpose, 'trips.purpose'),
    requireTwoPeople: fromFlag(view.trip.require_two_people),
    notes: view.trip.notes,
    scatterCountry: view.trip.scatter_country,
    scatterRegion: view.trip.scatter_region,
    scatterPlace:
      view.trip.scatter_place === null
        ? null
        : storedEnum(scatterPlaces, view.trip.scatter_place, 'trips.scatter_place'),
    ashesComeHome: fromAnswer(view.trip.ashes_come_home),
    firstDepartureUtc: view.legs[0]?.leg.departure_utc ?? null,
    keepsakeNames: view.keepsakes.map((k) => k.keepsake_name),
    progress: {
      checklistDone: view.items.done,
      checklistTotal: view.items.total,
      checksComplete: checks.filter((c) => c.evaluation.complete).length,
      checksTotal: checks.length,
    },
  };
}

export const presentTripKeepsake = (row: TripKeepsakeRow): TripKeepsake => ({
  id: row.id,
  keepsakeId: row.keepsake_id,
  name: row.keepsake_name,
  lovedOneName: row.loved_one_name,
  kind: storedEnum(keepsakeKinds, row.keepsake_kind, 'keepsakes.kind'),
  container: storedEnum(containerMaterials, row.container, 'keepsakes.container'),
  carrierTravellerId: row.carrier_traveller_id,
  carrierName: row.carrier_name,
  bagDescription: row.bag_description,
});

export const presentTraveller = (row: Row<'trip_travellers'>) => ({
  id: row.id,
  name: row.name,
  memberId: row.membership_id,
  isChild: fromFlag(row.is_child),
});

export function presentLeg({ leg, checks, opensAt }: LegView, requiredConfirmers: number): Leg {
  return {
    id: leg.id,
    position: leg.position,
    label: leg.label,
    mode: storedEnum(legModes, leg.mode, 'trip_legs.mode'),
    fromCountry: leg.from_country,
    toCountry: leg.to_country,
    fromPlace: leg.from_place,
    toPlace: leg.to_place,
    carrier: leg.carrier,
    bag: storedEnum(bags, leg.bag, 'trip_legs.bag'),
    departureLocal: leg.departure_local,
    departureZone: leg.departure_zone,
    departureUtc: leg.departure_utc,
    isReturn: fromFlag(leg.is_return),
    connection: fromFlag(leg.is_connection),
    checks: checks.map(({ check, evaluation, confirmations }) => ({
      id: check.id,
      kind: storedEnum(checkKinds, check.kind, 'leg_checks.kind'),
      complete: evaluation.complete,
      completedAt: evaluation.completedAt,
      opensAt,
      packedEarlyAt: evaluation.packedEarlyAt,
      requiredConfirmers,
      keepsakes: evaluation.keepsakes.map((k) => ({
        tripKeepsakeId: k.tripKeepsakeId,
        complete: k.complete,
        confirmations: confirmations
          .filter((c) => c.trip_keepsake_id === k.tripKeepsakeId)
          .map((c) => ({
            id: c.id,
            travellerId: c.traveller_id,
            travellerName: c.traveller_name,
            recordedByName: c.recorded_by_name ?? 'someone who has left the family',
            confirmedAt: c.confirmed_at,
            early: isEarly(c.confirmed_at, opensAt),
          })),
      })),
    })),
  };
}

export function presentTripDetail(auth: AuthContext, view: TripView): TripDetail {
  const requiredConfirmers = view.trip.require_two_people === 1 ? 2 : 1;
  return {
    trip: presentTripSummary(view),
    travellers: view.travellers.map(presentTraveller),
    keepsakes: view.keepsakes.map(presentTripKeepsake),
    legs: view.legs.map((leg) => presentLeg(leg, requiredConfirmers)),
    can: tripPermissions(auth.role),
  };
}

export const presentChecklistItem = (row: ChecklistRow): ChecklistItem => ({
  id: row.id,
  label: row.label,
  scope: storedEnum(checklistScopes, row.scope, 'checklist_items.scope'),
  ownerTravellerId: row.owner_traveller_id,
  ownerName: row.owner_name,
  position: row.position,
  checked: row.checked_at !== null,
  checkedAt: row.checked_at,
  checkedByName: row.checked_by_name,
  untickedAt: row.unticked_at,
  untickedByName: row.unticked_by_name,
  pinned: row.trip_keepsake_id !== null,
  keepsake: row.trip_keepsake_id
    ? {
        tripKeepsakeId: row.trip_keepsake_id,
        lovedOneName: row.loved_one_name ?? '',
        carrierName: row.carrier_name,
        bagDescription: row.bag_description ?? '',
      }
    : null,
});
