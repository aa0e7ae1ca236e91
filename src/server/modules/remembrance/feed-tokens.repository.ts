import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** A member's private feed address, kept only as the hash of its secret. */
export interface FeedToken {
  id: string;
  familyId: string;
  membershipId: string;
  purpose: string;
  tokenHash: string;
  createdAt: string;
}

/**
 * Member tokens: the secret in a calendar feed's address, stored only as its hash (one per member
 * and purpose; making a new one replaces the old, so an old address stops working).
 */
export function feedTokensRepository(db: Kysely<Database>) {
  return {
    async findToken(membershipId: string, purpose: string): Promise<FeedToken | undefined> {
      const row = await db
        .selectFrom('member_tokens')
        .selectAll()
        .where('membership_id', '=', membershipId)
        .where('purpose', '=', purpose)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          familyId: row.family_id,
          membershipId: row.membership_id,
          purpose: row.purpose,
          tokenHash: row.token_hash,
          createdAt: row.created_at,
        }
      );
    },

    async findTokenOwner(
      tokenHash: string,
      purpose: string,
    ): Promise<{ familyId: string; membershipId: string } | undefined> {
      // A member who left or was removed no longer gets the family's calendar through their feed.
      const row = await db
        .selectFrom('member_tokens as t')
        .innerJoin('memberships as m', 'm.id', 't.membership_id')
        .select(['t.family_id', 't.membership_id'])
        .where('t.token_hash', '=', tokenHash)
        .where('t.purpose', '=', purpose)
        .where('m.removed_at', 'is', null)
        .executeTakeFirst();
      return row && { familyId: row.family_id, membershipId: row.membership_id };
    },

    async replaceToken(token: FeedToken): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('member_tokens')
          .where('membership_id', '=', token.membershipId)
          .where('purpose', '=', token.purpose)
          .execute();
        await trx
          .insertInto('member_tokens')
          .values({
            id: token.id,
            family_id: token.familyId,
            membership_id: token.membershipId,
            purpose: token.purpose,
            token_hash: token.tokenHash,
            created_at: token.createdAt,
          })
          .execute();
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

export type FeedTokensRepository = ReturnType<typeof feedTokensRepository>;
