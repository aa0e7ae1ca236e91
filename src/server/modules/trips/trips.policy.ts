import { can, type SessionRole } from '../../../contracts/permissions.js';

/** What a member may do on a trip; sent with the trip so the app hides what a role cannot do. */
export const tripPermissions = (role: SessionRole) => ({
  edit: can(role, 'trips.write'),
  tick: can(role, 'checklist.tick'),
  confirm: can(role, 'keepsakes.confirm'),
});
