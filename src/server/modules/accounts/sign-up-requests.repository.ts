import type { Db } from '../../../db/connect.js';
import type { SignUpRequest } from './accounts.records.js';

// Sign-ups waiting for the link e-mailed to their address (where e-mail is on), stored hashed.

export function signUpRequestsRepository(database: Pick<Db, 'kysely'>) {
  const db = database.kysely;
  return {
    /** Keeps a request, after removing earlier ones for the same address: the newest link works. */
    async replaceSignUpRequest(request: SignUpRequest): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sign_up_requests').where('email', '=', request.email).execute();
        await trx
          .insertInto('sign_up_requests')
          .values({
            id: request.id,
            email: request.email,
            password_hash: request.passwordHash,
            display_name: request.displayName,
            family_name: request.familyName,
            home_zone: request.homeZone,
            created_at: request.createdAt,
            expires_at: request.expiresAt,
          })
          .execute();
      });
    },

    /** Takes a request by its token's hash, once (a second use finds nothing); null if none is in force. */
    async takeSignUpRequest(id: string, nowIso: string): Promise<SignUpRequest | null> {
      const row = await db
        .deleteFrom('sign_up_requests')
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row || row.expires_at <= nowIso) return null;
      return {
        id: row.id,
        email: row.email,
        passwordHash: row.password_hash,
        displayName: row.display_name,
        familyName: row.family_name,
        homeZone: row.home_zone,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
    },

    deleteExpiredSignUpRequests(nowIso: string): Promise<unknown> {
      return db.deleteFrom('sign_up_requests').where('expires_at', '<=', nowIso).execute();
    },
  };
}
