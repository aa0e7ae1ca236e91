import { inviteRoles, type InviteRole } from '../../../contracts/family.js';
import { storedEnum } from '../../enums.js';

// What the invites repository takes and answers; the rows stay inside invites.repository.ts.

export const storedInviteRole = (role: string): InviteRole => storedEnum(inviteRoles, role, 'invites.role');

export interface InviteRecord {
  id: string;
  familyId: string;
  role: InviteRole;
  forName: string | null;
  maxUses: number;
  uses: number;
  expiresAt: string;
  revokedAt: string | null;
  /** The membership that made it. */
  createdBy: string;
  createdAt: string;
}

/** A new invite and the hashes of its secrets (never the secrets). */
export interface NewInvite extends Omit<InviteRecord, 'uses' | 'revokedAt'> {
  tokenHash: string;
  codeHash: string;
}

export interface InviteJoinRecord {
  inviteId: string;
  membershipId: string;
  joinedAt: string;
}
