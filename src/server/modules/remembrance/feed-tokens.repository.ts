import type { Kysely } from 'kysely';
import type { Database, NewRow } from '../../../db/schema.js';

/**
 * Member tokens: the secret in a calendar feed's address, stored only as its hash (one per member
 * and purpose; making a new one replaces the old, so an old address stops working).
 */
export function feedTokensRepository(db: Kysely<Database>) {
  return {
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
  };
}
