import { dayKinds, type DayKind, type ReminderPreference } from '../../../contracts/remembrance.js';
import type { SavedPreference } from './reminders.repository.js';

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

/** Only the choice itself (a saved one also carries whose it is and when it was made). */
export function preferenceOf(saved: ReminderPreference): ReminderPreference {
  return {
    dayKind: saved.dayKind,
    inApp: saved.inApp,
    email: saved.email,
    leads: saved.leads,
    remindAt: saved.remindAt,
    quietStart: saved.quietStart,
    quietEnd: saved.quietEnd,
  };
}

/** A member's preferences for every kind of day, saved ones first, defaults for the rest. */
export function preferencesOf(saved: SavedPreference[], membershipId: string): ReminderPreference[] {
  const mine = new Map(
    saved.filter((p) => p.membershipId === membershipId).map((p) => [p.dayKind, preferenceOf(p)]),
  );
  return dayKinds.map((kind) => mine.get(kind) ?? defaultPreference(kind));
}
