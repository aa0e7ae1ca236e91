import { z } from 'zod';
import { idSchema, localDate, optionalText, text } from './fields.js';

export const dayKinds = [
  'loss_anniversary',
  'death_anniversary',
  'due_date',
  'birthday',
  'custom',
  'awareness',
  'trip_moment',
  'ritual',
] as const;
export type DayKind = (typeof dayKinds)[number];
/** How a day the family adds can repeat. */
export const recurrences = ['yearly', 'monthly', 'once'] as const;
/** How any day in the calendar can repeat: a ritual may also come round every week. */
export const dayRecurrences = ['yearly', 'monthly', 'weekly', 'once'] as const;
export const leads = ['on_day', 'day_before', 'week_before'] as const;
export type Lead = (typeof leads)[number];

const clockTime = (label: string) =>
  z
    .string({ error: `Please give ${label} as a time, for example 09:00.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Please give ${label} as a time, for example 09:00.`);

// ---- days ------------------------------------------------------------------------------------

export const createDayBody = z
  .object({
    title: text('a name for the day', 120),
    date: localDate('the date'),
    recurrence: z.enum(recurrences, { error: 'Please choose every year, every month, or once.' }),
    time: clockTime('the time').nullable().optional(),
    lovedOneId: idSchema.nullable().optional(),
    note: optionalText('the note', 500),
  })
  .strict();
export type CreateDayBody = z.infer<typeof createDayBody>;

export const occurrenceSchema = z.object({
  dayId: idSchema,
  date: z.string(),
  /** Local start time for timed days (e.g. the Wave of Light at 19:00); null for all-day days. */
  time: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  title: z.string(),
  kind: z.enum(dayKinds),
  lovedOneId: idSchema.nullable(),
  tripId: idSchema.nullable(),
  note: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  recurrence: z.enum(dayRecurrences),
  /** Whole years since the day first happened, when that is meaningful (anniversaries). */
  years: z.number().nullable(),
  editable: z.boolean(),
});
export type Occurrence = z.infer<typeof occurrenceSchema>;

export const calendarResponse = z.object({
  from: z.string(),
  to: z.string(),
  zone: z.string(),
  occurrences: z.array(occurrenceSchema),
  /**
   * Whose awareness days these are: the country chosen in Settings, or else the one the family gave
   * for where a loved one died ("loss_country"), or none yet.
   */
  awareness: z.object({
    country: z.string().nullable(),
    from: z.enum(['settings', 'loss_country']).nullable(),
  }),
});
export type CalendarResponse = z.infer<typeof calendarResponse>;

export const calendarQuery = z
  .object({ from: localDate('the first day').optional(), to: localDate('the last day').optional() })
  .strict();

// ---- reminder preferences --------------------------------------------------------------------

export const reminderPreferenceSchema = z
  .object({
    dayKind: z.enum(dayKinds, { error: 'Please choose a kind of day from the list.' }),
    inApp: z.boolean({ error: 'Please say yes or no for reminders in the app.' }),
    email: z.boolean({ error: 'Please say yes or no for reminders by e-mail.' }),
    leads: z
      .array(z.enum(leads, { error: 'Please choose when to be reminded from the list.' }))
      .max(leads.length)
      .refine((l) => new Set(l).size === l.length, 'Please choose each time only once.'),
    remindAt: clockTime('the time of day for reminders'),
    quietStart: clockTime('the start of quiet hours').nullable(),
    quietEnd: clockTime('the end of quiet hours').nullable(),
  })
  .strict()
  .refine((p) => (p.quietStart === null) === (p.quietEnd === null), {
    message: 'Please give both the start and the end of quiet hours, or neither.',
    path: ['quietEnd'],
  });
export type ReminderPreference = z.infer<typeof reminderPreferenceSchema>;

export const preferencesBody = z
  .object({
    preferences: z
      .array(reminderPreferenceSchema)
      .min(1, 'Please include at least one kind of day.')
      .max(dayKinds.length)
      .refine(
        (p) => new Set(p.map((x) => x.dayKind)).size === p.length,
        'Please list each kind of day once.',
      ),
  })
  .strict();
export type PreferencesBody = z.infer<typeof preferencesBody>;

export const preferencesResponse = z.object({
  preferences: z.array(reminderPreferenceSchema),
  /** False when the server has no SMTP configured: e-mail reminders are then off. */
  emailAvailable: z.boolean(),
  email: z.string(),
});
export type PreferencesResponse = z.infer<typeof preferencesResponse>;

// ---- inbox -----------------------------------------------------------------------------------

export const inboxItemSchema = z.object({
  id: idSchema,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  /** A photo that came with it (a supporter's, once a parent accepted their message). */
  photo: z.object({ url: z.string(), thumbnailUrl: z.string() }).nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const inboxResponse = z.object({ items: z.array(inboxItemSchema), unread: z.number() });
export type InboxItem = z.infer<typeof inboxItemSchema>;

// ---- calendar feed ---------------------------------------------------------------------------

export const feedStatusResponse = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export const feedCreatedResponse = z.object({
  /** Shown once: only a hash of its token is kept, so it cannot be shown again. */
  url: z.string(),
  createdAt: z.string(),
});
