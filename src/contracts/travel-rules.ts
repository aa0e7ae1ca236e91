import { z } from 'zod';

// Wire shapes of the travel rules engine (src/domain/travel-rules). The same shapes are the CLI's
// contract, so field names stay snake_case and enums stay exactly as written here. Messages are
// shown after the field path ("legs.0.from: Please use a two-letter country code such as GB").

export const travelModes = ['air', 'rail', 'road', 'sea'] as const;
export const travelBags = ['carry-on', 'checked'] as const;
export const travelKeepsakeKinds = ['ashes', 'jewellery', 'other'] as const;
export const travelContainers = [
  'wood',
  'plastic',
  'cardboard',
  'metal',
  'stone',
  'ceramic',
  'glass',
  'biodegradable',
  'unknown',
] as const;
export const travelPurposes = ['carry', 'scatter'] as const;
export const travelLovedOneKinds = ['pregnancy_loss', 'infant', 'child', 'adult', 'pet', 'other'] as const;
export const ruleSeverities = ['warning', 'required', 'recommended', 'info'] as const;
export const ruleConfidences = ['high', 'medium', 'low'] as const;

export type TravelMode = (typeof travelModes)[number];
export type TravelBag = (typeof travelBags)[number];
export type TravelKeepsakeKind = (typeof travelKeepsakeKinds)[number];
export type TravelContainer = (typeof travelContainers)[number];
export type TravelPurpose = (typeof travelPurposes)[number];
export type TravelLovedOneKind = (typeof travelLovedOneKinds)[number];
export type RuleSeverity = (typeof ruleSeverities)[number];
export type RuleConfidence = (typeof ruleConfidences)[number];

/** Unknown keys are refused with a message that names them, so a typo never passes silently. */
const strict = <T extends z.core.$ZodLooseShape>(shape: T, what: string) =>
  z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((key) => `"${key}"`).join(', ');
        return `We don't recognise ${keys} here; please leave it out.`;
      }
      if (issue.code === 'invalid_type') return `Please give ${what}.`;
      return undefined;
    },
  });

export const countryCodeField = z
  .string({ error: 'Please use a two-letter country code such as GB.' })
  .regex(/^[A-Z]{2}$/, 'Please use a two-letter country code such as GB.')
  .refine((code) => code !== 'UK', 'Please use GB for the United Kingdom.');

const carrierField = z
  .string({ error: "Please give the carrier's short code, such as BA." })
  .regex(
    /^[A-Za-z0-9]{2,12}$/,
    "Please use the carrier's short code, such as BA for British Airways or CCL for Carnival.",
  );

const legSchema = strict(
  {
    mode: z.enum(travelModes, { error: 'Please choose how this leg travels: air, rail, road or sea.' }),
    from: countryCodeField,
    to: countryCodeField,
    carrier: carrierField.optional(),
    bag: z.enum(travelBags, { error: 'Please choose carry-on or checked.' }).optional(),
  },
  'the leg as an object with mode, from and to',
).superRefine((leg, ctx) => {
  // Airlines are known by their two-character IATA code; longer codes belong to ships and trains.
  if (leg.mode === 'air' && leg.carrier !== undefined && leg.carrier.length !== 2) {
    ctx.addIssue({
      code: 'custom',
      path: ['carrier'],
      message: "Please use the airline's two-character code, such as BA or U2.",
    });
  }
});

const keepsakeSchema = strict(
  {
    kind: z.enum(travelKeepsakeKinds, { error: 'Please choose ashes, jewellery or other.' }),
    container: z.enum(travelContainers, {
      error: 'Please choose what it is made of, or "unknown" if you are not sure.',
    }),
  },
  'the keepsake as an object with kind and container',
);

const lovedOneSchema = strict(
  {
    kind: z.enum(travelLovedOneKinds, {
      error: 'Please choose pregnancy_loss, infant, child, adult, pet or other.',
    }),
    gestation_weeks: z
      .number({ error: 'Please give the weeks of pregnancy as a number.' })
      .int('Please give whole weeks.')
      .min(1, 'Please give the weeks of pregnancy, from 1 to 45.')
      .max(45, 'Please give the weeks of pregnancy, from 1 to 45.')
      .optional(),
    loss_country: countryCodeField.optional(),
  },
  'the loved one as an object with a kind',
);

export const travelRulesInputSchema = strict(
  {
    legs: z
      .array(legSchema, { error: 'Please list the legs of the journey.' })
      .min(1, 'Please add at least one leg of the journey.')
      .max(30, 'Please keep a trip to 30 legs or fewer.'),
    keepsakes: z
      .array(keepsakeSchema, { error: 'Please list the keepsakes coming along.' })
      .max(30, 'Please keep to 30 keepsakes or fewer.'),
    purpose: z.enum(travelPurposes, { error: 'Please choose carry or scatter.' }).optional(),
    loved_one: lovedOneSchema.optional(),
  },
  'the trip as an object with legs and keepsakes',
);
export type TravelRulesInput = z.infer<typeof travelRulesInputSchema>;
export type TravelLegInput = TravelRulesInput['legs'][number];

export const ruleRequirementSchema = z.object({
  id: z.string(),
  severity: z.enum(ruleSeverities),
  title: z.string(),
  detail: z.string(),
  source_url: z.string(),
  verified_on: z.string(),
  confidence: z.enum(ruleConfidences),
  rule_ids: z.array(z.string()).min(1),
});
export const ruleGapSchema = z.object({ message: z.string() });
export const ruleConflictSchema = z.object({ message: z.string(), rule_ids: z.array(z.string()).min(1) });
export type RuleRequirement = z.infer<typeof ruleRequirementSchema>;
export type RuleGap = z.infer<typeof ruleGapSchema>;
export type RuleConflict = z.infer<typeof ruleConflictSchema>;

export const travelDocumentSchema = z.object({
  title: z.string(),
  detail: z.string(),
  source_url: z.string(),
  may_be_missing: z.boolean(),
  instead: z.string().nullable(),
});
export type TravelDocument = z.infer<typeof travelDocumentSchema>;

export const travelRulesOutputSchema = z.object({
  legs: z.array(
    z.object({
      index: z.number().int().min(0),
      requirements: z.array(ruleRequirementSchema),
      gaps: z.array(ruleGapSchema),
      conflicts: z.array(ruleConflictSchema),
    }),
  ),
  documents: z.array(travelDocumentSchema),
});
export type TravelRulesOutput = z.infer<typeof travelRulesOutputSchema>;
export type TravelLegOutput = TravelRulesOutput['legs'][number];

/** Sending ashes instead of carrying them: by post, courier or airline cargo. */
export const shipmentInputSchema = strict(
  { from: countryCodeField, to: countryCodeField, carrier: carrierField.optional() },
  'the shipment as an object with from and to',
);
export type ShipmentInput = z.infer<typeof shipmentInputSchema>;

export const shipmentOutputSchema = z.object({
  requirements: z.array(ruleRequirementSchema),
  gaps: z.array(ruleGapSchema),
  conflicts: z.array(ruleConflictSchema),
});
export type ShipmentOutput = z.infer<typeof shipmentOutputSchema>;
