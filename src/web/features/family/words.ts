import type { InviteRole, InviteStatus } from '../../../contracts/family.js';
import type { Role } from '../../../contracts/permissions.js';

// How roles and invites are named to people. The stored `child` role is the teen login: an older
// child with their own phone, e-mail and password. A younger child without a login is a child
// profile (features/children), used through child mode on a grown-up's phone.

export const roleNames: Record<Role, string> = {
  owner: 'Owner',
  adult: 'Adult',
  child: 'Teen (own login)',
  viewer: 'Viewer',
};

export const roleMeanings: Record<Role, string> = {
  owner: 'Everything an adult can do, and looks after the family’s members and settings.',
  adult: 'Full rights: loved ones, trips, reminders, and inviting others.',
  child: 'Their own login. Sees loved ones and trips, ticks the packing list and confirms keepsakes.',
  viewer: 'Sees the family’s page and who is in it. For a grandparent, say.',
};

/** "as an adult", for the join page's sentence. */
export const asRole: Record<InviteRole, string> = {
  adult: 'as an adult, with full rights',
  child: 'as a teen with their own login',
  viewer: 'as a viewer',
};

export const inviteRoleChoices: ReadonlyArray<{ value: InviteRole; label: string; hint: string }> = [
  {
    value: 'adult',
    label: 'An adult',
    hint: 'The other parent, say: full rights, and can be made a co-owner.',
  },
  { value: 'child', label: 'A teen with their own login', hint: roleMeanings.child },
  { value: 'viewer', label: 'A viewer', hint: roleMeanings.viewer },
];

export const statusWords: Record<InviteStatus, string> = {
  open: 'Open',
  used: 'Used',
  expired: 'Ended',
  revoked: 'Taken back',
};
