import { sql, type Kysely } from 'kysely';
import { dayKinds, leads, type Lead, type ReminderPreference } from '../../../contracts/remembrance.js';
import type { Dialect } from '../../../db/connect.js';
import { toFlag } from '../../../db/dialect.js';
import type { Database, NewRow, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';

/** A member's saved choice of reminders for one kind of day. */
export interface SavedPreference extends ReminderPreference {
  membershipId: string;
  updatedAt: string;
}

/** One reminder: a member, a day and a lead (a week before, the day before, on the day). */
export interface Reminder {
  id: string;
  familyId: string;
  membershipId: string;
  dayId: string;
  lead: Lead;
  /** Epoch ms of the next time it fires; null when it will not fire again. */
  nextDueUtc: number | null;
  occurrenceDate: string | null;
  /** What the schedule was computed from (schedule.ts): a new signature means "compute again". */
  signature: string;
  updatedAt: string;
}

/** A reminder's next time, as the sync computes it or the tick moves it on. */
export interface NextDue {
  nextDueUtc: number | null;
  occurrenceDate: string | null;
}

/** Stored leads are a comma-separated list; each is checked (an unknown one throws). */
const leadsOf = (text: string): Lead[] =>
  text === '' ? [] : text.split(',').map((lead) => storedEnum(leads, lead, 'reminder_preferences.leads'));

export function preferenceFromRow(row: Row<'reminder_preferences'>): SavedPreference {
  return {
    dayKind: storedEnum(dayKinds, row.day_kind, 'reminder_preferences.day_kind'),
    inApp: row.in_app === 1,
    email: row.email === 1,
    leads: leadsOf(row.leads),
    remindAt: row.remind_at,
    quietStart: row.quiet_start,
    quietEnd: row.quiet_end,
    membershipId: row.membership_id,
    updatedAt: row.updated_at,
  };
}

export function reminderFromRow(row: Row<'reminders'>): Reminder {
  return {
    id: row.id,
    familyId: row.family_id,
    membershipId: row.membership_id,
    dayId: row.day_id,
    lead: storedEnum(leads, row.lead, 'reminders.lead'),
    nextDueUtc: row.next_due_utc,
    occurrenceDate: row.occurrence_date,
    signature: row.signature,
    updatedAt: row.updated_at,
  };
}

const reminderRow = (reminder: Reminder): NewRow<'reminders'> => ({
  id: reminder.id,
  family_id: reminder.familyId,
  membership_id: reminder.membershipId,
  day_id: reminder.dayId,
  lead: reminder.lead,
  next_due_utc: reminder.nextDueUtc,
  occurrence_date: reminder.occurrenceDate,
  signature: reminder.signature,
  updated_at: reminder.updatedAt,
});

/**
 * Reminder preferences and the reminder schedule. Every write of a reminder's next due time
 * (`next_due_utc`) is here: `insertReminders` and `reschedule` (the sync, sync.ts), and `moveOn`
 * (the tick, tick.ts, after it queued a reminder's deliveries).
 */
export function remindersRepository(db: Kysely<Database>, dialect: Dialect) {
  return {
    /** The family's saved preferences, or one member's. */
    async listPreferences(familyId: string, membershipId?: string): Promise<SavedPreference[]> {
      let query = db.selectFrom('reminder_preferences').selectAll().where('family_id', '=', familyId);
      if (membershipId) query = query.where('membership_id', '=', membershipId);
      return (await query.execute()).map(preferenceFromRow);
    },

    /** Replaces a member's preferences with these (one per kind of day, each with a new id). */
    async replacePreferences(
      familyId: string,
      membershipId: string,
      preferences: Array<ReminderPreference & { id: string }>,
      updatedAt: string,
    ): Promise<void> {
      await db
        .deleteFrom('reminder_preferences')
        .where('family_id', '=', familyId)
        .where('membership_id', '=', membershipId)
        .execute();
      if (preferences.length > 0)
        await db
          .insertInto('reminder_preferences')
          .values(
            preferences.map((p) => ({
              id: p.id,
              family_id: familyId,
              membership_id: membershipId,
              day_kind: p.dayKind,
              in_app: toFlag(p.inApp),
              email: toFlag(p.email),
              leads: p.leads.join(','),
              remind_at: p.remindAt,
              quiet_start: p.quietStart,
              quiet_end: p.quietEnd,
              updated_at: updatedAt,
            })),
          )
          .execute();
    },

    /** The family a membership belongs to (an unsubscribe link names only the member). */
    /** The family of a member who still belongs (one who left, or whose account is deleted, has none). */
    async familyOfMember(membershipId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('memberships')
        .select('family_id')
        .where('id', '=', membershipId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return row?.family_id;
    },

    async listReminders(familyId: string): Promise<Reminder[]> {
      const rows = await db.selectFrom('reminders').selectAll().where('family_id', '=', familyId).execute();
      return rows.map(reminderFromRow);
    },

    async insertReminders(reminders: Reminder[]): Promise<void> {
      const rows = reminders.map(reminderRow);
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('reminders')
          .values(rows.slice(i, i + 200))
          .execute();
    },

    /** The sync's new schedule for a reminder whose inputs changed (a new signature). */
    async reschedule(id: string, next: NextDue & { signature: string; updatedAt: string }): Promise<void> {
      await db
        .updateTable('reminders')
        .set({
          next_due_utc: next.nextDueUtc,
          occurrence_date: next.occurrenceDate,
          signature: next.signature,
          updated_at: next.updatedAt,
        })
        .where('id', '=', id)
        .execute();
    },

    async deleteReminders(familyId: string, ids: string[]): Promise<void> {
      for (let i = 0; i < ids.length; i += 500) {
        await db
          .deleteFrom('reminders')
          .where('family_id', '=', familyId)
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
      }
    },

    /** Moves fired reminders on to their next time: one statement on PostgreSQL, however many. */
    async moveOn(fired: Array<NextDue & { id: string }>, nowIso: string): Promise<void> {
      if (fired.length === 0) return;
      if (dialect === 'postgres') {
        await sql`
          UPDATE reminders SET next_due_utc = v.next_due_utc, occurrence_date = v.occurrence_date, updated_at = ${nowIso}
          FROM (SELECT unnest(${fired.map((r) => r.id)}::text[]) AS id,
                       unnest(${fired.map((r) => r.nextDueUtc)}::bigint[]) AS next_due_utc,
                       unnest(${fired.map((r) => r.occurrenceDate)}::text[]) AS occurrence_date) AS v
          WHERE reminders.id = v.id`.execute(db);
        return;
      }
      for (const reminder of fired) {
        await db
          .updateTable('reminders')
          .set({
            next_due_utc: reminder.nextDueUtc,
            occurrence_date: reminder.occurrenceDate,
            updated_at: nowIso,
          })
          .where('id', '=', reminder.id)
          .execute();
      }
    },
  };
}

export type RemindersRepository = ReturnType<typeof remindersRepository>;
