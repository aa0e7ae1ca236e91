import type { Db } from '../../../db/connect.js';
import { isUniqueViolation } from '../../../db/dialect.js';
import type { AccountToken, AccountTokenPurpose } from './accounts.records.js';

// The links sent by e-mail (a forgotten password, a new address to confirm), stored hashed, and
// what using one changes, each in one transaction.

export function accountTokensRepository(database: Pick<Db, 'kysely'>) {
  const db = database.kysely;
  return {
    /** Keeps one link token (hashed), after removing this person's earlier ones for the same purpose. */
    async replaceToken(token: AccountToken): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('account_tokens')
          .where('user_id', '=', token.userId)
          .where('purpose', '=', token.purpose)
          .execute();
        await trx
          .insertInto('account_tokens')
          .values({
            id: token.id,
            user_id: token.userId,
            purpose: token.purpose,
            new_email: token.newEmail,
            created_at: token.createdAt,
            expires_at: token.expiresAt,
          })
          .execute();
      });
    },

    deleteTokensOfUser(userId: string, purpose: AccountTokenPurpose): Promise<unknown> {
      return db
        .deleteFrom('account_tokens')
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .execute();
    },

    /**
     * Uses a password-reset token, once: in one transaction the token is removed (so a second use
     * finds nothing), and if it was still in force the password is set, every session of the person
     * ends and any other reset link of theirs stops working. Answers the person's id, or null.
     */
    async redeemPasswordReset(
      tokenHash: string,
      nowIso: string,
      passwordHash: string,
    ): Promise<string | null> {
      return db.transaction().execute(async (trx) => {
        const token = await trx
          .deleteFrom('account_tokens')
          .where('id', '=', tokenHash)
          .where('purpose', '=', 'password_reset')
          .returning(['user_id', 'expires_at'])
          .executeTakeFirst();
        if (!token || token.expires_at <= nowIso) return null;
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash })
          .where('id', '=', token.user_id)
          .execute();
        await trx.deleteFrom('sessions').where('user_id', '=', token.user_id).execute();
        await trx
          .deleteFrom('account_tokens')
          .where('user_id', '=', token.user_id)
          .where('purpose', '=', 'password_reset')
          .execute();
        return token.user_id;
      });
    },

    /**
     * Uses an e-mail change token, once: the token is removed, and if it was still in force the
     * address changes and every session of the person ends but `keep`, the browser confirming, when
     * it is signed in as that person. Answers the person's
     * id and new address, 'expired' when there was no such token in force, or 'taken' when another
     * account has the address by now (nothing changes then, and the token stays usable).
     */
    async redeemEmailChange(
      tokenHash: string,
      nowIso: string,
      keep: { userId: string; sessionId: string } | null,
    ): Promise<{ userId: string; email: string } | 'expired' | 'taken'> {
      try {
        return await db.transaction().execute(async (trx) => {
          const token = await trx
            .deleteFrom('account_tokens')
            .where('id', '=', tokenHash)
            .where('purpose', '=', 'email_change')
            .returning(['user_id', 'expires_at', 'new_email'])
            .executeTakeFirst();
          if (!token?.new_email || token.expires_at <= nowIso) return 'expired' as const;
          await trx
            .updateTable('users')
            .set({ email: token.new_email })
            .where('id', '=', token.user_id)
            .execute();
          let others = trx.deleteFrom('sessions').where('user_id', '=', token.user_id);
          if (keep?.userId === token.user_id) others = others.where('id', '!=', keep.sessionId);
          await others.execute();
          // Links sent to the old address (a password reset) stop working with it.
          await trx.deleteFrom('account_tokens').where('user_id', '=', token.user_id).execute();
          return { userId: token.user_id, email: token.new_email };
        });
      } catch (error) {
        if (isUniqueViolation(error)) return 'taken';
        throw error;
      }
    },

    /** Changes a person's address at once (e-mail is off, so no link can confirm it). */
    async setEmail(userId: string, email: string, keepSessionId: string): Promise<'changed' | 'taken'> {
      try {
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('users').set({ email }).where('id', '=', userId).execute();
          await trx
            .deleteFrom('sessions')
            .where('user_id', '=', userId)
            .where('id', '!=', keepSessionId)
            .execute();
        });
        return 'changed';
      } catch (error) {
        if (isUniqueViolation(error)) return 'taken';
        throw error;
      }
    },

    deleteExpiredTokens(nowIso: string): Promise<unknown> {
      return db.deleteFrom('account_tokens').where('expires_at', '<=', nowIso).execute();
    },
  };
}
