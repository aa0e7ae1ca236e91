import { z } from 'zod';
import { lovedOneKinds } from '../../contracts/loved-ones.js';

type LovedOneKind = (typeof lovedOneKinds)[number];
import { nthWeekdayOfMonth } from './civil-date.js';
import { clockTimeSchema, localDateSchema, type Day } from './day.js';
import data from './data/awareness-days.json' with { type: 'json' };

// Awareness days come from data/awareness-days.json, each with its public source and the date the
// research checked it. The file is validated when this module loads, so a bad edit fails every test
// and start-up with a message naming the entry. Nothing here is invented: see README.md for the days
// the research left out, and why.

const country = z
  .string()
  .regex(
    /^(ALL|[A-Z]{2}|[A-Z]{2}-[A-Z0-9]{1,3})$/,
    'should be ALL, a country code such as GB, or a region such as CA-ON',
  );

const ruleSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('fixed'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(28, 'should be 1–28 so it exists every year'),
  }),
  z.strictObject({
    type: z.literal('nth_weekday'),
    month: z.number().int().min(1).max(12),
    nth: z.union([z.literal(-1), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    weekday: z.number().int().min(1).max(7),
  }),
]);

export const awarenessEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'should be kebab-case'),
    name: z.string().min(3).max(120),
    rule: ruleSchema,
    durationDays: z.number().int().min(2).max(31).optional(),
    startTime: clockTimeSchema.optional(),
    durationMinutes: z.number().int().min(1).max(1440).optional(),
    countries: z.array(country).min(1),
    /**
     * The losses the day is about (a baby's, a child's): it appears only for a family remembering
     * one of these, so a day about babies never lands on a family grieving a grandparent.
     */
    losses: z.array(z.enum(lovedOneKinds)).min(1),
    description: z
      .string()
      .min(10)
      .max(200)
      .refine((text) => !text.includes('!'), 'should be calm: no exclamation marks'),
    since: z.number().int().min(1900).max(2100).optional(),
    source_url: z.url(),
    /** The date the source shows, as written ("2016-10", "~2021"); null when it shows none. */
    source_date: z.string().nullable(),
    verified_on: localDateSchema,
    confidence: z.enum(['high', 'medium', 'low']),
    note: z.string().optional(),
  })
  .refine((e) => (e.startTime === undefined) === (e.durationMinutes === undefined), {
    message: 'a timed day needs both startTime and durationMinutes',
  })
  .refine((e) => e.durationDays === undefined || e.startTime === undefined, {
    message: 'durationDays is for all-day days only',
  });
export type AwarenessEntry = z.infer<typeof awarenessEntrySchema>;

const fileSchema = z.strictObject({ version: z.literal(2), days: z.array(awarenessEntrySchema) });

/** Every encoded awareness day, validated. */
export const awarenessEntries: readonly AwarenessEntry[] = fileSchema.parse(data).days;

/**
 * Awareness days start in a fixed year, so the calendar feed's first date never changes from one
 * refresh to the next, and early enough that a new subscriber sees the past few years too.
 */
export const AWARENESS_FIRST_YEAR = 2020;

/**
 * The awareness days observed in a country (ISO 3166-1 code; "UK" is read as "GB"), optionally
 * with a region (ISO 3166-2, e.g. "CA-ON") for days kept only there. Timed days such as the Wave of
 * Light happen at their local time in `zone`, the family's zone. `keyPrefix` keeps keys (and so the
 * feed's UIDs) distinct per family; pass the family id. `losses`, the kinds of loved one the family
 * remembers, keeps only the days about such a loss (none for a family with no loved one yet).
 */
export function awarenessDaysFor(
  countryCode: string,
  zone: string,
  options: { region?: string; keyPrefix?: string; losses?: readonly LovedOneKind[] } = {},
): Day[] {
  const code = countryCode.toUpperCase() === 'UK' ? 'GB' : countryCode.toUpperCase();
  const region = options.region?.toUpperCase();
  const prefix = options.keyPrefix ? `${options.keyPrefix}:awareness` : 'awareness';
  return awarenessEntries
    .filter((e) =>
      e.countries.some((c) => c === 'ALL' || c === code || (region !== undefined && c === region)),
    )
    .filter((e) => options.losses === undefined || e.losses.some((kind) => options.losses!.includes(kind)))
    .map((entry) => toDay(entry, zone, prefix));
}

function toDay(entry: AwarenessEntry, zone: string, prefix: string): Day {
  const year = Math.max(AWARENESS_FIRST_YEAR, entry.since ?? AWARENESS_FIRST_YEAR);
  const { rule } = entry;
  const anchorDate =
    rule.type === 'fixed'
      ? `${year}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`
      : (nthWeekdayOfMonth(year, rule.month, rule.nth, rule.weekday) ?? '');
  return {
    key: `${prefix}:${entry.id}`,
    kind: 'awareness',
    title: entry.name,
    note: entry.description,
    sourceUrl: entry.source_url,
    anchorDate,
    recurrence: 'yearly',
    ...(rule.type === 'nth_weekday' ? { weekdayRule: { nth: rule.nth, weekday: rule.weekday } } : {}),
    ...(entry.startTime ? { startTime: entry.startTime, durationMinutes: entry.durationMinutes } : {}),
    ...(entry.durationDays ? { durationDays: entry.durationDays } : {}),
    zone,
  };
}
