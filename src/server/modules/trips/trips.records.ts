import type { ContainerMaterial, KeepsakeKind } from '../../../contracts/loved-ones.js';
import type {
  Bag,
  CheckKind,
  ChecklistScope,
  LegMode,
  Purpose,
  ScatterPlace,
} from '../../../contracts/trips.js';

// What the trips module's repositories hand out and take in: camelCase, booleans for flags and
// enums already parsed (an unknown stored value is an error in the repository, never a guess).
// Other modules see these through `TripView`; table rows never leave the repositories.

export interface Trip {
  id: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  purpose: Purpose;
  requireTwoPeople: boolean;
  notes: string | null;
  scatterCountry: string | null;
  scatterRegion: string | null;
  scatterPlace: ScatterPlace | null;
  /** null: the family has not said (never taken as "no"). */
  ashesComeHome: boolean | null;
  /** Where the family collects the ashes, travelling out without them; null: from the start. */
  collectIn: string | null;
  /** The hour the evening before each departure from which its checks count; null: the usual hour. */
  checksOpenHour: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** The fields a family sets on a trip. */
export type TripFields = Omit<Trip, 'id' | 'createdBy' | 'createdAt' | 'updatedAt'>;

export interface Traveller {
  id: string;
  tripId: string;
  /** The family member this traveller is, when they have an account; a child often has none. */
  memberId: string | null;
  name: string;
  isChild: boolean;
  createdAt: string;
}

/** A keepsake coming on a trip, with the names the pages show beside it. */
export interface TripKeepsake {
  id: string;
  tripId: string;
  keepsakeId: string;
  keepsakeName: string;
  keepsakeKind: KeepsakeKind;
  container: ContainerMaterial;
  lovedOneName: string;
  carrierTravellerId: string | null;
  carrierName: string | null;
  bagDescription: string;
  createdAt: string;
}

export interface Leg {
  id: string;
  tripId: string;
  position: number;
  label: string | null;
  mode: LegMode;
  fromCountry: string;
  toCountry: string;
  fromPlace: string | null;
  toPlace: string | null;
  carrier: string | null;
  bag: Bag;
  departureLocal: string;
  departureZone: string;
  departureUtc: string;
  isReturn: boolean;
  /** Only changing planes (or a cruise's port of call): the keepsake does not enter the country. */
  connection: boolean;
  createdAt: string;
  updatedAt: string;
  /** The destination picked from the gazetteer (modules/places); null when only typed in `toPlace`. */
  toPlaceId: string | null;
  /** The arrival the family entered (wall time and zone, and its instant), or null. */
  arrivalLocal: string | null;
  arrivalZone: string | null;
  arrivalUtc: string | null;
  /** When the family tapped "We've arrived" for this leg (server clock), or null. */
  arrivedAt: string | null;
}

/** The fields a family sets on a leg; the instants are worked out from local time and zone. */
export type LegFields = Omit<
  Leg,
  'id' | 'tripId' | 'position' | 'departureUtc' | 'arrivalUtc' | 'arrivedAt' | 'createdAt' | 'updatedAt'
>;

export interface LegCheck {
  id: string;
  legId: string;
  kind: CheckKind;
  position: number;
}

export interface Confirmation {
  id: string;
  checkId: string;
  tripKeepsakeId: string;
  travellerId: string;
  travellerName: string;
  recordedBy: string;
  /** null when the member who recorded it has since left the family. */
  recordedByName: string | null;
  confirmedAt: string;
  /** When the server received it (null for confirmations made before that was recorded). */
  receivedAt: string | null;
}

export type NewConfirmation = Omit<Confirmation, 'travellerName' | 'recordedByName'>;

export interface ChecklistItem {
  id: string;
  tripId: string;
  /** Set on the item that stands for a keepsake coming along ("pinned"). */
  tripKeepsakeId: string | null;
  label: string;
  scope: ChecklistScope;
  ownerTravellerId: string | null;
  ownerName: string | null;
  position: number;
  checkedAt: string | null;
  checkedByName: string | null;
  untickedAt: string | null;
  untickedByName: string | null;
  /** For a pinned item: whose keepsake, who carries it and in which bag. */
  lovedOneName: string | null;
  carrierName: string | null;
  bagDescription: string | null;
  createdAt: string;
}

export type NewChecklistItem = Pick<
  ChecklistItem,
  'id' | 'tripId' | 'tripKeepsakeId' | 'label' | 'scope' | 'ownerTravellerId' | 'position' | 'createdAt'
>;

/** What a tick, an untick or a rename changes; `by` is the member, null to clear. */
export interface ChecklistItemChange {
  label?: string;
  checked?: { at: string; by: string } | null;
  unticked?: { at: string; by: string };
}

export interface ChecklistTemplate {
  id: string;
  name: string;
  itemCount: number;
  createdAt: string;
}

export interface TemplateItem {
  id: string;
  templateId: string;
  label: string;
  scope: ChecklistScope;
  position: number;
}
