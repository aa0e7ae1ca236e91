import type { Db } from '../../../db/connect.js';
import { isUniqueViolation } from '../../../db/dialect.js';
import type { Row } from '../../../db/schema.js';
import { accountTokensRepository } from './account-tokens.repository.js';
import { signUpRequestsRepository } from './sign-up-requests.repository.js';
import {
  storedRole,
  type Family,
  type FamilyMember,
  type FamilyMemberWithEmail,
  type FamilyPatch,
  type Membership,
  type NewFamily,
  type User,
} from './accounts.records.js';
import { membershipRow, membershipsRepository, userRow } from './memberships.repository.js';
import { sessionsRepository } from './sessions.repository.js';
import { throttleRepository } from './throttle.repository.js';

// Families, people and their memberships. Sessions, e-mailed links and the sign-in throttle have
// their own repositories, offered here too so the services need one handle. Rows become records
// in these files and only here (ARCHITECTURE.md, import rule 2).

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
  role: storedRole(row.role),
  displayName: row.display_name,
  createdAt: row.created_at,
});

const memberFromRow = (row: Pick<Row<'memberships'>, 'id' | 'display_name' | 'role'>): FamilyMember => ({
  id: row.id,
  displayName: row.display_name,
  role: storedRole(row.role),
});

export function accountsRepository(database: Pick<Db, 'kysely' | 'readFirstCompiled'>) {
  const db = database.kysely;
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
          await trx.insertInto('users').values(userRow(user)).execute();
          await trx.insertInto('memberships').values(membershipRow(membership)).execute();
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

    /** The family a sign-in opens: the person's oldest membership still in force. */
    async findMembershipForUser(userId: string): Promise<Membership | undefined> {
      const row = await db
        .selectFrom('memberships')
        .selectAll()
        .where('user_id', '=', userId)
        .where('removed_at', 'is', null)
        .orderBy('created_at')
        .executeTakeFirst();
      return row && membershipFromRow(row);
    },

    setPasswordHash(userId: string, passwordHash: string): Promise<unknown> {
      return db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
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
        .where('removed_at', 'is', null)
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
        .where('m.removed_at', 'is', null)
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
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return row && memberFromRow(row);
    },

    ...sessionsRepository(database),
    ...membershipsRepository(database),
    ...accountTokensRepository(database),
    ...signUpRequestsRepository(database),
    ...throttleRepository(database),
  };
}

export type AccountsRepository = ReturnType<typeof accountsRepository>;
