import {
  arrivalBeforeDeparture,
  canStopWithoutEntering,
  checkpointsByMode,
  connectionNotForThisMode,
  type CheckKind,
  type CheckpointKind,
  type ConfirmKeepsakesBody,
  type CreateLegBody,
  type LegMode,
  type UpdateLegBody,
} from '../../../contracts/trips.js';
import { carrierProblem } from '../../../domain/travel-rules/index.js';
import { defaultCheckpoints, isEarly, orderedChecks } from '../../../domain/trips/checks.js';
import { checksOpenAt } from '../../../domain/trips/opens.js';
import { boundTappedAt } from '../../../domain/trips/tapped.js';
import { localToUtcIso } from '../../../domain/trips/time.js';
import { isoNow, type Clock } from '../../clock.js';
import { invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { Leg } from './trips.records.js';
import type { TripsStore } from './trips.store.js';

/** Refuses a company the leg's way of travelling does not have (the form offers the same list). */
function checkCarrier(mode: LegMode, carrier: string | null | undefined) {
  const problem = carrier ? carrierProblem(mode, carrier) : null;
  if (problem) throw invalid('carrier', problem);
}

/** A place picked from the gazetteer must exist and lie in the country the leg arrives in. */
const PLACE_NOT_IN_COUNTRY =
  'We could not find that place in the country you arrive in. Please choose it from the suggestions, or type its name.';

/**
 * A leg's arrival as stored: none, or its wall time, zone and instant, which must come after the
 * departure (an arrival time with no zone is refused by the contract; a zone alone is dropped).
 */
function arrivalOf(local: string | null | undefined, zone: string | null | undefined, departureUtc: string) {
  if (!local || !zone) return { arrivalLocal: null, arrivalZone: null, arrivalUtc: null };
  const arrivalUtc = localToUtcIso(local, zone);
  if (Date.parse(arrivalUtc) <= Date.parse(departureUtc))
    throw invalid('arrivalLocal', arrivalBeforeDeparture);
  return { arrivalLocal: local, arrivalZone: zone, arrivalUtc };
}

/** Legs, their "Before you leave" check and checkpoints, and the confirmations made at them. */
export function legsService({
  store,
  clock,
  placeInCountry,
}: {
  store: TripsStore;
  clock: Clock;
  /** Answered by the places module (the packaged gazetteer). */
  placeInCountry: (placeId: string, country: string) => boolean;
}) {
  function checkPlace(placeId: string | null | undefined, country: string) {
    if (placeId && !placeInCountry(placeId, country)) throw invalid('toPlaceId', PLACE_NOT_IN_COUNTRY);
  }

  /** Makes a leg's checks match the wanted checkpoints, keeping confirmations of checks that stay. */
  async function syncChecks(
    s: TripsStore,
    familyId: string,
    legId: string,
    wanted: readonly CheckpointKind[],
  ) {
    const existing = await s.legs.listChecks(familyId, [legId]);
    const kinds: readonly CheckKind[] = orderedChecks(wanted);
    await s.legs.deleteChecks(
      familyId,
      existing.filter((c) => !kinds.includes(c.kind)).map((c) => c.id),
    );
    const have = new Map(existing.map((c) => [c.kind, c]));
    await s.legs.insertChecks(
      familyId,
      kinds
        .filter((kind) => !have.has(kind))
        .map((kind) => ({ id: newId(), legId, kind, position: kinds.indexOf(kind) })),
    );
    for (const [kind, check] of have) {
      const position = kinds.indexOf(kind);
      if (position >= 0 && position !== check.position)
        await s.legs.updateCheckPosition(familyId, check.id, position);
    }
  }

  async function findLeg(auth: AuthContext, legId: string): Promise<Leg> {
    const leg = await store.legs.findLeg(auth.familyId, legId);
    if (!leg) throw notFound();
    return leg;
  }

  return {
    async createLeg(auth: AuthContext, tripId: string, body: CreateLegBody): Promise<string> {
      if (!(await store.trips.findTrip(auth.familyId, tripId))) throw notFound();
      checkCarrier(body.mode, body.carrier);
      checkPlace(body.toPlaceId, body.toCountry);
      const position = await store.legs.nextPosition(auth.familyId, tripId);
      const now = isoNow(clock);
      const id = newId();
      const departureUtc = localToUtcIso(body.departureLocal, body.departureZone);
      const arrival = arrivalOf(body.arrivalLocal, body.arrivalZone, departureUtc);
      await store.transaction(async (s) => {
        await s.legs.insertLeg(auth.familyId, {
          id,
          tripId,
          position,
          label: body.label ?? null,
          mode: body.mode,
          fromCountry: body.fromCountry,
          toCountry: body.toCountry,
          fromPlace: body.fromPlace ?? null,
          toPlace: body.toPlace ?? null,
          carrier: body.carrier ?? null,
          bag: body.bag,
          departureLocal: body.departureLocal,
          departureZone: body.departureZone,
          departureUtc,
          isReturn: body.isReturn,
          connection: body.connection ?? false,
          createdAt: now,
          updatedAt: now,
          toPlaceId: body.toPlaceId ?? null,
          ...arrival,
          arrivedAt: null,
        });
        await syncChecks(
          s,
          auth.familyId,
          id,
          body.checkpoints ?? defaultCheckpoints(body.mode, body.isReturn),
        );
      });
      return tripId;
    },

    async updateLeg(auth: AuthContext, legId: string, body: UpdateLegBody): Promise<string> {
      const leg = await findLeg(auth, legId);
      const mode = body.mode ?? leg.mode;
      const local = body.departureLocal ?? leg.departureLocal;
      const zone = body.departureZone ?? leg.departureZone;
      let checkpoints = body.checkpoints;
      if (!checkpoints && body.mode && body.mode !== leg.mode) {
        checkpoints = defaultCheckpoints(mode, body.isReturn ?? leg.isReturn);
      }
      if (checkpoints && !checkpoints.every((c) => checkpointsByMode[mode].includes(c))) {
        throw invalid('checkpoints', 'Some checkpoints do not suit this way of travelling.');
      }
      checkCarrier(mode, body.carrier);
      checkPlace(body.toPlaceId, body.toCountry ?? leg.toCountry);
      // A town picked in one country is not in another: a leg that moves to another country,
      // without picking a new town, lets go of the old one (its typed name stays).
      const stalePlace =
        body.toPlaceId === undefined &&
        body.toCountry !== undefined &&
        body.toCountry !== leg.toCountry &&
        leg.toPlaceId !== null;
      // An airline is not the company of a train: a leg that changes how it travels, without
      // naming a new company, lets go of one that does not run that way (as with connections).
      const staleCarrier =
        body.carrier === undefined && body.mode !== undefined && leg.carrier !== null
          ? carrierProblem(mode, leg.carrier) !== null
          : false;
      if (!canStopWithoutEntering(mode) && body.connection === true) {
        throw invalid('connection', connectionNotForThisMode);
      }
      // A flight that becomes a train or a drive no longer stops without entering the country.
      const connection = canStopWithoutEntering(mode) ? body.connection : false;
      const departureUtc = localToUtcIso(local, zone);
      const arrival = arrivalOf(
        body.arrivalLocal === undefined ? leg.arrivalLocal : body.arrivalLocal,
        body.arrivalZone === undefined ? leg.arrivalZone : body.arrivalZone,
        departureUtc,
      );
      await store.transaction(async (s) => {
        const { checkpoints: _checkpoints, ...fields } = body;
        await s.legs.updateLeg(
          auth.familyId,
          legId,
          {
            ...fields,
            ...(connection !== undefined && { connection }),
            ...(staleCarrier && { carrier: null }),
            ...(stalePlace && { toPlaceId: null }),
            departureUtc,
            ...arrival,
          },
          isoNow(clock),
        );
        if (checkpoints) await syncChecks(s, auth.familyId, legId, checkpoints);
      });
      return leg.tripId;
    },

    /**
     * "We've arrived": records the arrival of the trip's leg under way now (the latest that has
     * departed, by the server's clock), at the server's moment. A family who entered no arrival time
     * taps it on arriving; rituals on arrival are then due. Tapping again keeps the first moment.
     */
    async recordArrival(auth: AuthContext, tripId: string): Promise<string> {
      if (!(await store.trips.findTrip(auth.familyId, tripId))) throw notFound();
      const now = clock.now();
      const departed = (await store.legs.listLegs(auth.familyId, [tripId])).filter(
        (l) => Date.parse(l.departureUtc) <= now,
      );
      const leg = departed.at(-1);
      if (!leg) throw invalid('tripId', 'This trip has not set off yet, so there is nowhere to arrive.');
      await store.legs.recordArrival(auth.familyId, leg.id, isoNow(clock));
      return tripId;
    },

    async removeLeg(auth: AuthContext, legId: string): Promise<string> {
      const leg = await findLeg(auth, legId);
      await store.legs.deleteLeg(auth.familyId, legId);
      return leg.tripId;
    },

    /**
     * Records that this person has these keepsakes at this moment of the journey: when they tapped
     * (bounded by the server's clock), or now. Once the check has opened, a confirmation replaces
     * the same person's early one, so the check can be done on the day.
     */
    async confirm(auth: AuthContext, checkId: string, body: ConfirmKeepsakesBody): Promise<string> {
      const check = await store.legs.findCheck(auth.familyId, checkId);
      if (!check) throw notFound();
      const leg = await findLeg(auth, check.legId);
      const traveller = await store.trips.findTraveller(auth.familyId, body.travellerId);
      if (!traveller || traveller.tripId !== leg.tripId) {
        throw invalid('travellerId', 'Please choose someone who is on this trip.');
      }
      const onTrip = new Set(
        (await store.trips.listTripKeepsakes(auth.familyId, [leg.tripId])).map((k) => k.id),
      );
      if (!body.tripKeepsakeIds.every((id) => onTrip.has(id))) {
        throw invalid('tripKeepsakeIds', 'Please choose keepsakes that are coming on this trip.');
      }
      // Recorded at the moment it was tapped (kept on the phone without signal, it arrives later).
      const receivedAt = isoNow(clock);
      const confirmedAt = boundTappedAt(body.tappedAt, clock.now());
      const trip = await store.trips.findTrip(auth.familyId, leg.tripId);
      const opensAt = checksOpenAt(leg.departureLocal, leg.departureZone, trip?.checksOpenHour ?? undefined);
      await store.legs.insertConfirmations(
        auth.familyId,
        [...new Set(body.tripKeepsakeIds)].map((tripKeepsakeId) => ({
          id: newId(),
          checkId,
          tripKeepsakeId,
          travellerId: traveller.id,
          recordedBy: auth.memberId,
          confirmedAt,
          receivedAt,
        })),
        // Confirming again once the check has opened replaces the same person's early confirmation.
        isEarly(confirmedAt, opensAt) ? null : opensAt,
      );
      return leg.tripId;
    },

    async unconfirm(auth: AuthContext, confirmationId: string): Promise<string> {
      const confirmation = await store.legs.findConfirmation(auth.familyId, confirmationId);
      if (!confirmation) throw notFound();
      const check = await store.legs.findCheck(auth.familyId, confirmation.checkId);
      const leg = check ? await findLeg(auth, check.legId) : undefined;
      if (!leg) throw notFound();
      await store.legs.deleteConfirmation(auth.familyId, confirmationId);
      return leg.tripId;
    },
  };
}

export type LegsService = ReturnType<typeof legsService>;
