import type { Member, SessionResponse } from '../../../contracts/accounts.js';
import { roleSchema, rolePermissions } from '../../../contracts/permissions.js';
import type { Row } from '../../../db/schema.js';
import type { AuthContext } from './auth-context.js';

export const presentFamily = (family: Row<'families'>) => ({
  id: family.id,
  name: family.name,
  homeZone: family.home_zone,
  country: family.country,
});

export function presentSession(
  auth: AuthContext,
  user: Row<'users'>,
  family: Row<'families'>,
): SessionResponse {
  return {
    user: { id: user.id, email: user.email, displayName: user.display_name },
    member: { id: auth.memberId, role: auth.role, displayName: auth.displayName },
    family: presentFamily(family),
    permissions: [...rolePermissions[auth.role]],
    csrfToken: auth.csrfToken,
  };
}

export const presentMember = (
  auth: AuthContext,
  row: { id: string; display_name: string; role: string },
): Member => ({
  id: row.id,
  displayName: row.display_name,
  role: roleSchema.parse(row.role),
  isYou: row.id === auth.memberId,
});
