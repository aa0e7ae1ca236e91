import { can, type SessionRole } from '../../../contracts/permissions.js';
import type { DayKind } from '../../../contracts/remembrance.js';

/**
 * The family's days a member may see, in the calendar, the feed and their reminders. A trip's
 * moments name the trip and what is carried ("Pack Jack's box of ashes for Summer in Spain"), so
 * only a role that may read trips sees them: a viewer (a grandparent) sees the family's days, not
 * its trips. A ritual's days are seen by those who may see rituals.
 */
export function visibleDays<T extends { tripId: string | null; kind: DayKind }>(
  role: SessionRole,
  days: T[],
): T[] {
  const trips = can(role, 'trips.read');
  const rituals = can(role, 'rituals.read');
  return days.filter((day) => (day.kind !== 'ritual' || rituals) && (day.tripId === null || trips));
}
