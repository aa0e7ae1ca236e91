import { z } from 'zod';
import { idSchema, nameText } from './fields.js';
import { documentStatuses, ruleConfidences, ruleSeverities } from './travel-rules.js';

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
  /** The date the source itself shows (YYYY, YYYY-MM or YYYY-MM-DD); null when it shows none. */
  sourceDate: z.string().nullable(),
  /** The day our research read the source. */
  readOn: z.string(),
  /** The day a person last re-read the live source; null until someone does. */
  recheckedOn: z.string().nullable(),
  /** No person has re-checked it in the last twelve months: still shown, with a word to check. */
  stale: z.boolean(),
  confidence: z.enum(ruleConfidences),
  /** Rests on a secondary source until an official one is found: whom to ask meanwhile. */
  awaitingOfficial: z.string().nullable(),
  ruleIds: z.array(z.string()),
  /** The keepsakes it concerns, when not all of them. */
  about: z.array(z.string()),
  /** What it means for this family (a paper it asks for that does not exist for them). */
  forThisFamily: z.string().nullable(),
  ...tick,
});

export const tripDocumentSchema = z.object({
  /** The kind of paper: death_certificate, cremation_certificate… */
  kind: z.string(),
  title: z.string(),
  detail: z.string(),
  askedBy: z.array(z.string()),
  sourceUrl: z.string(),
  /** carry, ask_first (ask before travel whether it is needed), not_issued, may_not_exist or for_sending (ready for whoever sends the urn). */
  status: z.enum(documentStatuses),
  reason: z.string().nullable(),
  /** The baby is not registered at all, so no death certificate (the packet's note says why). */
  notRegistered: z.boolean(),
  /** The paper the baby is registered on instead of a death certificate ("stillbirth certificate"). */
  registeredOn: z.string().nullable(),
  /** Registering on that paper is the parents' choice (Ireland), so it may not exist. */
  registrationOptional: z.boolean(),
  /** The region whose own rules give the reason (Ontario), for the note to name (review 17, 6). */
  reasonRegion: z.string().nullable(),
  instead: z.string().nullable(),
  ...tick,
});

export const carryingSchema = z.object({
  lovedOneId: idSchema,
  name: z.string(),
  keepsakeNames: z.array(z.string()),
  /** What this family carries for this loved one, said first and plainly; null before the journey is added. */
  summary: z
    .object({
      text: z.string(),
      carry: z.array(z.string()),
      notIssued: z.array(z.object({ document: z.string(), reason: z.string() })),
    })
    .nullable(),
  /**
   * Set when what is stored for this trip or loved one cannot be read by the rules (a weight saved
   * before today's bounds): "we couldn't work this out", and what to change. Never an empty answer.
   */
  unavailable: z.string().nullable(),
  /** What we need to know to be exact, asked gently. */
  questions: z.array(z.object({ field: z.string(), message: z.string() })),
  legs: z.array(
    z.object({
      legId: idSchema,
      index: z.number(),
      /** false after the ashes were scattered and none come home. */
      carriesAshes: z.boolean(),
      requirements: z.array(tripRequirementSchema),
      gaps: z.array(z.object({ message: z.string() })),
      conflicts: z.array(z.object({ message: z.string(), ruleIds: z.array(z.string()) })),
      /** Papers asked for on this leg that do not (or may not) exist for this loved one. */
      exceptions: z.array(z.object({ message: z.string(), ruleIds: z.array(z.string()) })),
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
    shownName: nameText('the name to show', 80).optional(),
  })
  .strict();
