import type { Kysely } from 'kysely';
import type { Dialect } from '../../../db/connect.js';
import type { Database } from '../../../db/schema.js';
import { dayFromRow, type RemembranceDay } from './days.repository.js';
import {
  preferenceFromRow,
  reminderFromRow,
  type Reminder,
  type SavedPreference,
} from './reminders.repository.js';

/** A reminder that is due, with what its deliveries need: its day, whom it is for and their choice. */
export interface DueReminder {
  reminder: Reminder;
  day: RemembranceDay;
  lovedOneName: string | null;
  familyZone: string;
  email: string;
  /** The member's saved preference for the day's kind; none saved means the default. */
  preference: SavedPreference | undefined;
}

/**
 * The scheduler's read. Due reminders are taken with FOR UPDATE SKIP LOCKED on PostgreSQL, so
 * instances ticking at the same moment each get different reminders; on SQLite the transaction
 * itself is the lock. (Moving them on afterwards is `remindersRepository.moveOn`.)
 */
export function tickRepository(trx: Kysely<Database>, dialect: Dialect) {
  return {
    /** The tick's one indexed question: which reminders are due now (locked for this instance). */
    async dueReminders(now: number, limit: number): Promise<Reminder[]> {
      let query = trx
        .selectFrom('reminders')
        .selectAll()
        .where('next_due_utc', '<=', now)
        .orderBy('next_due_utc')
        .limit(limit);
      if (dialect === 'postgres') query = query.forUpdate().skipLocked();
      return (await query.execute()).map(reminderFromRow);
    },

    async takeDue(now: number, limit: number): Promise<DueReminder[]> {
      const reminders = await this.dueReminders(now, limit);
      if (reminders.length === 0) return [];

      const dayIds = [...new Set(reminders.map((r) => r.dayId))];
      const memberIds = [...new Set(reminders.map((r) => r.membershipId))];
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
      const dayById = new Map(
        days.map(({ home_zone, loved_one_name, ...day }) => [
          day.id,
          { day: dayFromRow(day), familyZone: home_zone, lovedOneName: loved_one_name },
        ]),
      );
      const emailOf = new Map(members.map((m) => [m.id, m.email]));
      return reminders.flatMap((reminder) => {
        const found = dayById.get(reminder.dayId);
        const email = emailOf.get(reminder.membershipId);
        if (!found || email === undefined) return [];
        const preference = preferences.find(
          (p) => p.membership_id === reminder.membershipId && p.day_kind === found.day.kind,
        );
        return [
          {
            reminder,
            day: found.day,
            lovedOneName: found.lovedOneName,
            familyZone: found.familyZone,
            email,
            preference: preference && preferenceFromRow(preference),
          },
        ];
      });
    },
  };
}

export type TickRepository = ReturnType<typeof tickRepository>;
