import type {
  ChildModeResponse,
  ChildProfile,
  CreateChildProfileBody,
  TripHelpsResponse,
  UpdateChildProfileBody,
} from '../../../contracts/children.js';
import { isoNow, type Clock } from '../../clock.js';
import { forbidden, invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AccountsServices, AuthContext, Browser, NewChildSession } from '../accounts/index.js';
import type { TripsServices, TripView } from '../trips/index.js';
import type { ChildrenRepository } from './children.repository.js';

// A child's part in the trip is an invitation, never a duty: child mode shows each coming trip's
// "Before you leave" check, and a child may help check that a keepsake is with the family. Their
// help is kept apart from confirmations: it never completes a check. An adult always owns the final
// check, and the grown-ups' trip page asks them to confirm what a child helped with.

/** A leg is still coming until 12 hours after it left: long enough for the day of travel. */
const STILL_COMING_MS = 12 * 3_600_000;

type Check = TripView['legs'][number]['checks'][number];

/** The "Before you leave" check of the trip's next departure, if any. */
function nextCheck(view: TripView, now: number): Check | undefined {
  const leg = view.legs.find((l) => Date.parse(l.leg.departureUtc) + STILL_COMING_MS > now);
  return leg?.checks.find((c) => c.check.kind === 'before_you_leave');
}

export function childrenService({
  repo,
  clock,
  accounts,
  trips,
}: {
  repo: ChildrenRepository;
  clock: Clock;
  accounts: AccountsServices;
  trips: TripsServices;
}) {
  async function childOf(auth: AuthContext) {
    if (auth.role !== 'childProfile' || !auth.childProfileId) throw forbidden();
    const child = await repo.findProfile(auth.familyId, auth.childProfileId);
    if (!child) throw forbidden();
    return child;
  }

  async function view(auth: AuthContext): Promise<ChildModeResponse> {
    const child = await childOf(auth);
    const now = clock.now();
    const coming = (await trips.trips.listOfFamily(auth.familyId))
      .map((trip) => ({ trip, check: nextCheck(trip, now) }))
      .filter(
        (t): t is { trip: TripView; check: Check } => t.check !== undefined && t.trip.keepsakes.length > 0,
      );
    const helps = await repo.listHelps(
      auth.familyId,
      coming.map((t) => t.check.check.id),
    );
    return {
      child: { id: child.id, displayName: child.displayName },
      csrfToken: auth.csrfToken,
      trips: coming.map(({ trip, check }) => ({
        id: trip.trip.id,
        name: trip.trip.name,
        checkId: check.check.id,
        keepsakes: trip.keepsakes.map((k) => {
          const checked =
            check.evaluation.keepsakes.find((e) => e.tripKeepsakeId === k.id)?.complete ?? false;
          const helped = helps.some(
            (h) => h.checkId === check.check.id && h.tripKeepsakeId === k.id && h.childProfileId === child.id,
          );
          return {
            tripKeepsakeId: k.id,
            lovedOneName: k.lovedOneName,
            keepsakeName: k.keepsakeName,
            state: checked ? 'checked' : helped ? 'helped' : 'ask',
          } as const;
        }),
      })),
    };
  }

  return {
    view,

    /** The child whose child-mode session this is; refused for any other session. */
    child: childOf,

    async listProfiles(auth: AuthContext): Promise<ChildProfile[]> {
      return repo.listProfiles(auth.familyId);
    },

    async createProfile(auth: AuthContext, body: CreateChildProfileBody): Promise<ChildProfile[]> {
      await repo.insertProfile(auth.familyId, {
        id: newId(),
        displayName: body.displayName,
        createdAt: isoNow(clock),
        createdBy: auth.memberId,
      });
      return repo.listProfiles(auth.familyId);
    },

    /** Sets or forgets the month a child was born (the age on their drawings). */
    async updateProfile(
      auth: AuthContext,
      childProfileId: string,
      body: UpdateChildProfileBody,
    ): Promise<ChildProfile[]> {
      if (body.birthMonth !== undefined)
        await repo.setBirthMonth(auth.familyId, childProfileId, body.birthMonth);
      return repo.listProfiles(auth.familyId);
    },

    /** One child profile of the family (for the memory box's labels), or undefined. */
    profile: (familyId: string, childProfileId: string) => repo.findProfile(familyId, childProfileId),

    async removeProfile(auth: AuthContext, childProfileId: string): Promise<ChildProfile[]> {
      await repo.deleteProfile(auth.familyId, childProfileId);
      return repo.listProfiles(auth.familyId);
    },

    /** Hands this phone to the child: answers the child's session and what child mode shows. */
    async startChildMode(
      auth: AuthContext,
      childProfileId: string,
      pin: string,
      browser: Pick<Browser, 'userAgent'>,
    ): Promise<{ session: NewChildSession; view: ChildModeResponse }> {
      const child = await repo.findProfile(auth.familyId, childProfileId);
      if (!child) throw notFound();
      const session = await accounts.childMode.start(auth, child, pin, browser);
      return { session, view: await view(session.auth) };
    },

    /** The child helped check that this keepsake is with the family, at this check. */
    async help(auth: AuthContext, checkId: string, tripKeepsakeId: string): Promise<ChildModeResponse> {
      const child = await childOf(auth);
      const now = clock.now();
      const trip = (await trips.trips.listOfFamily(auth.familyId)).find((t) =>
        t.legs.some((l) => l.checks.some((c) => c.check.id === checkId)),
      );
      if (!trip || nextCheck(trip, now)?.check.id !== checkId) {
        throw invalid('checkId', 'This check is not open for helping now.');
      }
      if (!trip.keepsakes.some((k) => k.id === tripKeepsakeId)) {
        throw invalid('tripKeepsakeId', 'This keepsake is not coming on this trip.');
      }
      await repo.insertHelp(auth.familyId, {
        id: newId(),
        checkId,
        tripKeepsakeId,
        childProfileId: child.id,
        helpedAt: isoNow(clock),
      });
      return view(auth);
    },

    /** What children helped check on this trip, for the grown-ups' trip page. */
    async tripHelps(auth: AuthContext, tripId: string): Promise<TripHelpsResponse> {
      const trip = await trips.trips.view(auth, tripId);
      const checks = trip.legs.flatMap((l) => l.checks);
      const helps = await repo.listHelps(
        auth.familyId,
        checks.map((c) => c.check.id),
      );
      return {
        helps: helps.map((h) => {
          const check = checks.find((c) => c.check.id === h.checkId);
          const complete =
            check?.evaluation.keepsakes.find((e) => e.tripKeepsakeId === h.tripKeepsakeId)?.complete ?? false;
          return {
            checkId: h.checkId,
            tripKeepsakeId: h.tripKeepsakeId,
            childName: h.childName,
            lovedOneName: trip.keepsakes.find((k) => k.id === h.tripKeepsakeId)?.lovedOneName ?? '',
            helpedAt: h.helpedAt,
            awaitingGrownUp: !complete,
          };
        }),
      };
    },
  };
}

export type ChildrenService = ReturnType<typeof childrenService>;
