import { z } from 'zod';
import { idSchema, localDate, optionalText, text } from './fields.js';

// Rituals (modules/rituals): what a family does for a loved one ("Set out a glass of water for
// Jack"), on a schedule or on a trip's event, and what they did. "Not today" is always offered and
// never counted: there are no streaks, no counts of missed times and no celebration anywhere.

/** When a ritual comes round: on a schedule, or on a trip's event (domain/rituals/events.ts). */
export const ritualWhens = ['schedule', 'arrival', 'evening_before', 'first_night_home'] as const;
export type RitualWhen = (typeof ritualWhens)[number];

/** How often a scheduled ritual repeats; 'once' is a single date. */
export const repeats = ['yearly', 'monthly', 'weekly', 'once'] as const;
export type Repeat = (typeof repeats)[number];

export const ritualOutcomes = ['done', 'not_today'] as const;

/**
 * "Remind us": when a ritual's reminder comes, if it asked for one (null: none, the default). Each
 * member still chooses whether ritual reminders reach them, and how, in their reminder settings.
 */
export const ritualReminds = ['at_time', 'hour_before'] as const;
export type RitualRemind = (typeof ritualReminds)[number];

const time = z
  .string({ error: 'Please give the time, for example 19:00.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Please give the time, for example 19:00.');

/** Adding or changing a ritual (a change sends the whole ritual again). */
export const ritualBody = z
  .object({
    title: text('the name of the ritual', 80),
    whatToDo: text('what to do', 300),
    when: z.enum(ritualWhens, { error: 'Please choose when this ritual comes round.' }),
    repeat: z
      .enum(repeats, { error: 'Please choose how often: every year, month or week, or once.' })
      .optional(),
    date: localDate('the date').optional(),
    time: time.optional(),
    whoUsually: optionalText('who usually does it', 80),
    childrenPart: optionalText('the children’s part', 300),
    remind: z
      .enum(ritualReminds, { error: 'Please choose when to be reminded: at its time, or an hour before.' })
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    // An arrival or a first night home comes when it happens: there is no hour before to know.
    if (v.remind === 'hour_before' && (v.when === 'arrival' || v.when === 'first_night_home'))
      ctx.addIssue({
        code: 'custom',
        path: ['remind'],
        message: 'This ritual comes when it happens, so it can be remembered only at its time.',
      });
    if (v.when !== 'schedule') return;
    if (!v.repeat) ctx.addIssue({ code: 'custom', path: ['repeat'], message: 'Please choose how often.' });
    if (!v.date) ctx.addIssue({ code: 'custom', path: ['date'], message: 'Please give the date it starts.' });
    if (!v.time)
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'Please give the time, for example 19:00.' });
  });
export type RitualBody = z.infer<typeof ritualBody>;

export const ritualSchema = z.object({
  id: idSchema,
  lovedOneId: idSchema,
  title: z.string(),
  whatToDo: z.string(),
  when: z.enum(ritualWhens),
  /** The schedule as chosen (null for a trip's event), and as stored: RFC 5545 RRULE and zone. */
  repeat: z.enum(repeats).nullable(),
  date: z.string().nullable(),
  time: z.string().nullable(),
  rrule: z.string().nullable(),
  zone: z.string().nullable(),
  whoUsually: z.string().nullable(),
  childrenPart: z.string().nullable(),
  /** "Remind us": null when the ritual asks for no reminder. */
  remind: z.enum(ritualReminds).nullable(),
  createdAt: z.string(),
});
export type Ritual = z.infer<typeof ritualSchema>;

export const ritualsResponse = z.object({ rituals: z.array(ritualSchema) });
export type RitualsResponse = z.infer<typeof ritualsResponse>;

/** A ritual card: a ritual due now, for one time it comes round. */
export const dueRitualSchema = z.object({
  ritualId: idSchema,
  lovedOneId: idSchema,
  lovedOneName: z.string(),
  title: z.string(),
  whatToDo: z.string(),
  whoUsually: z.string().nullable(),
  childrenPart: z.string().nullable(),
  /** Which time it is: send it back with the mark. */
  occurrenceKey: z.string(),
  dueAt: z.string(),
  /** The zone of the place it falls (for saying its day). */
  zone: z.string(),
  tripId: idSchema.nullable(),
  tripName: z.string().nullable(),
});
export type DueRitual = z.infer<typeof dueRitualSchema>;

export const dueRitualsResponse = z.object({ due: z.array(dueRitualSchema) });
export type DueRitualsResponse = z.infer<typeof dueRitualsResponse>;

/** Marking a ritual card: done (who took part, a line, a photo already uploaded) or not today. */
export const markRitualBody = z
  .object({
    occurrenceKey: z
      .string({ error: 'This ritual card is out of date; please open it again.' })
      .min(1, 'This ritual card is out of date; please open it again.')
      .max(120, 'This ritual card is out of date; please open it again.')
      // A date or an event and an id (domain/rituals): nothing else, hidden characters least of all.
      .regex(/^[A-Za-z0-9:-]+$/, 'This ritual card is out of date; please open it again.'),
    outcome: z.enum(ritualOutcomes, { error: 'Please choose "Done" or "Not today".' }),
    tookPart: optionalText('who took part', 120),
    line: optionalText('the line', 500),
    mediaId: idSchema.nullable().optional(),
  })
  .strict();
export type MarkRitualBody = z.infer<typeof markRitualBody>;

/** What the family has done: only "done" marks, newest first ("not today" is never listed). */
export const ritualMarkSchema = z.object({
  id: idSchema,
  ritualId: idSchema,
  ritualTitle: z.string(),
  dueAt: z.string(),
  tookPart: z.string().nullable(),
  line: z.string().nullable(),
  mediaId: idSchema.nullable(),
  markedByName: z.string().nullable(),
  markedAt: z.string(),
});
export type RitualMark = z.infer<typeof ritualMarkSchema>;

export const ritualMarksResponse = z.object({ marks: z.array(ritualMarkSchema) });
export type RitualMarksResponse = z.infer<typeof ritualMarksResponse>;

/**
 * A ritual card in child mode: what to do, the children's part, and nothing else of the family's.
 * A child marks it "We did it" (recorded with the child's name); "Not today" stays on the phone and
 * is never sent or counted.
 */
export const childRitualSchema = z.object({
  ritualId: idSchema,
  occurrenceKey: z.string(),
  lovedOneName: z.string(),
  title: z.string(),
  whatToDo: z.string(),
  childrenPart: z.string().nullable(),
  dueAt: z.string(),
  zone: z.string(),
  tripName: z.string().nullable(),
});
export type ChildRitual = z.infer<typeof childRitualSchema>;

export const childRitualsResponse = z.object({ due: z.array(childRitualSchema) });
export type ChildRitualsResponse = z.infer<typeof childRitualsResponse>;

export const childRitualDoneBody = markRitualBody.pick({ occurrenceKey: true }).strict();
export type ChildRitualDoneBody = z.infer<typeof childRitualDoneBody>;
