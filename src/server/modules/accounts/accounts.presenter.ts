import type { Member, SessionResponse } from '../../../contracts/accounts.js';
import { rolePermissions } from '../../../contracts/permissions.js';
import { forbidden } from '../../errors.js';
import type { Family, FamilyMember, User } from './accounts.records.js';
import type { AuthContext } from './auth-context.js';

export const presentFamily = (family: Family) => ({
  id: family.id,
  name: family.name,
  homeZone: family.homeZone,
  country: family.country,
});

export function presentSession(auth: AuthContext, user: User, family: Family): SessionResponse {
  // A child-mode session is never answered with the parent's account (its routes refuse it first).
  if (auth.role === 'childProfile') throw forbidden();
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName },
    member: { id: auth.memberId, role: auth.role, displayName: auth.displayName },
    family: presentFamily(family),
    permissions: [...rolePermissions[auth.role]],
    csrfToken: auth.csrfToken,
  };
}

export const presentMember = (auth: AuthContext, member: FamilyMember): Member => ({
  id: member.id,
  displayName: member.displayName,
  role: member.role,
  isYou: member.id === auth.memberId,
});
