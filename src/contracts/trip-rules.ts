import { z } from 'zod';
import { idSchema, text } from './fields.js';
import { ruleConfidences, ruleSeverities } from './travel-rules.js';

// What the trip page shows under "Carrying <name>": the engine's answer for the keepsakes of each
// loved one on the trip, with the family's own ticks.

const tick = {
  /** Stable per trip; send it back to tick or untick. */
  key: z.string(),
  ticked: z.boolean(),
  tickedByName: z.string().nullable(),
  tickedAt: z.string().nullable(),
};

export const tripRequirementSchema = z.object({
  id: z.string(),
  severity: z.enum(ruleSeverities),
  title: z.string(),
  detail: z.string(),
  sourceUrl: z.string(),
  verifiedOn: z.string(),
  confidence: z.enum(ruleConfidences),
  ruleIds: z.array(z.string()),
  /** Checked more than twelve months ago: still shown, with a note to check the source. */
  stale: z.boolean(),
  ...tick,
});

export const tripDocumentSchema = z.object({
  title: z.string(),
  detail: z.string(),
  sourceUrl: z.string(),
  mayBeMissing: z.boolean(),
  instead: z.string().nullable(),
  ...tick,
});

export const carryingSchema = z.object({
  lovedOneId: idSchema,
  name: z.string(),
  keepsakeNames: z.array(z.string()),
  legs: z.array(
    z.object({
      legId: idSchema,
      index: z.number(),
      requirements: z.array(tripRequirementSchema),
      gaps: z.array(z.object({ message: z.string() })),
      conflicts: z.array(z.object({ message: z.string(), ruleIds: z.array(z.string()) })),
    }),
  ),
  documents: z.array(tripDocumentSchema),
});
export type Carrying = z.infer<typeof carryingSchema>;

export const tripRulesResponse = z.object({
  carrying: z.array(carryingSchema),
  /** The day the answer was worked out, in the family's home zone. */
  checkedOn: z.string(),
});
export type TripRulesResponse = z.infer<typeof tripRulesResponse>;

export const tickRequirementBody = z
  .object({
    key: z
      .string({ error: 'Please say which item to tick.' })
      .min(1)
      .max(400, 'That item is not one we know.'),
    ticked: z.boolean({ error: 'Please say whether it is done.' }),
  })
  .strict();
export type TickRequirementBody = z.infer<typeof tickRequirementBody>;

export const packetQuery = z
  .object({
    paper: z.enum(['A4', 'LETTER'], { error: 'Please choose A4 or Letter paper.' }).default('A4'),
    shownName: text('the name to show', 80).optional(),
  })
  .strict();
