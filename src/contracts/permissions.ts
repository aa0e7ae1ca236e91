import { z } from 'zod';

// Roles are sets of permissions, nothing more: a child is a member with fewer permissions, not a
// special case (STYLE.md rule 4). The server checks these on every route; the web app uses the same
// table only to hide what a role cannot do. A teen or child with their own login joins with the
// 'child' role and has exactly its permissions; a viewer (a grandparent, say) sees the family's
// page and its members.
export const roles = ['owner', 'adult', 'child', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = (typeof roles)[number];

export const permissions = [
  'family.read',
  /** Make, see and take back invites: owners and adults. */
  'family.invite',
  /** Change roles, remove members, hand over ownership, rename the family: owners only. */
  'family.manage',
  'lovedOnes.read',
  'lovedOnes.write',
  'trips.read',
  'trips.write',
  'checklist.tick',
  'keepsakes.confirm',
  /** See and add the family's photos (and later drawings and voice notes). */
  'media.read',
  'media.add',
  /** Delete a photo: owners and adults (a child adds, and never takes away). */
  'media.remove',
] as const;
export type Permission = (typeof permissions)[number];

const everything = [...permissions];
export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: everything,
  adult: everything.filter((p) => p !== 'family.manage'),
  child: [
    'family.read',
    'lovedOnes.read',
    'trips.read',
    'checklist.tick',
    'keepsakes.confirm',
    'media.read',
    'media.add',
  ],
  viewer: ['family.read'],
};

export const can = (role: Role, permission: Permission): boolean =>
  rolePermissions[role].includes(permission);
