import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId } from '../secrets.js';

/**
 * Writes `count` members (one family each, for simplicity) with one remembrance day and one e-mail +
 * in-app reminder that is already due. Rows are written directly: the point is the delivery, not
 * how the reminders came to be scheduled (that path has its own tests).
 */
export async function seedDueReminders(
  db: Kysely<Database>,
  count: number,
  dueAt: number,
): Promise<string[]> {
  const now = new Date().toISOString();
  const reminderIds: string[] = [];
  for (let start = 0; start < count; start += 200) {
    const n = Math.min(200, count - start);
    const rows = Array.from({ length: n }, (_, i) => {
      const k = start + i;
      const familyId = newId();
      const userId = newId();
      const memberId = newId();
      const dayId = newId();
      const reminderId = newId();
      reminderIds.push(reminderId);
      return {
        family: {
          id: familyId,
          name: `Family ${k}`,
          home_zone: 'Europe/London',
          created_at: now,
          country: null,
        },
        user: {
          id: userId,
          email: `member-${k}@example.com`,
          password_hash: 'x',
          display_name: `Member ${k}`,
          created_at: now,
        },
        member: {
          id: memberId,
          family_id: familyId,
          user_id: userId,
          role: 'owner',
          display_name: `Member ${k}`,
          created_at: now,
        },
        day: {
          id: dayId,
          family_id: familyId,
          loved_one_id: null,
          trip_id: null,
          source_key: `custom:${dayId}`,
          kind: 'custom',
          title: `Day ${k}`,
          anchor_date: '2020-10-15',
          recurrence: 'yearly',
          weekday_rule: null,
          duration_days: null,
          start_time: null,
          duration_minutes: null,
          zone: null,
          source_url: null,
          note: null,
          created_at: now,
          updated_at: now,
        },
        preference: {
          id: newId(),
          family_id: familyId,
          membership_id: memberId,
          day_kind: 'custom',
          in_app: 1 as const,
          email: 1 as const,
          leads: 'on_day',
          remind_at: '09:00',
          quiet_start: null,
          quiet_end: null,
          updated_at: now,
        },
        reminder: {
          id: reminderId,
          family_id: familyId,
          membership_id: memberId,
          day_id: dayId,
          lead: 'on_day',
          next_due_utc: dueAt,
          occurrence_date: '2026-10-15',
          signature: 'seeded',
          updated_at: now,
        },
      };
    });
    await db
      .insertInto('families')
      .values(rows.map((r) => r.family))
      .execute();
    await db
      .insertInto('users')
      .values(rows.map((r) => r.user))
      .execute();
    await db
      .insertInto('memberships')
      .values(rows.map((r) => r.member))
      .execute();
    await db
      .insertInto('remembrance_days')
      .values(rows.map((r) => r.day))
      .execute();
    await db
      .insertInto('reminder_preferences')
      .values(rows.map((r) => r.preference))
      .execute();
    await db
      .insertInto('reminders')
      .values(rows.map((r) => r.reminder))
      .execute();
  }
  return reminderIds;
}
