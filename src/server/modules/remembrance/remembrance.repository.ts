import type { Kysely } from 'kysely';
import type { Database, NewRow, Row } from '../../../db/schema.js';

export type DayRow = Row<'remembrance_days'>;
export type PreferenceRow = Row<'reminder_preferences'>;
export type ReminderRow = Row<'reminders'>;

/** Remembrance days, reminder preferences and the reminder schedule. */
export function remembranceRepository(db: Kysely<Database>) {
  return {
    listDays(familyId: string): Promise<DayRow[]> {
      return db
        .selectFrom('remembrance_days')
        .selectAll()
        .where('family_id', '=', familyId)
        .orderBy('anchor_date')
        .execute();
    },

    findDay(familyId: string, id: string): Promise<DayRow | undefined> {
      return db
        .selectFrom('remembrance_days')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async insertDays(rows: NewRow<'remembrance_days'>[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('remembrance_days')
          .values(rows.slice(i, i + 200))
          .execute();
    },

    updateDay(familyId: string, id: string, patch: Partial<NewRow<'remembrance_days'>>): Promise<unknown> {
      return db
        .updateTable('remembrance_days')
        .set(patch)
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    async deleteDays(familyId: string, ids: string[]): Promise<void> {
      if (ids.length > 0)
        await db
          .deleteFrom('remembrance_days')
          .where('family_id', '=', familyId)
          .where('id', 'in', ids)
          .execute();
    },

    listPreferences(familyId: string, membershipId?: string): Promise<PreferenceRow[]> {
      let query = db.selectFrom('reminder_preferences').selectAll().where('family_id', '=', familyId);
      if (membershipId) query = query.where('membership_id', '=', membershipId);
      return query.execute();
    },

    async replacePreferences(
      familyId: string,
      membershipId: string,
      rows: NewRow<'reminder_preferences'>[],
    ): Promise<void> {
      await db
        .deleteFrom('reminder_preferences')
        .where('family_id', '=', familyId)
        .where('membership_id', '=', membershipId)
        .execute();
      if (rows.length > 0) await db.insertInto('reminder_preferences').values(rows).execute();
    },

    listReminders(familyId: string): Promise<ReminderRow[]> {
      return db.selectFrom('reminders').selectAll().where('family_id', '=', familyId).execute();
    },

    async insertReminders(rows: NewRow<'reminders'>[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('reminders')
          .values(rows.slice(i, i + 200))
          .execute();
    },

    updateReminder(
      id: string,
      patch: {
        next_due_utc: number | null;
        occurrence_date: string | null;
        signature?: string;
        updated_at: string;
      },
    ) {
      return db.updateTable('reminders').set(patch).where('id', '=', id).execute();
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
  };
}

export type RemembranceRepository = ReturnType<typeof remembranceRepository>;
