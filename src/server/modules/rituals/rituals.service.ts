import type {
  ChildRitual,
  ChildRitualDoneBody,
  DueRitual,
  MarkRitualBody,
  Ritual,
  RitualBody,
  RitualMark,
} from '../../../contracts/rituals.js';
import {
  choiceOf,
  eventRitualDays,
  eventTimes,
  isShowing,
  scheduledRitualDay,
  scheduledTimes,
  SHOWN_AT_LEAST_HOURS,
  toRecurrence,
} from '../../../domain/rituals/index.js';
import type { Day } from '../../../domain/remembrance/index.js';
import { mediaUrlsOf } from '../../../contracts/media.js';
import type { PlaceArrival } from '../../../contracts/places.js';
import { can } from '../../../contracts/permissions.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AccountsServices, AuthContext } from '../accounts/index.js';
import type { ChildrenService } from '../children/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { MediaService } from '../media/index.js';
import type { TripsServices } from '../trips/index.js';
import type { RitualFields, RitualRecord, RitualsRepository } from './rituals.repository.js';

interface Deps {
  repo: RitualsRepository;
  clock: Clock;
  accounts: AccountsServices;
  lovedOnes: LovedOnesService;
  trips: TripsServices;
  media: MediaService;
  children: ChildrenService;
}

/** A ritual as a day in the family's calendar, with the loved one and trip it belongs to. */
export type RitualCalendarDay = Day & { lovedOneId: string; tripId: string | null };

const HOUR_MS = 3_600_000;
/** A card shows for at most a day and a half (due.ts): look that far back for times still showing. */
const LOOK_BACK_MS = (24 + SHOWN_AT_LEAST_HOURS) * HOUR_MS;

const present = (r: RitualRecord): Ritual => {
  const choice = r.dtstartLocal ? choiceOf({ rrule: r.rrule, dtstartLocal: r.dtstartLocal }) : null;
  return {
    id: r.id,
    lovedOneId: r.lovedOneId,
    title: r.title,
    whatToDo: r.whatToDo,
    when: r.when,
    repeat: choice?.repeat ?? null,
    date: choice?.date ?? null,
    time: choice?.time ?? null,
    rrule: r.rrule,
    zone: r.zone,
    whoUsually: r.whoUsually,
    childrenPart: r.childrenPart,
    remind: r.remind,
    createdAt: r.createdAt,
  };
};

/** A ritual card as child mode shows it: nothing of the family's beyond what to do. */
const forChild = (card: DueRitual): ChildRitual => ({
  ritualId: card.ritualId,
  occurrenceKey: card.occurrenceKey,
  lovedOneName: card.lovedOneName,
  title: card.title,
  whatToDo: card.whatToDo,
  childrenPart: card.childrenPart,
  dueAt: card.dueAt,
  zone: card.zone,
  tripName: card.tripName,
});

/**
 * Rituals: what a family does for a loved one and when it comes round, the cards due now, and the
 * marks. "Not today" is recorded only so its card goes away: it is never counted, listed or shown.
 */
export function ritualsService({ repo, clock, accounts, lovedOnes, trips, media, children }: Deps) {
  async function homeZone(familyId: string): Promise<string> {
    const context = await accounts.familyForJobs(familyId);
    if (!context) throw notFound();
    return context.family.homeZone;
  }

  /** A schedule is kept in the family's zone, so "19:00" is 19:00 where they live. */
  async function fieldsOf(auth: AuthContext, body: RitualBody): Promise<RitualFields> {
    const scheduled = body.when === 'schedule' && body.repeat && body.date && body.time;
    const recurrence = scheduled
      ? toRecurrence({ repeat: body.repeat!, date: body.date!, time: body.time! })
      : null;
    return {
      title: body.title,
      whatToDo: body.whatToDo,
      when: body.when,
      rrule: recurrence?.rrule ?? null,
      dtstartLocal: recurrence?.dtstartLocal ?? null,
      zone: recurrence ? await homeZone(auth.familyId) : null,
      whoUsually: body.whoUsually ?? null,
      childrenPart: body.childrenPart ?? null,
      remind: body.remind ?? null,
    };
  }

  /** Every ritual card showing now, for the whole family or one trip. */
  async function due(auth: AuthContext, onlyTripId?: string): Promise<DueRitual[]> {
    const now = clock.now();
    const all = await repo.list(auth.familyId);
    if (all.length === 0) return [];
    const zone = await homeZone(auth.familyId);
    const withEvents = all.filter((r) => r.when !== 'schedule');
    const tripViews = withEvents.length > 0 ? await trips.trips.listOfFamily(auth.familyId) : [];
    const keepsakes = await repo.keepsakesOf(
      auth.familyId,
      withEvents.map((r) => r.lovedOneId),
    );
    const cards: DueRitual[] = [];
    for (const ritual of all) {
      const card = { ritualId: ritual.id, lovedOneId: ritual.lovedOneId, lovedOneName: ritual.lovedOneName };
      const base = {
        ...card,
        title: ritual.title,
        whatToDo: ritual.whatToDo,
        whoUsually: ritual.whoUsually,
        childrenPart: ritual.childrenPart,
      };
      if (ritual.when === 'schedule') {
        if (onlyTripId || !ritual.dtstartLocal || !ritual.zone) continue;
        const ritualZone = ritual.zone;
        for (const t of scheduledTimes(
          { rrule: ritual.rrule, dtstartLocal: ritual.dtstartLocal },
          ritualZone,
          now - LOOK_BACK_MS,
          now + 1,
        )) {
          if (isShowing(t.dueAt, ritualZone, now))
            cards.push({
              ...base,
              occurrenceKey: t.key,
              dueAt: t.dueAt,
              zone: ritualZone,
              tripId: null,
              tripName: null,
            });
        }
        continue;
      }
      const theirs = new Set(keepsakes.get(ritual.lovedOneId) ?? []);
      for (const view of tripViews) {
        if (onlyTripId && view.trip.id !== onlyTripId) continue;
        if (!view.keepsakes.some((k) => theirs.has(k.keepsakeId))) continue;
        const legs = view.legs.map((l) => l.leg);
        for (const t of eventTimes(ritual.when, view.trip.id, legs, now, zone)) {
          if (isShowing(t.dueAt, t.zone, now))
            cards.push({
              ...base,
              occurrenceKey: t.key,
              dueAt: t.dueAt,
              zone: t.zone,
              tripId: view.trip.id,
              tripName: view.trip.name,
            });
        }
      }
    }
    const marked = await repo.markedKeys(
      auth.familyId,
      cards.map((c) => c.ritualId),
    );
    return cards
      .filter((c) => !marked.has(`${c.ritualId} ${c.occurrenceKey}`))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async function findRitual(auth: AuthContext, id: string): Promise<RitualRecord> {
    const ritual = await repo.find(auth.familyId, id);
    if (!ritual) throw notFound();
    return ritual;
  }

  /**
   * The family's rituals as calendar days, for the remembrance module (its calendar, feed and
   * reminders), asked by family id: no one is signed in when the family-changed job runs. A trip's
   * event ritual follows the trips that carry one of its loved one's keepsakes.
   */
  async function calendarDays(familyId: string): Promise<RitualCalendarDay[]> {
    const context = await accounts.familyForJobs(familyId);
    if (!context) return [];
    const all = await repo.list(familyId);
    const withEvents = all.filter((r) => r.when !== 'schedule');
    const tripViews = withEvents.length > 0 ? await trips.trips.listOfFamily(familyId) : [];
    const keepsakes = await repo.keepsakesOf(
      familyId,
      withEvents.map((r) => r.lovedOneId),
    );
    const days: RitualCalendarDay[] = [];
    for (const ritual of all) {
      const scheduled = scheduledRitualDay(ritual);
      if (scheduled) days.push({ ...scheduled, lovedOneId: ritual.lovedOneId, tripId: null });
      const theirs = new Set(keepsakes.get(ritual.lovedOneId) ?? []);
      for (const view of tripViews) {
        if (!view.keepsakes.some((k) => theirs.has(k.keepsakeId))) continue;
        const trip = { id: view.trip.id, legs: view.legs.map((l) => l.leg) };
        for (const day of eventRitualDays(ritual, trip, context.family.homeZone))
          days.push({ ...day, lovedOneId: ritual.lovedOneId, tripId: view.trip.id });
      }
    }
    return days;
  }

  const service = {
    due,
    calendarDays,

    /** Whether this time of the ritual is already marked, done or "not today" (its reminder stays quiet). */
    async occurrenceMarked(familyId: string, ritualId: string, occurrenceKey: string): Promise<boolean> {
      return (await repo.markedKeys(familyId, [ritualId])).has(`${ritualId} ${occurrenceKey}`);
    },

    async list(auth: AuthContext, lovedOneId: string): Promise<Ritual[]> {
      await lovedOnes.get(auth, lovedOneId);
      return (await repo.list(auth.familyId, lovedOneId)).map(present);
    },

    async create(auth: AuthContext, lovedOneId: string, body: RitualBody): Promise<Ritual[]> {
      await lovedOnes.get(auth, lovedOneId);
      await repo.insert(auth.familyId, {
        ...(await fieldsOf(auth, body)),
        id: newId(),
        lovedOneId,
        createdAt: isoNow(clock),
      });
      return (await repo.list(auth.familyId, lovedOneId)).map(present);
    },

    async update(auth: AuthContext, ritualId: string, body: RitualBody): Promise<Ritual[]> {
      const ritual = await findRitual(auth, ritualId);
      await repo.update(auth.familyId, ritualId, await fieldsOf(auth, body), isoNow(clock));
      return (await repo.list(auth.familyId, ritual.lovedOneId)).map(present);
    },

    async remove(auth: AuthContext, ritualId: string): Promise<Ritual[]> {
      const ritual = await findRitual(auth, ritualId);
      await repo.remove(auth.familyId, ritualId);
      return (await repo.list(auth.familyId, ritual.lovedOneId)).map(present);
    },

    /**
     * Marks the card showing now for this ritual and time. A photo must be one of the family's,
     * already uploaded through the media module. Marking the same time twice keeps the first, and
     * answers the second as saved (an offline phone may send it again).
     */
    async mark(auth: AuthContext, ritualId: string, body: MarkRitualBody): Promise<DueRitual[]> {
      await findRitual(auth, ritualId);
      // Another family's photo is refused by name, whatever the card.
      if (body.mediaId) {
        try {
          await media.get(auth, body.mediaId);
        } catch (error) {
          if (error instanceof AppError && error.code === 'not_found')
            throw invalid('mediaId', 'Please choose a photo your family has added.');
          throw error;
        }
      }
      // Already marked (a phone's outbox sending again after the answer was lost): the first mark
      // stands and this one is answered as saved, not refused as "not due".
      const marked = await repo.markedKeys(auth.familyId, [ritualId]);
      if (marked.has(`${ritualId} ${body.occurrenceKey}`)) return due(auth);
      const card = (await due(auth)).find(
        (c) => c.ritualId === ritualId && c.occurrenceKey === body.occurrenceKey,
      );
      if (!card) throw invalid('occurrenceKey', 'This ritual is not due now, so there is nothing to mark.');
      await repo.insertMark(auth.familyId, {
        id: newId(),
        ritualId,
        occurrenceKey: body.occurrenceKey,
        dueAt: card.dueAt,
        outcome: body.outcome,
        tookPart: body.outcome === 'done' ? (body.tookPart ?? null) : null,
        line: body.outcome === 'done' ? (body.line ?? null) : null,
        mediaId: body.outcome === 'done' ? (body.mediaId ?? null) : null,
        markedBy: auth.memberId,
        markedAt: isoNow(clock),
      });
      return due(auth);
    },

    /**
     * The arrival rituals done for a loved one, by the leg they arrived on, for "Places <name> has
     * been". A photo is named only to a member who may see photos.
     */
    async arrivalsByLeg(auth: AuthContext, lovedOneId: string): Promise<Map<string, PlaceArrival[]>> {
      const byLeg = new Map<string, PlaceArrival[]>();
      if (!can(auth.role, 'rituals.read')) return byLeg;
      const photos = can(auth.role, 'media.read');
      for (const mark of await repo.arrivalMarks(auth.familyId, lovedOneId)) {
        const arrival: PlaceArrival = {
          markId: mark.markId,
          ritualId: mark.ritualId,
          title: mark.title,
          tookPart: mark.tookPart,
          line: mark.line,
          photo: photos && mark.mediaId ? { mediaId: mark.mediaId, ...mediaUrlsOf(mark.mediaId) } : null,
        };
        byLeg.set(mark.legId, [...(byLeg.get(mark.legId) ?? []), arrival]);
      }
      return byLeg;
    },

    async done(auth: AuthContext, lovedOneId: string): Promise<RitualMark[]> {
      await lovedOnes.get(auth, lovedOneId);
      return repo.doneMarks(auth.familyId, lovedOneId);
    },

    /** Child mode: the cards due now, as a child sees them (what to do and the children's part). */
    async childDue(auth: AuthContext): Promise<ChildRitual[]> {
      await children.child(auth);
      return (await due(auth)).map(forChild);
    },

    /**
     * A child says "We did it": marked done with the child's name as who took part. (Their "Not
     * today" is never sent: the card stays for the rest of the family.)
     */
    async childDone(auth: AuthContext, ritualId: string, body: ChildRitualDoneBody): Promise<ChildRitual[]> {
      const child = await children.child(auth);
      await service.mark(auth, ritualId, {
        occurrenceKey: body.occurrenceKey,
        outcome: 'done',
        tookPart: child.displayName,
      });
      return (await due(auth)).map(forChild);
    },
  };
  return service;
}

export type RitualsService = ReturnType<typeof ritualsService>;
