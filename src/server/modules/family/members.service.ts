import type { FamilyChoice, LeaveResponse } from '../../../contracts/family.js';
import type { Role } from '../../../contracts/permissions.js';
import { conflict, invalid, notFound } from '../../errors.js';
import type { AccountsServices, AuthContext, Membership } from '../accounts/index.js';

// The rules of a family's members: who may become an owner, that a family always keeps an owner,
// and where a session goes when its person leaves. The rows are the accounts module's.

export function membersService({ accounts }: { accounts: AccountsServices }) {
  const members = accounts.memberships;

  async function memberOf(auth: AuthContext, memberId: string): Promise<Membership> {
    const member = await members.findActive(auth.familyId, memberId);
    if (!member) throw notFound('We could not find that member. They may have left the family.');
    return member;
  }

  async function keepAnOwner(familyId: string, member: Membership, newRole: Role | null): Promise<void> {
    if (member.role !== 'owner' || newRole === 'owner') return;
    if ((await members.countStayingOwners(familyId, member.id)) > 0) return;
    throw conflict(
      newRole === null
        ? 'You are the family’s only owner. Please hand over ownership to another adult before leaving.'
        : `${member.displayName} is the family’s only owner. Please make another adult an owner first.`,
    );
  }

  return {
    /** An owner changes a member's role (their own too, while another owner remains). */
    async changeRole(auth: AuthContext, memberId: string, role: Role): Promise<void> {
      const member = await memberOf(auth, memberId);
      if (member.role === role) return;
      if (role === 'owner' && member.role !== 'adult') {
        throw invalid('role', 'Only an adult can be an owner. If that is right, make them an adult first.');
      }
      await keepAnOwner(auth.familyId, member, role);
      await members.setRole(auth.familyId, memberId, role);
    },

    /** An owner removes someone else; what they ticked and confirmed stays, under their name. */
    async remove(auth: AuthContext, memberId: string): Promise<void> {
      if (memberId === auth.memberId) {
        throw conflict('To leave the family yourself, please use “Leave this family”.');
      }
      await memberOf(auth, memberId);
      await members.remove(auth.familyId, memberId);
    },

    /** The owner hands the family to another adult and becomes an adult themselves. */
    async handOver(auth: AuthContext, memberId: string): Promise<void> {
      if (memberId === auth.memberId) throw conflict('You are already an owner of this family.');
      const member = await memberOf(auth, memberId);
      if (member.role !== 'adult' && member.role !== 'owner') {
        throw conflict('Ownership can be handed to an adult in the family.');
      }
      // Handing over to someone whose account is about to be deleted would leave no owner.
      if (await members.accountDeletionDue(member.userId)) {
        throw conflict(
          `${member.displayName} has asked for their account to be deleted, so they cannot take over the family. Please choose another adult.`,
        );
      }
      await members.setRole(auth.familyId, memberId, 'owner');
      await members.setRole(auth.familyId, auth.memberId, 'adult');
    },

    /**
     * Leaves the family. The session moves to another family of this person's, if there is one;
     * otherwise it ends. The last owner cannot leave without handing over first.
     */
    async leave(auth: AuthContext): Promise<{ auth: AuthContext | null; answer: LeaveResponse }> {
      const me = await memberOf(auth, auth.memberId);
      await keepAnOwner(auth.familyId, me, null);
      const familyName = (await members.familyName(auth.familyId)) ?? 'the family';
      await members.remove(auth.familyId, auth.memberId, auth.sessionId);
      const next = (await members.familiesOf(auth.userId))[0];
      const membership = next && (await members.findActiveOfUser(auth.userId, next.familyId));
      if (!next || !membership) {
        await members.endSession(auth);
        return {
          auth: null,
          answer: { family: null, message: `You have left ${familyName}. Thank you for being part of it.` },
        };
      }
      return {
        auth: await members.moveSession(auth, membership),
        answer: {
          family: { id: next.familyId, name: next.familyName },
          message: `You have left ${familyName}. You are now in ${next.familyName}.`,
        },
      };
    },

    async families(auth: AuthContext): Promise<FamilyChoice[]> {
      return (await members.familiesOf(auth.userId)).map((family) => ({
        id: family.familyId,
        name: family.familyName,
        role: family.role,
        current: family.familyId === auth.familyId,
      }));
    },

    /** This session opens another family of this person's. */
    async switchTo(auth: AuthContext, familyId: string): Promise<AuthContext> {
      const membership = await members.findActiveOfUser(auth.userId, familyId);
      if (!membership) throw invalid('familyId', 'You are not part of that family.');
      return members.moveSession(auth, membership);
    },
  };
}

export type MembersService = ReturnType<typeof membersService>;
