import { z } from 'zod';
import { countryLists } from './country-lists.js';
import { HIDDEN_CHARACTERS_MESSAGE, hasHiddenCharacters, isPlainName } from './fields.js';
import { containerMaterials, keepsakeKinds, lovedOneKinds } from './loved-ones.js';
import { bags, legModes, purposes, scatterPlaces } from './trips.js';

export { scatterPlaces };

// Wire shapes of the travel rules engine (src/domain/travel-rules). The same shapes are the CLI's
// contract (`alongside rules check` and `rules ship`), so field names stay snake_case. Enumerations
// are the product's own (trips and loved ones), so a bag is `carry_on` everywhere; the CLI still
// reads `carry-on`, as written by files made before this vocabulary was settled. Messages are shown
// after the field path ("legs.0.from: Please use GB for the United Kingdom.").

export const travelModes = legModes;
export const travelBags = bags;
export const travelContainers = containerMaterials;
export const travelPurposes = purposes;
export const travelLovedOneKinds = lovedOneKinds;
/** The app's own keepsake kinds: a memory box or a blanket holds no ashes, like "other". */
export const travelKeepsakeKinds = keepsakeKinds;
/** The keepsakes the rules for carrying ashes speak about; any other kind holds none. */
export const ashKeepsakeKinds = ['ashes', 'jewellery'] as const;
export const holdsAshes = (kind: TravelKeepsakeKind): boolean =>
  (ashKeepsakeKinds as readonly string[]).includes(kind);
export const ruleSeverities = ['warning', 'required', 'recommended', 'info'] as const;
export const ruleConfidences = ['high', 'medium', 'low'] as const;

export type TravelMode = (typeof travelModes)[number];
export type TravelBag = (typeof travelBags)[number];
export type TravelKeepsakeKind = (typeof travelKeepsakeKinds)[number];
export type TravelContainer = (typeof travelContainers)[number];
export type TravelPurpose = (typeof travelPurposes)[number];
export type TravelLovedOneKind = (typeof travelLovedOneKinds)[number];
export type { ScatterPlace } from './trips.js';
export type RuleSeverity = (typeof ruleSeverities)[number];
export type RuleConfidence = (typeof ruleConfidences)[number];

/** The largest trip or shipment file the CLI reads; a trip is a few kilobytes. */
export const TRAVEL_INPUT_MAX_BYTES = 256 * 1024;

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

const countryField = (use: 'trip' | 'shipment') =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'This is missing: please give a two-letter country code such as GB.'
          : 'Please use a two-letter country code such as GB.',
    })
    .trim()
    .toUpperCase()
    .superRefine((code, ctx) => {
      const problem = countryLists().countryCodeProblem(code, use);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** An ISO 3166-1 alpha-2 code of a country that exists ("XX", "EU" and "UK" are refused kindly). */
export const countryCodeField = countryField('trip');
/** The same for a shipment, whose problems speak of sending the ashes (review 20, finding 5). */
const shipmentCountryCodeField = countryField('shipment');

/** An ISO 3166-2 subdivision ("GB-SCT", "US-CA"); whether it exists is checked by the engine. */
export const regionCodeField = z
  .string({ error: 'Please give the region as a code such as GB-SCT or US-CA.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'Please give the region as a code such as GB-SCT or US-CA.');

const PLACE_MESSAGE =
  'Please give a country code such as DE, or a region code such as DE-HE when you know the state.';

/**
 * A country (ISO 3166-1, "DE") or, when known, a region of it (ISO 3166-2, "DE-HE"); whether a
 * region exists is checked by the engine, as for the other regions.
 */
export const countryOrRegionField = z
  .string({ error: PLACE_MESSAGE })
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    if (/^[A-Z]{2}$/.test(code)) {
      const problem = countryLists().countryCodeProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    } else if (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) {
      ctx.addIssue({ code: 'custom', message: PLACE_MESSAGE });
    }
  });

// The code's shape is checked with the leg, which knows the mode: one message per field, the one for
// this kind of carrier (review 10, finding 13: an airline's name got two overlapping messages).
const carrierField = z.string({ error: "Please give the carrier's short code, such as BA." });
/**
 * The longest name of an airline, ferry, train or cruise company, as for a shipment's carrier: a
 * ferry's operator is often typed by name ("Interislander", "Irish Ferries"; review 23, finding 8).
 */
const CARRIER_NAME_MAX = 60;

const bagField = z.preprocess(
  (value) => (value === 'carry-on' ? 'carry_on' : value),
  z.enum(travelBags, { error: 'Please choose carry_on or checked.' }),
);

const nameField = (what: string) =>
  z
    .string({ error: `Please give ${what} as text.` })
    .trim()
    .min(1, `Please give ${what}.`)
    .max(80, `Please keep ${what} under 80 characters.`)
    .refine((value) => !hasHiddenCharacters(value), { message: HIDDEN_CHARACTERS_MESSAGE, abort: true })
    .refine(isPlainName, 'Please use only letters, spaces and punctuation in the name.');

const legSchema = strict(
  {
    mode: z.enum(travelModes, { error: 'Please choose how this leg travels: air, rail, road or sea.' }),
    from: countryCodeField,
    to: countryCodeField,
    carrier: carrierField.optional(),
    bag: bagField.optional(),
    /**
     * The ashes do not enter `to`: a flight ending at a change of planes (airside), or a sailing
     * ending at a port of call where the ashes stay on board.
     */
    connection: z.boolean({ error: 'Please say true or false for connection.' }).optional(),
    /** The leg is on the way home. After a scattering where no ashes come home, nothing is carried. */
    way_home: z.boolean({ error: 'Please say true or false for way_home.' }).optional(),
  },
  'the leg as an object with mode, from and to',
).superRefine((leg, ctx) => {
  // Airlines are known by their two-character IATA code or by name ("British Airways"; which names
  // we know is checked by the engine); longer codes belong to ships and trains.
  const carrier = typeof leg.carrier === 'string' ? leg.carrier : undefined;
  if (
    leg.mode === 'air' &&
    carrier !== undefined &&
    !/^[A-Za-z0-9]{2}$/.test(carrier) &&
    (carrier.trim().length === 0 || carrier.length > CARRIER_NAME_MAX || !isPlainName(carrier))
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['carrier'],
      message:
        "Please use the airline's name or two-character code, such as British Airways or BA, easyJet or U2.",
    });
  } else if (
    leg.mode !== 'air' &&
    carrier !== undefined &&
    (carrier.trim().length < 2 || carrier.length > CARRIER_NAME_MAX || !isPlainName(carrier))
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['carrier'],
      message: `Please give the company's name or short code, from 2 to ${CARRIER_NAME_MAX} characters, such as Interislander, or CCL for Carnival.`,
    });
  }
  if (leg.connection && leg.mode !== 'air' && leg.mode !== 'sea') {
    ctx.addIssue({
      code: 'custom',
      path: ['connection'],
      message:
        'A connection is a change of planes, or a port of call where the ashes stay on board; please leave it out for this leg.',
    });
  }
});

const WHOSE_MESSAGE = 'Please give whose keepsake this is: a name, or a list of names.';
const whoseName = nameField('whose keepsake this is');
const whoseNames = z
  .array(nameField('each name'), { error: WHOSE_MESSAGE })
  .min(1, 'Please give at least one name.')
  .max(10, 'Please keep to 10 names or fewer.');
/**
 * Whose ashes a keepsake holds: one name, or a list of names. A union says only "Invalid input"
 * where both ways fail, so the message is the one for the way the family wrote it.
 */
const whoseField = z.union([whoseName, whoseNames], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const as = typeof issue.input === 'string' ? whoseName : Array.isArray(issue.input) ? whoseNames : null;
    return as?.safeParse(issue.input).error?.issues[0]?.message ?? WHOSE_MESSAGE;
  },
});

const keepsakeSchema = strict(
  {
    kind: z.enum(travelKeepsakeKinds, {
      error: 'Please choose ashes, jewellery, memory_box, blanket or other.',
    }),
    container: z.enum(travelContainers, {
      error: 'Please choose what it is made of, or "unknown" if you are not sure.',
    }),
    /** How the family names it ("Jack's little box"), so two keepsakes are told apart. */
    name: nameField('the keepsake a name').optional(),
    /**
     * Whose ashes: the `name` of one of `loved_ones`, needed when there is more than one; or a list
     * of names where one urn holds more than one loved one's ashes (twins, or a parent and baby,
     * cremated together; review 23, finding 8). The app sends one loved one per keepsake.
     */
    loved_one: whoseField.optional(),
  },
  'the keepsake as an object with kind and container',
);

const lovedOneSchema = strict(
  {
    name: nameField('their name').optional(),
    kind: z.enum(travelLovedOneKinds, {
      error: 'Please choose pregnancy_loss, infant, child, adult, pet or other.',
    }),
    gestation_weeks: z
      .number({ error: 'Please give the weeks of pregnancy as a number.' })
      .int('Please give whole weeks.')
      .min(1, 'Please give the weeks of pregnancy, from 1 to 45.')
      .max(45, 'Please give the weeks of pregnancy, from 1 to 45.')
      .optional(),
    /**
     * For a baby: born alive (however briefly), or born without signs of life. The papers differ:
     * a baby born alive is registered at any gestation. Never assumed when not given.
     */
    born_alive: z.boolean({ error: 'Please say true or false for born_alive.' }).optional(),
    birth_weight_g: z
      .number({ error: 'Please give the birth weight in grams as a number.' })
      .int('Please give whole grams.')
      .min(1, 'Please give the birth weight in grams, from 1 to 7000.')
      .max(7000, 'Please give the birth weight in grams, from 1 to 7000.')
      .optional(),
    loss_country: countryCodeField.optional(),
    /**
     * Where in the country, when its nations or states differ (GB-ENG, GB-SCT, US-TX). Given alone
     * it says the country too (GB-ENG: the United Kingdom); with loss_country it must lie in it.
     */
    loss_region: regionCodeField.optional(),
    /**
     * Where the cremation was: a country ("DE") or a region ("DE-HE"). A state's own law on urns
     * (Hesse's) speaks for ashes from its crematoria, not for where the loved one died.
     */
    cremated_in: countryOrRegionField.optional(),
    /**
     * The country whose national they were, when the family says: a consulate's list for its own
     * nationals (Portugal's in Rio de Janeiro) speaks only for them (review 22, finding 8).
     */
    nationality: countryCodeField.optional(),
  },
  'the loved one as an object with a kind',
);

const scatterSchema = strict(
  {
    country: countryCodeField,
    region: regionCodeField.optional(),
    place: z.enum(scatterPlaces, {
      error: 'Please choose sea, river_or_lake, land, national_park or garden_of_remembrance.',
    }),
    /** A named place the rules know, such as "nps:dena" (Denali National Park). */
    site: z
      .string({ error: 'Please give the site as text.' })
      .regex(/^[a-z]+:[a-z0-9-]+$/, 'Please give the site as a code such as nps:dena.')
      .optional(),
    /** false when all the ashes stay where they are scattered: nothing is carried after that. */
    ashes_come_home: z.boolean({ error: 'Please say true or false for ashes_come_home.' }).optional(),
  },
  'where you will scatter, as an object with country and place',
);

export const travelRulesInputSchema = strict(
  {
    /**
     * Where the family lives. When not given, a leg marked `way_home` says it (where the trip
     * ends); otherwise it is unknown, and rules for families living somewhere are not guessed at.
     */
    home_country: countryCodeField.optional(),
    legs: z
      .array(legSchema, { error: 'Please list the legs of the journey.' })
      .min(1, 'Please add at least one leg of the journey.')
      .max(30, 'Please keep a trip to 30 legs or fewer.'),
    keepsakes: z
      .array(keepsakeSchema, { error: 'Please list the keepsakes coming along.' })
      .max(30, 'Please keep to 30 keepsakes or fewer.'),
    purpose: z.enum(travelPurposes, { error: 'Please choose carry or scatter.' }).optional(),
    scatter: scatterSchema.optional(),
    /**
     * The family travels without the ashes and collects them here (from a crematorium or funeral
     * home abroad): the legs before the first that leaves this country carry nothing, and the
     * ashes' journey sets off from it (review 28, findings 1 and 2).
     */
    collect_in: countryCodeField.optional(),
    /** One loved one; kept for trip files written before `loved_ones`. */
    loved_one: lovedOneSchema.optional(),
    loved_ones: z
      .array(lovedOneSchema, { error: 'Please list the loved ones as a list.' })
      .max(10, 'Please keep to 10 loved ones or fewer.')
      .optional(),
  },
  'the trip as an object with legs and keepsakes',
);
export type TravelRulesInput = z.infer<typeof travelRulesInputSchema>;
export type TravelLegInput = TravelRulesInput['legs'][number];
export type TravelKeepsakeInput = TravelRulesInput['keepsakes'][number];
export type TravelLovedOneInput = NonNullable<TravelRulesInput['loved_one']>;
export type TravelScatterInput = NonNullable<TravelRulesInput['scatter']>;

// ------------------------------------------------------------------------------------------------
// The answer.

/** Where a fact came from and when, kept apart: the source's own date, our reading, a person's check. */
export const provenanceSchema = z.object({
  source_url: z.string(),
  /** The date the source itself shows (YYYY, YYYY-MM or YYYY-MM-DD); null when it shows none. */
  source_date: z.string().nullable(),
  /** The day our research read the source (an archived or stored copy). */
  read_on: z.string(),
  /** The day a person last re-read the live source; null until someone does. */
  rechecked_on: z.string().nullable(),
  /** No person has re-checked it, or the last re-check is more than 12 months old. */
  stale: z.boolean(),
  confidence: z.enum(ruleConfidences),
  /** Rests on a secondary source until an official one is found; names whom to ask meanwhile. */
  awaiting_official: z.string().nullable(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const ruleRequirementSchema = provenanceSchema.extend({
  id: z.string(),
  severity: z.enum(ruleSeverities),
  title: z.string(),
  detail: z.string(),
  rule_ids: z.array(z.string()).min(1),
  /** The keepsakes it concerns, by name, when it does not concern every keepsake on the trip. */
  about: z.array(z.string()),
  /** Said for this family: e.g. that the paper it asks for does not exist for their baby. */
  for_this_family: z.string().nullable(),
});
export const ruleGapSchema = z.object({ message: z.string() });
export const ruleConflictSchema = z.object({ message: z.string(), rule_ids: z.array(z.string()).min(1) });
/** A paper asked for on this leg that does not (or may not) exist for a loved one, and what to do. */
export const paperExceptionSchema = z.object({
  loved_one: z.string(),
  message: z.string(),
  rule_ids: z.array(z.string()).min(1),
});
export type RuleRequirement = z.infer<typeof ruleRequirementSchema>;
export type RuleGap = z.infer<typeof ruleGapSchema>;
export type RuleConflict = z.infer<typeof ruleConflictSchema>;
export type PaperException = z.infer<typeof paperExceptionSchema>;

/**
 * carry: bring it. ask_first: only someone who "may ask" names it (a country the family only passes
 * through, a weak or disputed source), so the family asks before travel whether they need it (review
 * 26, finding 6). not_issued: it does not exist for this loved one. may_not_exist: it may not.
 * for_sending: have it ready for whoever sends the urn, where a country does not allow a family to
 * carry it and its source says it is sent instead (review 35, t05).
 */
export const documentStatuses = ['carry', 'ask_first', 'not_issued', 'may_not_exist', 'for_sending'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const travelDocumentSchema = z.object({
  loved_one: z.string(),
  key: z.string(),
  title: z.string(),
  detail: z.string(),
  /** Who asks for it, by name ("British Airways", "Spain"). */
  asked_by: z.array(z.string()),
  source_url: z.string(),
  /** What the family does about it (`documentStatuses`). */
  status: z.enum(documentStatuses),
  /** Why it does not (or may not) exist, completing "There is no death certificate: …". */
  reason: z.string().nullable(),
  /**
   * Why it does not exist, where every rule giving the reason agrees: the baby is not registered at
   * all (below the country's threshold), or is registered on another paper, named as its source
   * names it ("stillbirth certificate"). Both unset for a paper that exists, or when they differ.
   */
  not_registered: z.boolean(),
  registered_on: z.string().nullable(),
  /**
   * Registering on `registered_on` is the parents' choice (Ireland's stillbirths): the paper exists
   * only if they registered, so it is never said to be carried.
   */
  registration_optional: z.boolean(),
  /**
   * The region (ISO 3166-2) whose own rules give the reason (Ontario's threshold), so the note for
   * security names it with the country rather than saying it of the country; null where the rules
   * are the country's (review 17, finding 6).
   */
  reason_region: z.string().nullable(),
  /** What to carry in its place. */
  instead: z.string().nullable(),
  /** Other papers `instead` already names (a cremation certificate), so they are not asked for twice. */
  instead_includes: z.array(z.string()),
  /** Particular forms of this paper someone asks for ("the original, legalised at the consulate"). */
  forms: z.array(
    z.object({
      asked_by: z.string(),
      form: z.string(),
      /** "asks for" (a requirement), "may ask for" (a warning from a weak source), "suggests" (advice). */
      verb: z.enum(['asks for', 'may ask for', 'suggests']),
    }),
  ),
  /** Who asks for this paper and takes nothing this family has in its place (empty when it exists). */
  unmet_for: z.array(z.string()),
  /** Who asks for this paper together with every other they name, or as a condition (no substitute is known to do). */
  required_together_by: z.array(z.string()),
  rule_ids: z.array(z.string()),
});
export type TravelDocument = z.infer<typeof travelDocumentSchema>;

/** What one loved one's family carries, said first and plainly. */
export const carrySummarySchema = z.object({
  loved_one: z.string(),
  text: z.string(),
  /** Papers to bring, in order, including what is carried instead of a paper that does not exist. */
  carry: z.array(z.string()),
  not_issued: z.array(z.object({ document: z.string(), reason: z.string() })),
});
export type CarrySummary = z.infer<typeof carrySummarySchema>;

/** Something we need the family to tell us before we can be exact, asked once and gently. */
export const ruleQuestionSchema = z.object({
  /** Whom the question is about; null for a question about the trip (where to scatter). */
  loved_one: z.string().nullable(),
  field: z.enum([
    'born_alive',
    'gestation_weeks',
    'birth_weight_g',
    'loss_region',
    'cremated_in',
    'home_country',
    'loss_country',
    'scatter_place',
    'scatter_region',
    'nationality',
  ]),
  message: z.string(),
});
export type RuleQuestion = z.infer<typeof ruleQuestionSchema>;

export const travelLegOutputSchema = z.object({
  index: z.number().int().min(0),
  /** false after the ashes were scattered and none come home: nothing to carry on this leg. */
  carries_ashes: z.boolean(),
  requirements: z.array(ruleRequirementSchema),
  gaps: z.array(ruleGapSchema),
  conflicts: z.array(ruleConflictSchema),
  exceptions: z.array(paperExceptionSchema),
});

export const travelRulesOutputSchema = z.object({
  summary: z.array(carrySummarySchema),
  questions: z.array(ruleQuestionSchema),
  legs: z.array(travelLegOutputSchema),
  documents: z.array(travelDocumentSchema),
});
export type TravelRulesOutput = z.infer<typeof travelRulesOutputSchema>;
export type TravelLegOutput = TravelRulesOutput['legs'][number];

/** Sending ashes instead of carrying them: by post, courier or airline cargo. */
/**
 * Who carries a shipment: a short code ("USPS") or the company's name ("FedEx Express"); which ones
 * we know is checked by the engine. Hidden characters are refused here, so they are never repeated.
 */
const shipmentCarrierField = z
  .string({ error: "Please give the carrier's name or short code, such as Royal Mail or USPS." })
  .trim()
  .min(1, "Please give the carrier's name or short code, such as Royal Mail or USPS, or leave it out.")
  .max(60, "Please keep the carrier's name under 60 characters.")
  .refine(isPlainName, "The carrier's name has hidden characters we cannot show; please type it again.");

export const shipmentInputSchema = strict(
  { from: shipmentCountryCodeField, to: shipmentCountryCodeField, carrier: shipmentCarrierField.optional() },
  'the shipment as an object with from and to',
);
export type ShipmentInput = z.infer<typeof shipmentInputSchema>;

export const shipmentOutputSchema = z.object({
  requirements: z.array(ruleRequirementSchema),
  gaps: z.array(ruleGapSchema),
  conflicts: z.array(ruleConflictSchema),
});
export type ShipmentOutput = z.infer<typeof shipmentOutputSchema>;
