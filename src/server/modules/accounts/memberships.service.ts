import { can, type Permission, type Role } from '../../../contracts/permissions.js';
import { isoNow, type Clock } from '../../clock.js';
import { newId } from '../../secrets.js';
import type { FamilyChoiceRecord, Membership, User } from './accounts.records.js';
import type { AccountsRepository } from './accounts.repository.js';
import { actingFor, type AuthContext } from './auth-context.js';
import { hashPassword } from './passwords.js';

/**
 * Memberships as other modules may change them: the `family` module's invites and members pages
 * hold the rules (who may, the last owner); this keeps the rows and the sessions that hang on them.
 */
export function membershipsService({ repo, clock }: { repo: AccountsRepository; clock: Clock }) {
  return {
    familiesOf(userId: string): Promise<FamilyChoiceRecord[]> {
      return repo.listFamiliesOfUser(userId);
    },

    findActive(familyId: string, memberId: string): Promise<Membership | undefined> {
      return repo.findActiveMembership(familyId, memberId);
    },

    /**
     * A member as a background job acts for them (a book, an archive they asked for): their rights
     * read afresh when the job runs; undefined when they have left or may no longer do `permission`.
     */
    async actingFor(
      familyId: string,
      memberId: string,
      permission: Permission,
      job: string,
    ): Promise<AuthContext | undefined> {
      const member = await repo.findActiveMembership(familyId, memberId);
      return member && can(member.role, permission) ? actingFor(member, job) : undefined;
    },

    findActiveOfUser(userId: string, familyId: string): Promise<Membership | undefined> {
      return repo.findActiveMembershipOfUser(userId, familyId);
    },

    async familyName(familyId: string): Promise<string | undefined> {
      return (await repo.findFamily(familyId))?.name;
    },

    /** Every member's name by id, those who have left included. */
    namesOf(familyId: string): Promise<Map<string, string>> {
      return repo.namesOf(familyId);
    },

    /** Owners but this member who stay (an owner whose account is being deleted does not count). */
    countStayingOwners(familyId: string, exceptMemberId: string): Promise<number> {
      return repo.countStayingOwners(familyId, exceptMemberId);
    },

    /** When the person's account is to be deleted (they asked, and may still cancel); else null. */
    accountDeletionDue(userId: string): Promise<string | null> {
      return repo.accountDeletionDue(userId);
    },

    /** Slow on purpose (argon2): call it before opening a transaction. */
    hashPassword,

    /** A new account, a member of the family from the start. 'taken' when the address has an account. */
    async addNewPerson(person: {
      familyId: string;
      role: Role;
      displayName: string;
      email: string;
      passwordHash: string;
    }): Promise<{ user: User; membership: Membership } | 'taken'> {
      const now = isoNow(clock);
      const user: User = {
        id: newId(),
        email: person.email,
        passwordHash: person.passwordHash,
        displayName: person.displayName,
        createdAt: now,
      };
      const membership: Membership = {
        id: newId(),
        familyId: person.familyId,
        userId: user.id,
        role: person.role,
        displayName: person.displayName,
        createdAt: now,
      };
      return (await repo.insertPersonWithMembership(user, membership)) === 'taken'
        ? 'taken'
        : { user, membership };
    },

    /** Someone with an account joins another family. 'already' when they belong to it now. */
    addExisting(person: {
      userId: string;
      familyId: string;
      role: Role;
      displayName: string;
    }): Promise<Membership | 'already'> {
      return repo.addMembership({ id: newId(), createdAt: isoNow(clock), ...person });
    },

    setRole(familyId: string, memberId: string, role: Role): Promise<unknown> {
      return repo.setRole(familyId, memberId, role);
    },

    /** The member no longer belongs; their sessions in this family end (but `keepSessionId`). */
    remove(familyId: string, memberId: string, keepSessionId: string | null = null): Promise<void> {
      return repo.markRemoved(familyId, memberId, isoNow(clock), keepSessionId);
    },

    /** This session now opens another of its person's families; answers who is asking there. */
    async moveSession(auth: AuthContext, membership: Membership): Promise<AuthContext> {
      await repo.moveSession(auth.sessionId, membership);
      return {
        sessionId: auth.sessionId,
        userId: auth.userId,
        memberId: membership.id,
        familyId: membership.familyId,
        role: membership.role,
        displayName: membership.displayName,
        familyRevision: auth.familyRevision,
        childProfileId: null,
        csrfToken: auth.csrfToken,
      };
    },

    endSession(auth: AuthContext): Promise<unknown> {
      return repo.deleteSession(auth.sessionId);
    },
  };
}

export type MembershipsService = ReturnType<typeof membershipsService>;
