import { z } from 'zod';
import { dayKinds, dayRecurrences, leads, recurrences } from '../../contracts/remembrance.js';
import { isRealDate, nthWeekdayOfMonth, parseDate } from './civil-date.js';
import { isValidZone } from './zoned-time.js';

// One remembrance day: the shape every function in this folder computes on. Kinds, recurrences and
// leads come from the contract so the wire, the database and this code share one list.

export { dayKinds, dayRecurrences, leads, recurrences };
export type { DayKind, Lead } from '../../contracts/remembrance.js';

export const localDateSchema = z
  .string()
  .refine(isRealDate, 'Please give a date that exists, for example 2026-10-15.');

export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Please give a time such as 09:00.');

export const zoneSchema = z
  .string()
  .refine(isValidZone, 'Please choose a time zone from the list, for example Europe/London.');

/**
 * For days set by a weekday rule rather than a date, e.g. "the second Sunday of December".
 * nth 1–4 counts from the start of the month, -1 means the last one (a fifth weekday is left out
 * because not every month has one). Weekday: 1 = Monday … 7 = Sunday.
 */
export const weekdayRuleSchema = z.object({
  nth: z.union([z.literal(-1), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  weekday: z.number().int().min(1).max(7),
});
export type WeekdayRule = z.infer<typeof weekdayRuleSchema>;

export const daySchema = z
  .object({
    /** Stable id chosen by the caller (e.g. "loved-one:<id>:loss"); UIDs and reminder keys derive from it. */
    key: z.string().trim().min(1).max(200),
    kind: z.enum(dayKinds),
    title: z.string().trim().min(1).max(200),
    note: z.string().max(1000).optional(),
    sourceUrl: z.url().optional(),
    /** The first time the day happened (or is observed from); recurrences count from here. */
    anchorDate: localDateSchema,
    recurrence: z.enum(dayRecurrences),
    /** Yearly days only: the month comes from anchorDate, the day from this rule. */
    weekdayRule: weekdayRuleSchema.optional(),
    /** Absent = an all-day day. Present = a moment, e.g. the Wave of Light at 19:00. */
    startTime: clockTimeSchema.optional(),
    durationMinutes: z.number().int().min(1).max(1440).optional(),
    /** All-day days only: how many days it spans (Baby Loss Awareness Week is 7). Default 1. */
    durationDays: z.number().int().min(1).max(31).optional(),
    /** The zone a timed day's clock time belongs to. All-day days are observed on the member's own calendar. */
    zone: zoneSchema,
    /**
     * Ritual days only: how many minutes before its time its reminder comes (0 at the time). Absent:
     * the day asks for no reminder of its own (a ritual without "Remind us").
     */
    remindMinutesBefore: z.number().int().min(0).max(1440).optional(),
  })
  .refine((d) => d.weekdayRule === undefined || d.recurrence === 'yearly', {
    message: 'A weekday rule only fits a day that comes back every year.',
    path: ['weekdayRule'],
  })
  .refine((d) => d.weekdayRule === undefined || anchorFitsRule(d.anchorDate, d.weekdayRule), {
    // The calendar feed uses anchorDate as DTSTART, which must itself be an occurrence.
    message: 'The first date should itself follow the weekday rule.',
    path: ['anchorDate'],
  })
  .refine((d) => d.durationMinutes === undefined || d.startTime !== undefined, {
    message: 'A length in minutes needs a start time.',
    path: ['durationMinutes'],
  })
  .refine((d) => d.durationDays === undefined || d.startTime === undefined, {
    message: 'A length in days is for all-day days; give minutes for a day with a start time.',
    path: ['durationDays'],
  });

export type Day = z.infer<typeof daySchema>;

export const leadSchema = z.enum(leads);

function anchorFitsRule(anchorDate: string, rule: WeekdayRule): boolean {
  if (!isRealDate(anchorDate)) return false;
  const { year, month } = parseDate(anchorDate);
  return nthWeekdayOfMonth(year, month, rule.nth, rule.weekday) === anchorDate;
}

export function isTimed(day: Day): day is Day & { startTime: string } {
  return day.startTime !== undefined;
}
