import { DateTime } from 'luxon';
import type {
  CalendarResponse,
  CreateDayBody,
  PreferencesBody,
  ReminderPreference,
} from '../../../contracts/remembrance.js';
import { buildCalendarFeed, occurrencesBetween, timeSince } from '../../../domain/remembrance/index.js';
import { isoNow, type Clock } from '../../clock.js';
import { invalid, notFound } from '../../errors.js';
import { hashToken, newId, newToken } from '../../secrets.js';
import type { AccountsService, AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import { dayOf } from './days.js';
import { inferredCountry } from './family-days.js';
import { preferencesOf } from './preferences.js';
import type { RemembranceStore } from './remembrance.store.js';
import type { UnsubscribeSigner } from './unsubscribe.js';
import { visibleDays } from './visible-days.js';

export interface RemembranceDeps {
  store: RemembranceStore;
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  unsubscribe: UnsubscribeSigner;
  emailAvailable: boolean;
  baseUrl: string;
  /** Runs work as one change to a family (its revision and its family-changed job commit with it). */
  changeFamily<T>(familyId: string, work: () => Promise<T>): Promise<T>;
}

const FEED_REFRESH_MINUTES = 360;

/** The calendar of days, custom days, reminder preferences, the inbox and the calendar feed. */
export function remembranceService(deps: RemembranceDeps) {
  const { days, reminders, inbox, feedTokens } = deps.store;

  async function familyZone(familyId: string): Promise<{ zone: string; name: string }> {
    const context = await deps.accounts.familyForJobs(familyId);
    if (!context) throw notFound();
    return { zone: context.family.homeZone, name: context.family.name };
  }

  /** Where the family's awareness days come from (family-days.ts chooses the same way). */
  async function awarenessOf(familyId: string): Promise<CalendarResponse['awareness']> {
    const context = await deps.accounts.familyForJobs(familyId);
    if (context?.family.country) return { country: context.family.country, from: 'settings' };
    const inferred = inferredCountry(await deps.lovedOnes.listOfFamily(familyId));
    return { country: inferred, from: inferred ? 'loss_country' : null };
  }

  /** Stores a member's preferences for every kind of day, replacing what was there. */
  async function savePreferences(familyId: string, membershipId: string, preferences: ReminderPreference[]) {
    await reminders.replacePreferences(
      familyId,
      membershipId,
      preferences.map((p) => ({ ...p, id: newId() })),
      isoNow(deps.clock),
    );
  }

  async function occurrences(auth: AuthContext, from: string, to: string) {
    const { zone } = await familyZone(auth.familyId);
    const stored = visibleDays(auth.role, await days.listDays(auth.familyId));
    const list = stored.flatMap((entry) => {
      const day = dayOf(entry, zone);
      return occurrencesBetween(day, from, to).map((o) => ({
        dayId: entry.id,
        date: o.date,
        time: day.startTime ?? null,
        durationMinutes: day.durationMinutes ?? null,
        title: day.title,
        kind: day.kind,
        lovedOneId: entry.lovedOneId,
        tripId: entry.tripId,
        note: entry.note,
        sourceUrl: entry.sourceUrl,
        recurrence: day.recurrence,
        years:
          day.kind === 'awareness' ||
          day.kind === 'trip_moment' ||
          day.kind === 'custom' ||
          day.kind === 'ritual'
            ? null
            : timeSince(day.anchorDate, o.date).years,
        editable: entry.sourceKey.startsWith('custom:'),
      }));
    });
    list.sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        (a.time ?? '').localeCompare(b.time ?? '') ||
        a.title.localeCompare(b.title),
    );
    return { zone, occurrences: list };
  }

  return {
    /** The coming year (or the range asked for) of the family's days, in its home zone. */
    async calendar(auth: AuthContext, range: { from?: string | undefined; to?: string | undefined }) {
      const { zone } = await familyZone(auth.familyId);
      const today = DateTime.fromMillis(deps.clock.now(), { zone }).toISODate()!;
      const from = range.from ?? today;
      const to = range.to ?? DateTime.fromISO(from).plus({ years: 1 }).minus({ days: 1 }).toISODate()!;
      if (to < from) throw invalid('to', 'The last day should be on or after the first day.');
      if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > 800)
        throw invalid('to', 'Please ask for two years or less at a time.');
      return {
        from,
        to,
        ...(await occurrences(auth, from, to)),
        awareness: await awarenessOf(auth.familyId),
      };
    },

    async addDay(auth: AuthContext, body: CreateDayBody): Promise<void> {
      if (
        body.lovedOneId &&
        !(await deps.lovedOnes.listOfFamily(auth.familyId)).some((l) => l.id === body.lovedOneId)
      ) {
        throw invalid('lovedOneId', 'Please choose one of your loved ones.');
      }
      const id = newId();
      const now = isoNow(deps.clock);
      await days.insertDays([
        {
          id,
          familyId: auth.familyId,
          lovedOneId: body.lovedOneId ?? null,
          tripId: null,
          sourceKey: `custom:${id}`,
          kind: 'custom',
          title: body.title,
          anchorDate: body.date,
          recurrence: body.recurrence,
          weekdayRule: null,
          durationDays: null,
          startTime: body.time ?? null,
          durationMinutes: body.time ? 60 : null,
          zone: body.time ? (await familyZone(auth.familyId)).zone : null,
          sourceUrl: null,
          note: body.note ?? null,
          remindMinutes: null,
          createdAt: now,
          updatedAt: now,
        },
      ]);
    },

    async removeDay(auth: AuthContext, dayId: string): Promise<void> {
      const day = await days.findDay(auth.familyId, dayId);
      if (!day) throw notFound();
      if (!day.sourceKey.startsWith('custom:')) {
        throw invalid(
          'dayId',
          'This day comes from a loved one, a trip, a ritual or your country; change it there.',
        );
      }
      await days.deleteDays(auth.familyId, [dayId]);
    },

    async preferences(auth: AuthContext) {
      const saved = await reminders.listPreferences(auth.familyId, auth.memberId);
      const { user } = await deps.accounts.sessionView(auth);
      return {
        preferences: preferencesOf(saved, auth.memberId),
        emailAvailable: deps.emailAvailable,
        email: user.email,
      };
    },

    async setPreferences(auth: AuthContext, body: PreferencesBody) {
      const current = preferencesOf(
        await reminders.listPreferences(auth.familyId, auth.memberId),
        auth.memberId,
      );
      const merged = current.map((p) => body.preferences.find((b) => b.dayKind === p.dayKind) ?? p);
      await savePreferences(auth.familyId, auth.memberId, merged);
      return this.preferences(auth);
    },

    inbox: (auth: AuthContext) => inbox.list(auth.familyId, auth.memberId),
    markRead: (auth: AuthContext, id: string) =>
      inbox.markRead(auth.familyId, auth.memberId, id, isoNow(deps.clock)),
    markAllRead: (auth: AuthContext) => inbox.markAllRead(auth.familyId, auth.memberId, isoNow(deps.clock)),

    async feedStatus(auth: AuthContext) {
      const token = await feedTokens.findToken(auth.memberId, 'calendar');
      return { active: token !== undefined, createdAt: token?.createdAt ?? null };
    },

    /** A new private feed address for this member; any earlier one stops working. Shown once. */
    async rotateFeed(auth: AuthContext) {
      const token = newToken();
      const createdAt = isoNow(deps.clock);
      await feedTokens.replaceToken({
        id: newId(),
        familyId: auth.familyId,
        membershipId: auth.memberId,
        purpose: 'calendar',
        tokenHash: hashToken(token),
        createdAt,
      });
      return { url: `${deps.baseUrl}/calendar/${token}.ics`, createdAt };
    },

    revokeFeed: (auth: AuthContext) => feedTokens.deleteToken(auth.memberId, 'calendar'),

    /** The iCalendar text for a feed token, or null when the token is unknown or revoked. */
    async feed(token: string): Promise<string | null> {
      const owner = await feedTokens.findTokenOwner(hashToken(token), 'calendar');
      if (!owner) return null;
      const member = await deps.accounts.findMember(owner.familyId, owner.membershipId);
      if (!member) return null;
      const { zone, name } = await familyZone(owner.familyId);
      const stored = visibleDays(member.role, await days.listDays(owner.familyId));
      const preferences = preferencesOf(
        await reminders.listPreferences(owner.familyId, owner.membershipId),
        owner.membershipId,
      );
      // Each kind of day rings as the member chose for it (reminders on), not every lead for all.
      const alarmsByKind = Object.fromEntries(
        preferences.map((p) => [p.dayKind, p.inApp || p.email ? p.leads : []]),
      );
      return buildCalendarFeed({
        calendarName: `${name} — Alongside`,
        uidDomain: new URL(deps.baseUrl).hostname,
        // A trip's moments link back to the trip, so a tap in the phone's calendar opens it.
        days: stored.map((entry) => {
          const day = dayOf(entry, zone);
          return entry.tripId && !day.sourceUrl
            ? { ...day, sourceUrl: new URL(`/trips/${entry.tripId}`, deps.baseUrl).toString() }
            : day;
        }),
        alarmsByKind,
        alarmTime: preferences[0]?.remindAt ?? '09:00',
        now: deps.clock.now(),
        refreshMinutes: FEED_REFRESH_MINUTES,
      });
    },

    /**
     * Turns e-mail reminders off for the member a signed unsubscribe link names. A link written
     * before the member last turned e-mail on is refused: that choice is newer than the link.
     */
    async unsubscribe(token: string): Promise<boolean> {
      const link = await deps.unsubscribe.verify(token);
      if (!link) return false;
      const { membershipId } = link;
      const familyId = await reminders.familyOfMember(membershipId);
      if (!familyId) return false;
      const saved = await reminders.listPreferences(familyId, membershipId);
      const emailOnSince = saved
        .filter((p) => p.email)
        .map((p) => Date.parse(p.updatedAt))
        .reduce((latest, at) => Math.max(latest, at), Number.NEGATIVE_INFINITY);
      if (link.issuedAt !== null && emailOnSince >= link.issuedAt + 1000) return false;
      const current = preferencesOf(saved, membershipId);
      // No one is signed in here, so this is a change of its own (see family-changes.ts).
      await deps.changeFamily(familyId, () =>
        savePreferences(
          familyId,
          membershipId,
          current.map((p) => ({ ...p, email: false })),
        ),
      );
      return true;
    },
  };
}

export type RemembranceService = ReturnType<typeof remembranceService>;
