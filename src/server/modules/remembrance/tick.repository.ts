import { sql, type Kysely } from 'kysely';
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
    /** The tick's one indexed question: which reminders are due now (locked for this instance). */
    dueReminders(now: number, limit: number) {
      let query = trx
        .selectFrom('reminders')
        .selectAll()
        .where('next_due_utc', '<=', now)
        .orderBy('next_due_utc')
        .limit(limit);
      if (dialect === 'postgres') query = query.forUpdate().skipLocked();
      return query.execute();
    },

    async takeDue(now: number, limit: number): Promise<DueReminder[]> {
      const reminders = await this.dueReminders(now, limit);
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

    /** Moves fired reminders on to their next time: one statement on PostgreSQL, however many. */
    async advance(
      rows: Array<{ id: string; next_due_utc: number | null; occurrence_date: string | null }>,
      nowIso: string,
    ) {
      if (rows.length === 0) return;
      if (dialect === 'postgres') {
        await sql`
          UPDATE reminders SET next_due_utc = v.next_due_utc, occurrence_date = v.occurrence_date, updated_at = ${nowIso}
          FROM (SELECT unnest(${rows.map((r) => r.id)}::text[]) AS id,
                       unnest(${rows.map((r) => r.next_due_utc)}::bigint[]) AS next_due_utc,
                       unnest(${rows.map((r) => r.occurrence_date)}::text[]) AS occurrence_date) AS v
          WHERE reminders.id = v.id`.execute(trx);
        return;
      }
      for (const row of rows) {
        await trx
          .updateTable('reminders')
          .set({ next_due_utc: row.next_due_utc, occurrence_date: row.occurrence_date, updated_at: nowIso })
          .where('id', '=', row.id)
          .execute();
      }
    },
  };
}
