import { can, type SessionRole } from '../../../contracts/permissions.js';

/**
 * The family's days a member may see, in the calendar, the feed and their reminders. A trip's
 * moments name the trip and what is carried ("Pack Jack's box of ashes for Summer in Spain"), so
 * only a role that may read trips sees them: a viewer (a grandparent) sees the family's days, not
 * its trips.
 */
export function visibleDays<T extends { tripId: string | null }>(role: SessionRole, days: T[]): T[] {
  return can(role, 'trips.read') ? days : days.filter((day) => day.tripId === null);
}
