import {
  dayKinds,
  leads,
  type DayKind,
  type Lead,
  type ReminderPreference,
} from '../../../contracts/remembrance.js';
import type { PreferenceRow } from './remembrance.repository.js';

/**
 * What a member gets before choosing anything: gentle reminders in the app only (e-mail is a
 * choice each person makes), a week ahead and on the day for their loved ones' days, and on the
 * day for everything else. 09:00 on their family's clock.
 */
export function defaultPreference(dayKind: DayKind): ReminderPreference {
  const lovedOnesDay = ['loss_anniversary', 'death_anniversary', 'due_date', 'birthday'].includes(dayKind);
  return {
    dayKind,
    inApp: true,
    email: false,
    leads: lovedOnesDay ? ['week_before', 'on_day'] : ['on_day'],
    remindAt: '09:00',
    quietStart: null,
    quietEnd: null,
  };
}

export function preferenceFromRow(row: PreferenceRow): ReminderPreference {
  return {
    dayKind: row.day_kind as DayKind,
    inApp: row.in_app === 1,
    email: row.email === 1,
    leads: row.leads.split(',').filter((l): l is Lead => (leads as readonly string[]).includes(l)),
    remindAt: row.remind_at,
    quietStart: row.quiet_start,
    quietEnd: row.quiet_end,
  };
}

/** A member's preferences for every kind of day, stored ones first, defaults for the rest. */
export function preferencesOf(rows: PreferenceRow[], membershipId: string): ReminderPreference[] {
  const mine = new Map(
    rows.filter((r) => r.membership_id === membershipId).map((r) => [r.day_kind, preferenceFromRow(r)]),
  );
  return dayKinds.map((kind) => mine.get(kind) ?? defaultPreference(kind));
}
