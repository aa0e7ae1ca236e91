import type { Kysely } from 'kysely';
import type { Database, NewRow } from '../../../db/schema.js';

/** The in-app inbox and the member tokens (calendar feeds). */
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

    findToken(membershipId: string, purpose: string) {
      return db
        .selectFrom('member_tokens')
        .selectAll()
        .where('membership_id', '=', membershipId)
        .where('purpose', '=', purpose)
        .executeTakeFirst();
    },

    findTokenOwner(tokenHash: string, purpose: string) {
      return db
        .selectFrom('member_tokens')
        .select(['family_id', 'membership_id'])
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .executeTakeFirst();
    },

    async replaceToken(row: NewRow<'member_tokens'>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('member_tokens')
          .where('membership_id', '=', row.membership_id)
          .where('purpose', '=', row.purpose)
          .execute();
        await trx.insertInto('member_tokens').values(row).execute();
      });
    },

    async deleteToken(membershipId: string, purpose: string): Promise<void> {
      await db
        .deleteFrom('member_tokens')
        .where('membership_id', '=', membershipId)
        .where('purpose', '=', purpose)
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
