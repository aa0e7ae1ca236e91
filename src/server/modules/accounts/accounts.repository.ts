import type { Db } from '../../../db/connect.js';
import { preparedFirst } from '../../../db/prepared.js';
import { isUniqueViolation } from '../../../db/dialect.js';
import type { NewRow, Row } from '../../../db/schema.js';

export interface SessionContextRow {
  id: string;
  user_id: string;
  membership_id: string;
  family_id: string;
  last_seen_at: string;
  idle_expires_at: string;
  expires_at: string;
  role: string;
  display_name: string;
  revision: number;
}

export function accountsRepository(database: Pick<Db, 'kysely' | 'readFirstCompiled'>) {
  const db = database.kysely;
  const findSessionContext = preparedFirst<[string], SessionContextRow>(database, (id) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('memberships as m', 'm.id', 's.membership_id')
      .innerJoin('families as f', 'f.id', 's.family_id')
      .select([
        's.id',
        's.user_id',
        's.membership_id',
        's.family_id',
        's.last_seen_at',
        's.idle_expires_at',
        's.expires_at',
        'm.role',
        'm.display_name',
        'f.revision',
      ])
      .where('s.id', '=', id),
  );

  return {
    async createFamilyWithOwner(input: {
      family: NewRow<'families'>;
      user: NewRow<'users'>;
      membership: NewRow<'memberships'>;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('families').values(input.family).execute();
        await trx.insertInto('users').values(input.user).execute();
        await trx.insertInto('memberships').values(input.membership).execute();
      });
    },

    findUserByEmail(email: string): Promise<Row<'users'> | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    /** A user's first membership; Alongside has one family per account today, the schema allows more. */
    findMembershipForUser(userId: string): Promise<Row<'memberships'> | undefined> {
      return db
        .selectFrom('memberships')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .executeTakeFirst();
    },

    insertSession(row: NewRow<'sessions'>): Promise<unknown> {
      return db.insertInto('sessions').values(row).execute();
    },

    /** One indexed read per request: the session, the member's role, and the family's revision. */
    findSessionContext,

    touchSession(id: string, lastSeenAt: string, idleExpiresAt: string): Promise<unknown> {
      return db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt })
        .where('id', '=', id)
        .execute();
    },

    deleteSession(id: string): Promise<unknown> {
      return db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    /** Ends every session of this person but one (the one changing the password, if any). */
    deleteSessionsOfUser(userId: string, keepSessionId: string | null): Promise<unknown> {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepSessionId) query = query.where('id', '!=', keepSessionId);
      return query.execute();
    },

    setPasswordHash(userId: string, passwordHash: string): Promise<unknown> {
      return db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    },

    deleteExpiredSessions(nowIso: string): Promise<unknown> {
      return db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', nowIso), eb('idle_expires_at', '<=', nowIso)]))
        .execute();
    },

    findUser(userId: string): Promise<Row<'users'> | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    },

    findFamily(familyId: string): Promise<Row<'families'> | undefined> {
      return db.selectFrom('families').selectAll().where('id', '=', familyId).executeTakeFirst();
    },

    updateFamily(
      familyId: string,
      patch: { name?: string; home_zone?: string; country?: string | null },
    ): Promise<unknown> {
      return db.updateTable('families').set(patch).where('id', '=', familyId).execute();
    },

    listMembers(familyId: string): Promise<Array<Pick<Row<'memberships'>, 'id' | 'display_name' | 'role'>>> {
      return db
        .selectFrom('memberships')
        .select(['id', 'display_name', 'role'])
        .where('family_id', '=', familyId)
        .orderBy('created_at')
        .execute();
    },

    listMembersWithEmail(familyId: string) {
      return db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.id', 'm.display_name', 'm.role', 'u.email'])
        .where('m.family_id', '=', familyId)
        .orderBy('m.created_at')
        .execute();
    },

    findMember(familyId: string, memberId: string) {
      return db
        .selectFrom('memberships')
        .select(['id', 'display_name', 'role'])
        .where('family_id', '=', familyId)
        .where('id', '=', memberId)
        .executeTakeFirst();
    },

    findThrottle(key: string): Promise<Row<'auth_throttle'> | undefined> {
      return db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    },

    async saveThrottle(row: Row<'auth_throttle'>): Promise<void> {
      await db
        .insertInto('auth_throttle')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: row.failures,
            locked_until: row.locked_until,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    clearThrottle(key: string): Promise<unknown> {
      return db.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },

    /** A person's sessions still in force, newest first: for "Where you're signed in". */
    listSessionsOfUser(userId: string, nowIso: string) {
      return db
        .selectFrom('sessions')
        .select(['id', 'public_id', 'device', 'created_at', 'last_seen_at'])
        .where('user_id', '=', userId)
        .where('expires_at', '>', nowIso)
        .where('idle_expires_at', '>', nowIso)
        .orderBy('last_seen_at', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
    },

    /** One of this person's sessions, by its public id. */
    findSessionOfUser(userId: string, publicId: string) {
      return db
        .selectFrom('sessions')
        .select(['id', 'authenticated_at'])
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .executeTakeFirst();
    },

    findSessionAuthenticatedAt(id: string) {
      return db.selectFrom('sessions').select('authenticated_at').where('id', '=', id).executeTakeFirst();
    },

    setSessionAuthenticatedAt(id: string, iso: string): Promise<unknown> {
      return db.updateTable('sessions').set({ authenticated_at: iso }).where('id', '=', id).execute();
    },

    /** Ends one of this person's sessions by its public id; answers its stored id, if there was one. */
    async deleteSessionOfUser(userId: string, publicId: string): Promise<string | undefined> {
      const row = await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    /** Keeps one link token (hashed), after removing this person's earlier ones for the same purpose. */
    async replaceToken(row: Row<'account_tokens'>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('account_tokens')
          .where('user_id', '=', row.user_id)
          .where('purpose', '=', row.purpose)
          .execute();
        await trx.insertInto('account_tokens').values(row).execute();
      });
    },

    deleteTokensOfUser(userId: string, purpose: string): Promise<unknown> {
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

export type AccountsRepository = ReturnType<typeof accountsRepository>;
