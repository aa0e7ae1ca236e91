import type { Db } from '../../../db/connect.js';
import { preparedFirst } from '../../../db/prepared.js';
import { isUniqueViolation } from '../../../db/dialect.js';
import type { Row } from '../../../db/schema.js';
import { roles } from '../../../contracts/permissions.js';
import { storedEnum } from '../../enums.js';
import type {
  AccountToken,
  AccountTokenPurpose,
  DeviceSessionRecord,
  Family,
  FamilyMember,
  FamilyMemberWithEmail,
  FamilyPatch,
  Membership,
  NewFamily,
  Session,
  SessionContext,
  Throttle,
  User,
} from './accounts.records.js';

interface SessionContextRow {
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

// Rows become records here, and only here (ARCHITECTURE.md, import rule 2).
const roleOf = (role: string) => storedEnum(roles, role, 'memberships.role');

const familyFromRow = (row: Row<'families'>): Family => ({
  id: row.id,
  name: row.name,
  homeZone: row.home_zone,
  createdAt: row.created_at,
  revision: Number(row.revision),
  country: row.country,
});

const userFromRow = (row: Row<'users'>): User => ({
  id: row.id,
  email: row.email,
  passwordHash: row.password_hash,
  displayName: row.display_name,
  createdAt: row.created_at,
});

const membershipFromRow = (row: Row<'memberships'>): Membership => ({
  id: row.id,
  familyId: row.family_id,
  userId: row.user_id,
  role: roleOf(row.role),
  displayName: row.display_name,
  createdAt: row.created_at,
});

const memberFromRow = (row: Pick<Row<'memberships'>, 'id' | 'display_name' | 'role'>): FamilyMember => ({
  id: row.id,
  displayName: row.display_name,
  role: roleOf(row.role),
});

const sessionContextFromRow = (row: SessionContextRow): SessionContext => ({
  id: row.id,
  userId: row.user_id,
  membershipId: row.membership_id,
  familyId: row.family_id,
  lastSeenAt: row.last_seen_at,
  idleExpiresAt: row.idle_expires_at,
  expiresAt: row.expires_at,
  role: roleOf(row.role),
  displayName: row.display_name,
  familyRevision: Number(row.revision),
});

const throttleFromRow = (row: Row<'auth_throttle'>): Throttle => ({
  key: row.key,
  failures: row.failures,
  lockedUntil: row.locked_until,
  updatedAt: row.updated_at,
});

export function accountsRepository(database: Pick<Db, 'kysely' | 'readFirstCompiled'>) {
  const db = database.kysely;
  const readSessionContext = preparedFirst<[string], SessionContextRow>(database, (id) =>
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
    /**
     * Creates a family with its first member, the owner, in one transaction. 'taken' when the
     * address already belongs to an account (nothing is written then).
     */
    async createFamilyWithOwner({
      family,
      user,
      membership,
    }: {
      family: NewFamily;
      user: User;
      membership: Membership;
    }): Promise<'created' | 'taken'> {
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('families')
            .values({
              id: family.id,
              name: family.name,
              home_zone: family.homeZone,
              country: family.country,
              created_at: family.createdAt,
            })
            .execute();
          await trx
            .insertInto('users')
            .values({
              id: user.id,
              email: user.email,
              password_hash: user.passwordHash,
              display_name: user.displayName,
              created_at: user.createdAt,
            })
            .execute();
          await trx
            .insertInto('memberships')
            .values({
              id: membership.id,
              family_id: membership.familyId,
              user_id: membership.userId,
              role: membership.role,
              display_name: membership.displayName,
              created_at: membership.createdAt,
            })
            .execute();
        });
        return 'created';
      } catch (error) {
        if (isUniqueViolation(error)) return 'taken';
        throw error;
      }
    },

    async findUserByEmail(email: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row && userFromRow(row);
    },

    /** A user's first membership; Alongside has one family per account today, the schema allows more. */
    async findMembershipForUser(userId: string): Promise<Membership | undefined> {
      const row = await db
        .selectFrom('memberships')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .executeTakeFirst();
      return row && membershipFromRow(row);
    },

    insertSession(session: Session): Promise<unknown> {
      return db
        .insertInto('sessions')
        .values({
          id: session.id,
          public_id: session.publicId,
          device: session.device,
          user_id: session.userId,
          membership_id: session.membershipId,
          family_id: session.familyId,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          authenticated_at: session.authenticatedAt,
          idle_expires_at: session.idleExpiresAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    /** One indexed read per request: the session, the member's role, and the family's revision. */
    async findSessionContext(id: string): Promise<SessionContext | undefined> {
      const row = await readSessionContext(id);
      return row && sessionContextFromRow(row);
    },

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

    async findUser(userId: string): Promise<User | undefined> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
      return row && userFromRow(row);
    },

    async findFamily(familyId: string): Promise<Family | undefined> {
      const row = await db.selectFrom('families').selectAll().where('id', '=', familyId).executeTakeFirst();
      return row && familyFromRow(row);
    },

    /** Sets what the patch names; the caller sends at least one field (an UPDATE needs a column). */
    updateFamily(familyId: string, patch: FamilyPatch): Promise<unknown> {
      return db
        .updateTable('families')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.homeZone !== undefined && { home_zone: patch.homeZone }),
          ...(patch.country !== undefined && { country: patch.country }),
        })
        .where('id', '=', familyId)
        .execute();
    },

    async listMembers(familyId: string): Promise<FamilyMember[]> {
      const rows = await db
        .selectFrom('memberships')
        .select(['id', 'display_name', 'role'])
        .where('family_id', '=', familyId)
        .orderBy('created_at')
        .execute();
      return rows.map(memberFromRow);
    },

    async listMembersWithEmail(familyId: string): Promise<FamilyMemberWithEmail[]> {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.id', 'm.display_name', 'm.role', 'u.email'])
        .where('m.family_id', '=', familyId)
        .orderBy('m.created_at')
        .execute();
      return rows.map((row) => ({ ...memberFromRow(row), email: row.email }));
    },

    async findMember(familyId: string, memberId: string): Promise<FamilyMember | undefined> {
      const row = await db
        .selectFrom('memberships')
        .select(['id', 'display_name', 'role'])
        .where('family_id', '=', familyId)
        .where('id', '=', memberId)
        .executeTakeFirst();
      return row && memberFromRow(row);
    },

    async findThrottle(key: string): Promise<Throttle | undefined> {
      const row = await db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      return row && throttleFromRow(row);
    },

    async saveThrottle(throttle: Throttle): Promise<void> {
      const row = {
        key: throttle.key,
        failures: throttle.failures,
        locked_until: throttle.lockedUntil,
        updated_at: throttle.updatedAt,
      };
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
    async listSessionsOfUser(userId: string, nowIso: string): Promise<DeviceSessionRecord[]> {
      const rows = await db
        .selectFrom('sessions')
        .select(['id', 'public_id', 'device', 'created_at', 'last_seen_at'])
        .where('user_id', '=', userId)
        .where('expires_at', '>', nowIso)
        .where('idle_expires_at', '>', nowIso)
        .orderBy('last_seen_at', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        publicId: row.public_id,
        device: row.device,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
      }));
    },

    /** One of this person's sessions, by its public id. */
    async findSessionOfUser(
      userId: string,
      publicId: string,
    ): Promise<Pick<Session, 'id' | 'authenticatedAt'> | undefined> {
      const row = await db
        .selectFrom('sessions')
        .select(['id', 'authenticated_at'])
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .executeTakeFirst();
      return row && { id: row.id, authenticatedAt: row.authenticated_at };
    },

    /** When the password was last given in this session; undefined when there is no such session. */
    async findSessionAuthenticatedAt(id: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('sessions')
        .select('authenticated_at')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.authenticated_at;
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

export type AccountsRepository = ReturnType<typeof accountsRepository>;
