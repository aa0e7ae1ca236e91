import { DateTime } from 'luxon';
import type {
  CalendarResponse,
  CreateDayBody,
  PreferencesBody,
  ReminderPreference,
} from '../../../contracts/remembrance.js';
import { buildCalendarFeed, occurrencesBetween, timeSince } from '../../../domain/remembrance/index.js';
import { toFlag } from '../../../db/dialect.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { isoNow, type Clock } from '../../clock.js';
import { invalid, notFound } from '../../errors.js';
import { hashToken, newId, newToken } from '../../secrets.js';
import type { AccountsService, AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import { dayFromRow } from './day-rows.js';
import { inferredCountry } from './family-days.js';
import { preferencesOf } from './preferences.js';
import { remembranceRepository } from './remembrance.repository.js';
import { feedTokensRepository } from './feed-tokens.repository.js';
import { inboxRepository } from './inbox.repository.js';
import type { UnsubscribeSigner } from './unsubscribe.js';

export interface RemembranceDeps {
  db: Kysely<Database>;
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
  const repo = remembranceRepository(deps.db);
  const inbox = inboxRepository(deps.db);
  const feedTokens = feedTokensRepository(deps.db);

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
    const now = isoNow(deps.clock);
    await repo.replacePreferences(
      familyId,
      membershipId,
      preferences.map((p) => ({
        id: newId(),
        family_id: familyId,
        membership_id: membershipId,
        day_kind: p.dayKind,
        in_app: toFlag(p.inApp),
        email: toFlag(p.email),
        leads: p.leads.join(','),
        remind_at: p.remindAt,
        quiet_start: p.quietStart,
        quiet_end: p.quietEnd,
        updated_at: now,
      })),
    );
  }

  async function occurrences(familyId: string, from: string, to: string) {
    const { zone } = await familyZone(familyId);
    const rows = await repo.listDays(familyId);
    const list = rows.flatMap((row) => {
      const day = dayFromRow(row, zone);
      return occurrencesBetween(day, from, to).map((o) => ({
        dayId: row.id,
        date: o.date,
        time: day.startTime ?? null,
        durationMinutes: day.durationMinutes ?? null,
        title: day.title,
        kind: day.kind,
        lovedOneId: row.loved_one_id,
        tripId: row.trip_id,
        note: row.note,
        sourceUrl: row.source_url,
        recurrence: day.recurrence,
        years:
          day.kind === 'awareness' || day.kind === 'trip_moment' || day.kind === 'custom'
            ? null
            : timeSince(day.anchorDate, o.date).years,
        editable: row.source_key.startsWith('custom:'),
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
        ...(await occurrences(auth.familyId, from, to)),
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
      await repo.insertDays([
        {
          id,
          family_id: auth.familyId,
          loved_one_id: body.lovedOneId ?? null,
          trip_id: null,
          source_key: `custom:${id}`,
          kind: 'custom',
          title: body.title,
          anchor_date: body.date,
          recurrence: body.recurrence,
          weekday_rule: null,
          duration_days: null,
          start_time: body.time ?? null,
          duration_minutes: body.time ? 60 : null,
          zone: body.time ? (await familyZone(auth.familyId)).zone : null,
          source_url: null,
          note: body.note ?? null,
          created_at: now,
          updated_at: now,
        },
      ]);
    },

    async removeDay(auth: AuthContext, dayId: string): Promise<void> {
      const day = await repo.findDay(auth.familyId, dayId);
      if (!day) throw notFound();
      if (!day.source_key.startsWith('custom:')) {
        throw invalid('dayId', 'This day comes from a loved one, a trip or your country; change it there.');
      }
      await repo.deleteDays(auth.familyId, [dayId]);
    },

    async preferences(auth: AuthContext) {
      const rows = await repo.listPreferences(auth.familyId, auth.memberId);
      const { user } = await deps.accounts.sessionView(auth);
      return {
        preferences: preferencesOf(rows, auth.memberId),
        emailAvailable: deps.emailAvailable,
        email: user.email,
      };
    },

    async setPreferences(auth: AuthContext, body: PreferencesBody) {
      const current = preferencesOf(await repo.listPreferences(auth.familyId, auth.memberId), auth.memberId);
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
      return { active: token !== undefined, createdAt: token?.created_at ?? null };
    },

    /** A new private feed address for this member; any earlier one stops working. Shown once. */
    async rotateFeed(auth: AuthContext) {
      const token = newToken();
      const createdAt = isoNow(deps.clock);
      await feedTokens.replaceToken({
        id: newId(),
        family_id: auth.familyId,
        membership_id: auth.memberId,
        purpose: 'calendar',
        token_hash: hashToken(token),
        created_at: createdAt,
      });
      return { url: `${deps.baseUrl}/calendar/${token}.ics`, createdAt };
    },

    revokeFeed: (auth: AuthContext) => feedTokens.deleteToken(auth.memberId, 'calendar'),

    /** The iCalendar text for a feed token, or null when the token is unknown or revoked. */
    async feed(token: string): Promise<string | null> {
      const owner = await feedTokens.findTokenOwner(hashToken(token), 'calendar');
      if (!owner) return null;
      const { zone, name } = await familyZone(owner.family_id);
      const rows = await repo.listDays(owner.family_id);
      const preferences = preferencesOf(
        await repo.listPreferences(owner.family_id, owner.membership_id),
        owner.membership_id,
      );
      // Each kind of day rings as the member chose for it (reminders on), not every lead for all.
      const alarmsByKind = Object.fromEntries(
        preferences.map((p) => [p.dayKind, p.inApp || p.email ? p.leads : []]),
      );
      return buildCalendarFeed({
        calendarName: `${name} — Alongside`,
        uidDomain: new URL(deps.baseUrl).hostname,
        // A trip's moments link back to the trip, so a tap in the phone's calendar opens it.
        days: rows.map((row) => {
          const day = dayFromRow(row, zone);
          return row.trip_id && !day.sourceUrl
            ? { ...day, sourceUrl: new URL(`/trips/${row.trip_id}`, deps.baseUrl).toString() }
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
      const familyId = await inbox.familyOfMember(membershipId);
      if (!familyId) return false;
      const rows = await repo.listPreferences(familyId, membershipId);
      const emailOnSince = rows
        .filter((row) => row.email === 1)
        .map((row) => Date.parse(row.updated_at))
        .reduce((latest, at) => Math.max(latest, at), Number.NEGATIVE_INFINITY);
      if (link.issuedAt !== null && emailOnSince >= link.issuedAt + 1000) return false;
      const current = preferencesOf(rows, membershipId);
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
