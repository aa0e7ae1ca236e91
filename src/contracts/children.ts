import { z } from 'zod';
import { idSchema, text } from './fields.js';

// Children (modules/children): child profiles managed by the family's adults, child mode on a
// handed-over phone, and a child's help with a keepsake check, which an adult always confirms.

export const childProfileSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  /** The month they were born ('YYYY-MM'), if a grown-up chose to say: a drawing's label gives their age. */
  birthMonth: z.string().nullable(),
  createdAt: z.string(),
});
export type ChildProfile = z.infer<typeof childProfileSchema>;

export const childProfilesResponse = z.object({ profiles: z.array(childProfileSchema) });
export type ChildProfilesResponse = z.infer<typeof childProfilesResponse>;

export const createChildProfileBody = z.object({ displayName: text('their name', 60) }).strict();
export type CreateChildProfileBody = z.infer<typeof createChildProfileBody>;

/** 'YYYY-MM': the month and year are enough for an age, and ask for no more than that. */
export const birthMonthSchema = z
  .string({ error: 'Please choose the month and year they were born.' })
  .regex(/^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$/, 'Please choose the month and year they were born.');

/** The month a child was born, or null to forget it. Optional: a drawing then shows name and date. */
export const updateChildProfileBody = z
  .object({ birthMonth: birthMonthSchema.nullable().optional() })
  .strict();
export type UpdateChildProfileBody = z.infer<typeof updateChildProfileBody>;

const pin = z
  .string({ error: 'Please choose a PIN of 4 to 8 digits.' })
  .regex(/^[0-9]{4,8}$/, 'Please choose a PIN of 4 to 8 digits.');

/** Handing the phone over: the PIN (4 to 8 digits) that will leave child mode. */
export const startChildModeBody = z.object({ pin }).strict();
export type StartChildModeBody = z.infer<typeof startChildModeBody>;

/** Leaving child mode: the PIN chosen when the phone was handed over, or that grown-up's password. */
export const leaveChildModeBody = z
  .object({
    pin: z
      .string({ error: 'Please type the PIN.' })
      .regex(/^[0-9]{4,8}$/, 'The PIN is 4 to 8 digits.')
      .optional(),
    password: z.string({ error: 'Please type your password.' }).min(1).max(200).optional(),
  })
  .strict()
  .refine((v) => v.pin !== undefined || v.password !== undefined, {
    message: 'Please type the PIN, or your password.',
    path: ['pin'],
  });
export type LeaveChildModeBody = z.infer<typeof leaveChildModeBody>;

/**
 * How a keepsake stands for the child: 'ask' (nobody has checked yet), 'helped' (they helped; a
 * grown-up will check too) or 'checked' (a grown-up has confirmed it).
 */
export const childKeepsakeStates = ['ask', 'helped', 'checked'] as const;

/** What child mode shows: the child's name, and each coming trip's keepsake check. */
export const childModeResponse = z.object({
  child: z.object({ id: idSchema, displayName: z.string() }),
  /** Send back in the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
  trips: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      checkId: idSchema,
      keepsakes: z.array(
        z.object({
          tripKeepsakeId: idSchema,
          lovedOneName: z.string(),
          keepsakeName: z.string(),
          state: z.enum(childKeepsakeStates),
        }),
      ),
    }),
  ),
});
export type ChildModeResponse = z.infer<typeof childModeResponse>;

/** For the grown-ups' trip page: which keepsakes a child helped check, and whether an adult has since. */
export const tripHelpsResponse = z.object({
  helps: z.array(
    z.object({
      checkId: idSchema,
      tripKeepsakeId: idSchema,
      childName: z.string(),
      lovedOneName: z.string(),
      helpedAt: z.string(),
      /** True until an adult's confirmation completes this keepsake's check. */
      awaitingGrownUp: z.boolean(),
    }),
  ),
});
export type TripHelpsResponse = z.infer<typeof tripHelpsResponse>;
