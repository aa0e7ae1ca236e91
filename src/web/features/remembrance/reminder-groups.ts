import {
  dayKinds,
  leads,
  type DayKind,
  type Lead,
  type ReminderPreference,
} from '../../../contracts/remembrance.js';
import type { FieldErrors } from '../../lib/forms.js';

// Reminder settings as a person thinks of them: five groups of days (a group's choices apply to
// every kind of day in it) and one set of quiet hours, turned into the per-kind preferences the
// server keeps, and the server's messages (`preferences.<i>.<field>`) back onto the right field.

/** The kinds of day, in the groups a person thinks in; a group's choices apply to all its kinds. */
export const groups = [
  {
    id: 'loved',
    title: 'Your loved ones’ days',
    hint: 'The anniversary of the loss, the due date and birthdays.',
    kinds: ['loss_anniversary', 'death_anniversary', 'due_date', 'birthday'],
  },
  {
    id: 'awareness',
    title: 'Awareness days',
    hint: 'Days such as the Wave of Light, for the country you live in.',
    kinds: ['awareness'],
  },
  {
    id: 'trip',
    title: 'Trip reminders',
    hint: 'Packing the evening before, “Before you leave”, and the evening before going home.',
    kinds: ['trip_moment'],
  },
  {
    id: 'ritual',
    title: 'Rituals',
    hint: 'Only the rituals you asked to be reminded of (“Remind us” on the ritual), at their time.',
    kinds: ['ritual'],
  },
  {
    id: 'custom',
    title: 'Days you add',
    hint: 'The days you put on the calendar yourself.',
    kinds: ['custom'],
  },
] as const satisfies ReadonlyArray<{ id: string; title: string; hint: string; kinds: readonly DayKind[] }>;

export type GroupId = (typeof groups)[number]['id'];
export interface GroupValues {
  inApp: boolean;
  email: boolean;
  leads: Lead[];
  remindAt: string;
}
export interface Values {
  groups: Record<GroupId, GroupValues>;
  quietStart: string;
  quietEnd: string;
}

const groupOf = (kind: DayKind): GroupId =>
  groups.find((g) => (g.kinds as readonly DayKind[]).includes(kind))!.id;

export function valuesOf(preferences: ReminderPreference[]): Values {
  const first = (g: (typeof groups)[number]) =>
    preferences.find((p) => (g.kinds as readonly DayKind[]).includes(p.dayKind));
  const entries = groups.map((g) => {
    const p = first(g);
    return [
      g.id,
      {
        inApp: p?.inApp ?? true,
        email: p?.email ?? false,
        leads: p?.leads ?? ['on_day'],
        remindAt: p?.remindAt ?? '09:00',
      },
    ] as const;
  });
  // Quiet hours are one person's nights: the same for every kind of day.
  const quiet = preferences.find((p) => p.quietStart !== null) ?? preferences[0];
  return {
    groups: Object.fromEntries(entries) as Record<GroupId, GroupValues>,
    quietStart: quiet?.quietStart ?? '',
    quietEnd: quiet?.quietEnd ?? '',
  };
}

/** The body in dayKinds order, so `preferences.<i>` in a message names `dayKinds[i]`. */
export function toBody(v: Values) {
  return {
    preferences: dayKinds.map((dayKind) => {
      const g = v.groups[groupOf(dayKind)];
      return {
        dayKind,
        inApp: g.inApp,
        email: g.email,
        leads: leads.filter((l) => g.leads.includes(l)),
        remindAt: g.remindAt,
        quietStart: v.quietStart || null,
        quietEnd: v.quietEnd || null,
      };
    }),
  };
}

/** The first message for this field of any kind of day in the group (or of any kind at all). */
export function errorFor(errors: FieldErrors, field: string, kinds?: readonly DayKind[]): string | undefined {
  for (const [i, kind] of dayKinds.entries()) {
    if (kinds && !kinds.includes(kind)) continue;
    const message = errors[`preferences.${i}.${field}`];
    if (message) return message;
  }
  return undefined;
}
