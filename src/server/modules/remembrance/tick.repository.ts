import type { Kysely } from 'kysely';
import type { Database, Row } from '../../../db/schema.js';

export interface DueReminder {
  reminder: Row<'reminders'>;
  day: Row<'remembrance_days'>;
  lovedOneName: string | null;
  familyZone: string;
  email: string;
  preference: Row<'reminder_preferences'> | undefined;
}

/**
 * The scheduler's reads and writes. Due reminders are taken with FOR UPDATE SKIP LOCKED on
 * PostgreSQL, so instances ticking at the same moment each get different reminders; on SQLite the
 * transaction itself is the lock.
 */
export function tickRepository(trx: Kysely<Database>, dialect: 'sqlite' | 'postgres') {
  return {
    async takeDue(now: number, limit: number): Promise<DueReminder[]> {
      let query = trx
        .selectFrom('reminders')
        .selectAll()
        .where('next_due_utc', '<=', now)
        .orderBy('next_due_utc')
        .limit(limit);
      if (dialect === 'postgres') query = query.forUpdate().skipLocked();
      const reminders = await query.execute();
      if (reminders.length === 0) return [];

      const dayIds = [...new Set(reminders.map((r) => r.day_id))];
      const memberIds = [...new Set(reminders.map((r) => r.membership_id))];
      const [days, members, preferences] = await Promise.all([
        trx
          .selectFrom('remembrance_days as d')
          .innerJoin('families as f', 'f.id', 'd.family_id')
          .leftJoin('loved_ones as l', 'l.id', 'd.loved_one_id')
          .selectAll('d')
          .select(['f.home_zone', 'l.name as loved_one_name'])
          .where('d.id', 'in', dayIds)
          .execute(),
        trx
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(['m.id', 'u.email'])
          .where('m.id', 'in', memberIds)
          .execute(),
        trx.selectFrom('reminder_preferences').selectAll().where('membership_id', 'in', memberIds).execute(),
      ]);
      const dayById = new Map(days.map((d) => [d.id, d]));
      const emailOf = new Map(members.map((m) => [m.id, m.email]));
      return reminders.flatMap((reminder) => {
        const day = dayById.get(reminder.day_id);
        const email = emailOf.get(reminder.membership_id);
        if (!day || email === undefined) return [];
        const { home_zone, loved_one_name, ...dayRow } = day;
        return [
          {
            reminder,
            day: dayRow,
            lovedOneName: loved_one_name,
            familyZone: home_zone,
            email,
            preference: preferences.find(
              (p) => p.membership_id === reminder.membership_id && p.day_kind === day.kind,
            ),
          },
        ];
      });
    },

    async advance(
      id: string,
      next: { next_due_utc: number | null; occurrence_date: string | null },
      nowIso: string,
    ) {
      await trx
        .updateTable('reminders')
        .set({ ...next, updated_at: nowIso })
        .where('id', '=', id)
        .execute();
    },
  };
}
