import { can, type Role } from '../../../contracts/permissions.js';

/** What a member may do on a trip; sent with the trip so the app hides what a role cannot do. */
export const tripPermissions = (role: Role) => ({
  edit: can(role, 'trips.write'),
  tick: can(role, 'checklist.tick'),
  confirm: can(role, 'keepsakes.confirm'),
});
