import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** The in-app inbox: reminders delivered inside the app, read and unread. */
export function inboxRepository(db: Kysely<Database>) {
  return {
    async list(familyId: string, membershipId: string) {
      const items = await db
        .selectFrom('inbox_items')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('membership_id', '=', membershipId)
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute();
      const unread = await db
        .selectFrom('inbox_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('membership_id', '=', membershipId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return { items, unread: Number(unread?.n ?? 0) };
    },

    async markRead(familyId: string, membershipId: string, id: string, nowIso: string): Promise<boolean> {
      const result = await db
        .updateTable('inbox_items')
        .set({ read_at: nowIso })
        .where('family_id', '=', familyId)
        .where('membership_id', '=', membershipId)
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markAllRead(familyId: string, membershipId: string, nowIso: string): Promise<void> {
      await db
        .updateTable('inbox_items')
        .set({ read_at: nowIso })
        .where('family_id', '=', familyId)
        .where('membership_id', '=', membershipId)
        .where('read_at', 'is', null)
        .execute();
    },

    async familyOfMember(membershipId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('memberships')
        .select('family_id')
        .where('id', '=', membershipId)
        .executeTakeFirst();
      return row?.family_id;
    },
  };
}
