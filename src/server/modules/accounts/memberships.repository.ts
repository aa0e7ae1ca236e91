import type { Db } from '../../../db/connect.js';
import { isUniqueViolation } from '../../../db/dialect.js';
import type { Role } from '../../../contracts/permissions.js';
import { storedRole, type FamilyChoiceRecord, type Membership, type User } from './accounts.records.js';

// Who belongs to which family, for invites, members and switching families (the `family` module
// reaches these through the accounts services). A member who leaves or is removed keeps their row,
// marked removed_at, so what they ticked and confirmed still shows their name; every read of
// "who belongs" leaves such rows out.

/** The row of a new person (also written by sign-up, accounts.repository.ts). */
export const userRow = (user: User) => ({
  id: user.id,
  email: user.email,
  password_hash: user.passwordHash,
  display_name: user.displayName,
  created_at: user.createdAt,
});

/** The row of a new membership (also written by sign-up, accounts.repository.ts). */
export const membershipRow = (membership: Membership) => ({
  id: membership.id,
  family_id: membership.familyId,
  user_id: membership.userId,
  role: membership.role,
  display_name: membership.displayName,
  created_at: membership.createdAt,
});

export function membershipsRepository(database: Pick<Db, 'kysely'>) {
  const db = database.kysely;
  const active = () => db.selectFrom('memberships').selectAll().where('removed_at', 'is', null);
  const fromRow = (row: {
    id: string;
    family_id: string;
    user_id: string;
    role: string;
    display_name: string;
    created_at: string;
  }): Membership => ({
    id: row.id,
    familyId: row.family_id,
    userId: row.user_id,
    role: storedRole(row.role),
    displayName: row.display_name,
    createdAt: row.created_at,
  });

  return {
    /** A member still in the family, with the account behind them. */
    async findActiveMembership(familyId: string, memberId: string): Promise<Membership | undefined> {
      const row = await active()
        .where('family_id', '=', familyId)
        .where('id', '=', memberId)
        .executeTakeFirst();
      return row && fromRow(row);
    },

    async findActiveMembershipOfUser(userId: string, familyId: string): Promise<Membership | undefined> {
      const row = await active()
        .where('family_id', '=', familyId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && fromRow(row);
    },

    /** Members' names by id, including those who have left (their joins and ticks keep a name). */
    async namesOf(familyId: string): Promise<Map<string, string>> {
      const rows = await db
        .selectFrom('memberships')
        .select(['id', 'display_name'])
        .where('family_id', '=', familyId)
        .execute();
      return new Map(rows.map((row) => [row.id, row.display_name]));
    },

    /** The families a person belongs to, oldest membership first. */
    async listFamiliesOfUser(userId: string): Promise<FamilyChoiceRecord[]> {
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('families as f', 'f.id', 'm.family_id')
        .select(['f.id', 'f.name', 'm.role', 'm.id as membership_id'])
        .where('m.user_id', '=', userId)
        .where('m.removed_at', 'is', null)
        .orderBy('m.created_at')
        .execute();
      return rows.map((row) => ({
        familyId: row.id,
        familyName: row.name,
        role: storedRole(row.role),
        membershipId: row.membership_id,
      }));
    },

    /**
     * The family's owners other than `exceptMemberId` who will stay: an owner whose account is to be
     * deleted (modules/deletions) is not counted, so the family is never left without one.
     */
    async countStayingOwners(familyId: string, exceptMemberId: string): Promise<number> {
      const row = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select((eb) => eb.fn.countAll<number | string>().as('owners'))
        .where('m.family_id', '=', familyId)
        .where('m.role', '=', 'owner')
        .where('m.removed_at', 'is', null)
        .where('m.id', '!=', exceptMemberId)
        .where('u.deletion_due_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.owners);
    },

    /** When the person's account is to be deleted, if they asked. */
    async accountDeletionDue(userId: string): Promise<string | null> {
      const row = await db
        .selectFrom('users')
        .select('deletion_due_at')
        .where('id', '=', userId)
        .executeTakeFirst();
      return row?.deletion_due_at ?? null;
    },

    /**
     * A new person and their membership, together. 'taken' when the address already belongs to an
     * account (the caller's transaction then rolls back; nothing is written).
     */
    async insertPersonWithMembership(user: User, membership: Membership): Promise<'created' | 'taken'> {
      try {
        await db.insertInto('users').values(userRow(user)).execute();
      } catch (error) {
        if (isUniqueViolation(error)) return 'taken';
        throw error;
      }
      await db.insertInto('memberships').values(membershipRow(membership)).execute();
      return 'created';
    },

    /**
     * Adds a person to a family. Someone who left or was removed comes back through their old row
     * (their name stays on what they did before). 'already' when they belong now.
     */
    async addMembership(membership: Membership): Promise<Membership | 'already'> {
      const existing = await db
        .selectFrom('memberships')
        .selectAll()
        .where('family_id', '=', membership.familyId)
        .where('user_id', '=', membership.userId)
        .executeTakeFirst();
      if (existing && existing.removed_at === null) return 'already';
      if (existing) {
        await db
          .updateTable('memberships')
          .set({ removed_at: null, role: membership.role, display_name: membership.displayName })
          .where('id', '=', existing.id)
          .execute();
        return { ...membership, id: existing.id, createdAt: existing.created_at };
      }
      await db.insertInto('memberships').values(membershipRow(membership)).execute();
      return membership;
    },

    setRole(familyId: string, memberId: string, role: Role): Promise<unknown> {
      return db
        .updateTable('memberships')
        .set({ role })
        .where('family_id', '=', familyId)
        .where('id', '=', memberId)
        .execute();
    },

    /** Marks a member as gone and ends their sessions in this family (but `keepSessionId`). */
    async markRemoved(
      familyId: string,
      memberId: string,
      nowIso: string,
      keepSessionId: string | null,
    ): Promise<void> {
      await db
        .updateTable('memberships')
        .set({ removed_at: nowIso })
        .where('family_id', '=', familyId)
        .where('id', '=', memberId)
        .execute();
      let sessions = db.deleteFrom('sessions').where('membership_id', '=', memberId);
      if (keepSessionId) sessions = sessions.where('id', '!=', keepSessionId);
      await sessions.execute();
    },

    /** Moves a session to another of its person's memberships (switching families). */
    moveSession(sessionId: string, membership: Pick<Membership, 'id' | 'familyId'>): Promise<unknown> {
      return db
        .updateTable('sessions')
        .set({ membership_id: membership.id, family_id: membership.familyId })
        .where('id', '=', sessionId)
        .execute();
    },
  };
}
