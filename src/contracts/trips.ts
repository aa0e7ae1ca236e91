import { z } from 'zod';
import { regionLiesIn } from './country-names.js';
import { containerMaterials, keepsakeKinds } from './loved-ones.js';
import { placeIdSchema } from './places.js';
import {
  countryCode,
  flag,
  idSchema,
  localDateTime,
  optionalLocalDate,
  optionalText,
  regionCode,
  text,
  timeZone,
} from './fields.js';

export * from './trip-vocabulary.js';
import {
  CHECKS_OPEN_EARLIEST,
  CHECKS_OPEN_LATEST,
  bags,
  checkKinds,
  checkpointKinds,
  checkpointsByMode,
  checklistScopes,
  legModes,
  purposes,
  scatterPlaces,
  type CheckpointKind,
  type LegMode,
} from './trip-vocabulary.js';

const tripFields = {
  name: text('a name for the trip', 120),
  startsOn: optionalLocalDate('the first day'),
  endsOn: optionalLocalDate('the last day'),
  purpose: z.enum(purposes, { error: 'Please choose whether you are carrying or scattering.' }),
  requireTwoPeople: flag('asking two people to confirm'),
  notes: optionalText('the notes', 2000),
  /** Where the ashes will be scattered, for the rules of that place; only for a scattering trip. */
  scatterCountry: countryCode('the country where you will scatter').nullable().optional(),
  scatterRegion: regionCode('the part of the country where you will scatter').nullable().optional(),
  scatterPlace: z
    .enum(scatterPlaces, {
      error: 'Please choose the kind of place: sea, river or lake, land, national park or garden.',
    })
    .nullable()
    .optional(),
  /** false when all the ashes stay where they are scattered: nothing is carried after that. */
  ashesComeHome: z
    .boolean({ error: 'Please say yes or no for whether some ashes come home.' })
    .nullable()
    .optional(),
  /**
   * From which hour, the evening before each departure (on its own clock), a confirmation counts
   * for it; earlier ones are "packed early" and asked again. Null: the usual 18:00.
   */
  /**
   * Where the family collects the ashes (ISO 3166-1 alpha-2), travelling out without them: the
   * travel rules carry nothing before the first leg leaving this country (the engine's `collect_in`).
   * null: the ashes come along from the start.
   */
  collectIn: countryCode('where you collect the ashes').nullable().optional(),
  checksOpenHour: z
    .number({ error: 'Please choose the hour from which packing counts.' })
    .int({ error: 'Please choose a whole hour from which packing counts.' })
    .min(CHECKS_OPEN_EARLIEST, { error: 'Please choose an hour from 08:00 to 22:00 the day before.' })
    .max(CHECKS_OPEN_LATEST, { error: 'Please choose an hour from 08:00 to 22:00 the day before.' })
    .nullable()
    .optional(),
};
const datesInOrder = (v: { startsOn?: string | null; endsOn?: string | null }) =>
  !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;
const datesMessage = { message: 'The last day should be on or after the first day.', path: ['endsOn'] };
/** The region must lie in the scattering country, when both are given. */
export const scatterRegionInCountry = (v: {
  scatterCountry?: string | null;
  scatterRegion?: string | null;
}) => regionLiesIn(v.scatterRegion, v.scatterCountry);
export const SCATTER_REGION_NOT_IN_COUNTRY =
  'That part of the country is not in the country chosen for scattering; please choose one from its list.';
// A fresh object for each refine: zod rewrites the params object it is given.
const scatterRegionMessage = () => ({ message: SCATTER_REGION_NOT_IN_COUNTRY, path: ['scatterRegion'] });

export const createTripBody = z
  .object({ ...tripFields, templateId: idSchema.nullable().optional() })
  .strict()
  .refine(datesInOrder, datesMessage)
  .refine(scatterRegionInCountry, scatterRegionMessage());
export const updateTripBody = z
  .object(tripFields)
  .partial()
  .strict()
  .refine(datesInOrder, datesMessage)
  .refine(scatterRegionInCountry, scatterRegionMessage());
export type CreateTripBody = z.infer<typeof createTripBody>;
export type UpdateTripBody = z.infer<typeof updateTripBody>;

const carrierCode = z
  .string({ error: 'Please give the carrier code as text.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,3}$/, 'Please use the two- or three-letter code, for example BA or U2.');

const legFields = {
  label: optionalText('the label', 80),
  mode: z.enum(legModes, { error: 'Please choose how you travel: air, rail, road or sea.' }),
  fromCountry: countryCode('the country of departure'),
  toCountry: countryCode('the country of arrival'),
  fromPlace: optionalText('where you leave from', 120),
  toPlace: optionalText('where you arrive', 120),
  carrier: z
    .union([carrierCode, z.literal('').transform(() => null)])
    .nullable()
    .optional(),
  bag: z.enum(bags, { error: 'Please choose carry-on or checked.' }),
  departureLocal: localDateTime('the departure date and time'),
  departureZone: timeZone,
  isReturn: flag('the way home'),
  /**
   * The keepsakes do not enter the country at the end of this leg: a change of planes (airside),
   * or a port of call on a cruise where they stay on board. Flights and sailings only.
   */
  connection: flag('"only changing planes" or "a port of call"').optional(),
  checkpoints: z
    .array(z.enum(checkpointKinds, { error: 'Please choose checkpoints from the list.' }))
    .max(checkpointKinds.length)
    .optional(),
  /** Where you arrive, picked from the gazetteer (GET /api/places); `toPlace` holds its name. */
  toPlaceId: placeIdSchema.nullable().optional(),
  /** When the leg arrives, on the wall clock where it arrives (optional; rituals on arrival use it). */
  arrivalLocal: z
    .union([localDateTime('the arrival date and time'), z.literal('').transform(() => null)])
    .nullable()
    .optional(),
  arrivalZone: z
    .union([timeZone, z.literal('').transform(() => null)])
    .nullable()
    .optional(),
};
const checkpointsSuitMode = (v: { mode?: LegMode; checkpoints?: CheckpointKind[] | undefined }) =>
  !v.mode || !v.checkpoints || v.checkpoints.every((c) => checkpointsByMode[v.mode!].includes(c));
const checkpointsMessage = {
  message: 'Some checkpoints do not suit this way of travelling.',
  path: ['checkpoints'],
};

/** A flight can end at a change of planes and a sailing at a port of call; nothing else can. */
export const canStopWithoutEntering = (mode: LegMode): boolean => mode === 'air' || mode === 'sea';

/**
 * Countries with no airside transit: changing planes there still means entering, so their rules
 * for arriving apply. The US suspended transit without a visa in 2003 and processes every
 * international arrival at the first US airport (the rule us-transit-enters says so, with its
 * source). Shared so the leg form never promises otherwise.
 */
export const ENTERED_WHEN_CHANGING_PLANES: ReadonlySet<string> = new Set(['US']);
export const connectionNotForThisMode =
  'Only a flight (a change of planes) or a sailing (a port of call) can stop without entering the country; please untick it for this leg.';

const connectionSuitsMode = (v: { mode?: LegMode; connection?: boolean | undefined }) =>
  !v.connection || !v.mode || canStopWithoutEntering(v.mode);
const connectionMessage = { message: connectionNotForThisMode, path: ['connection'] };

/** An arrival time needs its zone (and a zone its time); the server checks it comes after departure. */
const arrivalHasZone = (v: { arrivalLocal?: string | null; arrivalZone?: string | null }) =>
  v.arrivalLocal === undefined || !v.arrivalLocal || !!v.arrivalZone;
const arrivalZoneMessage = {
  message: 'Please choose the time zone where you arrive.',
  path: ['arrivalZone'],
};
export const arrivalBeforeDeparture = 'Please give an arrival after the departure.';

export const createLegBody = z
  .object(legFields)
  .strict()
  .refine(checkpointsSuitMode, checkpointsMessage)
  .refine(connectionSuitsMode, connectionMessage)
  .refine(arrivalHasZone, arrivalZoneMessage);
export const updateLegBody = z
  .object(legFields)
  .partial()
  .strict()
  .refine(checkpointsSuitMode, checkpointsMessage)
  .refine(connectionSuitsMode, connectionMessage)
  .refine(arrivalHasZone, arrivalZoneMessage);
export type CreateLegBody = z.infer<typeof createLegBody>;
export type UpdateLegBody = z.infer<typeof updateLegBody>;

export const createTravellerBody = z
  .object({
    memberId: idSchema.nullable().optional(),
    name: text('their name', 80).optional(),
    isChild: flag('whether they are a child'),
  })
  .strict()
  .refine((v) => Boolean(v.memberId) !== Boolean(v.name), {
    message: 'Please choose a family member, or give the name of someone without an account.',
    path: ['name'],
  });
export type CreateTravellerBody = z.infer<typeof createTravellerBody>;

/**
 * A traveller added without an account who has since joined the family: linked to their member,
 * they stay the same traveller, so what they confirmed stays theirs.
 */
export const linkTravellerBody = z.object({ memberId: idSchema }).strict();
export type LinkTravellerBody = z.infer<typeof linkTravellerBody>;

export const addTripKeepsakeBody = z
  .object({
    keepsakeId: idSchema,
    carrierTravellerId: idSchema.nullable().optional(),
    bagDescription: text('which bag it travels in', 80),
  })
  .strict();
export const updateTripKeepsakeBody = z
  .object({
    carrierTravellerId: idSchema.nullable().optional(),
    bagDescription: text('which bag it travels in', 80).optional(),
  })
  .strict();
export type AddTripKeepsakeBody = z.infer<typeof addTripKeepsakeBody>;
export type UpdateTripKeepsakeBody = z.infer<typeof updateTripKeepsakeBody>;

export const createChecklistItemBody = z
  .object({
    label: text('the item', 120),
    scope: z.enum(checklistScopes, { error: 'Please choose personal or shared.' }),
    ownerTravellerId: idSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => v.scope === 'shared' || Boolean(v.ownerTravellerId), {
    message: 'Please choose whose item this is.',
    path: ['ownerTravellerId'],
  });
export const updateChecklistItemBody = z
  .object({
    label: text('the item', 120).optional(),
    checked: flag('packed').optional(),
    /** Unticking a travelling keepsake is never silent: the caller must say they mean it. */
    confirmUntick: z.literal(true).optional(),
  })
  .strict();
export type CreateChecklistItemBody = z.infer<typeof createChecklistItemBody>;
export type UpdateChecklistItemBody = z.infer<typeof updateChecklistItemBody>;

export const confirmKeepsakesBody = z
  .object({
    travellerId: idSchema,
    tripKeepsakeIds: z
      .array(idSchema, { error: 'Please choose which keepsakes you have.' })
      .min(1, 'Please choose which keepsakes you have.')
      .max(50),
    /**
     * When the person tapped "I have Jack", as the phone's clock read it: a confirmation kept on the
     * phone without signal is recorded at that moment, not when it reached the server. The server
     * bounds it by its own clock (domain/trips/tapped.ts); left out, the confirmation is recorded
     * when it arrives.
     */
    tappedAt: z.iso
      .datetime({ offset: true, error: 'The time of the tap should be a date and time.' })
      .optional(),
  })
  .strict();
export type ConfirmKeepsakesBody = z.infer<typeof confirmKeepsakesBody>;

export const saveTemplateBody = z.object({ name: text('a name for the list', 80) }).strict();
export type SaveTemplateBody = z.infer<typeof saveTemplateBody>;

// ---- responses -------------------------------------------------------------------------------

export const progressSchema = z.object({
  checklistDone: z.number(),
  checklistTotal: z.number(),
  checksComplete: z.number(),
  checksTotal: z.number(),
});

export const tripSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  purpose: z.enum(purposes),
  requireTwoPeople: z.boolean(),
  notes: z.string().nullable(),
  scatterCountry: z.string().nullable(),
  scatterRegion: z.string().nullable(),
  scatterPlace: z.enum(scatterPlaces).nullable(),
  ashesComeHome: z.boolean().nullable(),
  /** Where the family collects the ashes abroad; null: they come along from the start. */
  collectIn: z.string().nullable(),
  /** The hour the evening before each departure from which its checks count (the usual one if not chosen). */
  checksOpenHour: z.number(),
  firstDepartureUtc: z.string().nullable(),
  keepsakeNames: z.array(z.string()),
  progress: progressSchema,
});
export type TripSummary = z.infer<typeof tripSummarySchema>;

export const travellerSchema = z.object({
  id: idSchema,
  name: z.string(),
  memberId: idSchema.nullable(),
  isChild: z.boolean(),
});
export type Traveller = z.infer<typeof travellerSchema>;

export const tripKeepsakeSchema = z.object({
  id: idSchema,
  keepsakeId: idSchema,
  name: z.string(),
  lovedOneName: z.string(),
  kind: z.enum(keepsakeKinds),
  container: z.enum(containerMaterials),
  carrierTravellerId: idSchema.nullable(),
  carrierName: z.string().nullable(),
  bagDescription: z.string(),
});
export type TripKeepsake = z.infer<typeof tripKeepsakeSchema>;

export const confirmationSchema = z.object({
  id: idSchema,
  travellerId: idSchema,
  travellerName: z.string(),
  recordedByName: z.string(),
  /** When it was tapped (bounded by the server's clock). */
  confirmedAt: z.string(),
  /** Made before the check opened ("packed early"): shown, not counted. */
  early: z.boolean(),
});

export const legCheckSchema = z.object({
  id: idSchema,
  kind: z.enum(checkKinds),
  complete: z.boolean(),
  requiredConfirmers: z.number(),
  keepsakes: z.array(
    z.object({ tripKeepsakeId: idSchema, complete: z.boolean(), confirmations: z.array(confirmationSchema) }),
  ),
  completedAt: z.string().nullable(),
  /**
   * When the check opened: the evening before the departure (domain/trips/opens.ts). Confirmations
   * from before then are early and do not count; the check asks again from this moment.
   */
  opensAt: z.string(),
  /** When confirmations made before the check opened would have completed it, if they would. */
  packedEarlyAt: z.string().nullable(),
});
export type LegCheck = z.infer<typeof legCheckSchema>;

export const legSchema = z.object({
  id: idSchema,
  position: z.number(),
  label: z.string().nullable(),
  mode: z.enum(legModes),
  fromCountry: z.string(),
  toCountry: z.string(),
  fromPlace: z.string().nullable(),
  toPlace: z.string().nullable(),
  carrier: z.string().nullable(),
  bag: z.enum(bags),
  departureLocal: z.string(),
  departureZone: z.string(),
  departureUtc: z.string(),
  isReturn: z.boolean(),
  connection: z.boolean(),
  checks: z.array(legCheckSchema),
  toPlaceId: z.string().nullable(),
  arrivalLocal: z.string().nullable(),
  arrivalZone: z.string().nullable(),
  arrivalUtc: z.string().nullable(),
  /** When the family tapped "We've arrived" for this leg. */
  arrivedAt: z.string().nullable(),
});
export type Leg = z.infer<typeof legSchema>;

export const tripDetailResponse = z.object({
  trip: tripSummarySchema,
  travellers: z.array(travellerSchema),
  keepsakes: z.array(tripKeepsakeSchema),
  legs: z.array(legSchema),
  can: z.object({ edit: z.boolean(), tick: z.boolean(), confirm: z.boolean() }),
});
export type TripDetail = z.infer<typeof tripDetailResponse>;

export const tripsResponse = z.object({ trips: z.array(tripSummarySchema) });

export const checklistItemSchema = z.object({
  id: idSchema,
  label: z.string(),
  scope: z.enum(checklistScopes),
  ownerTravellerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  position: z.number(),
  checked: z.boolean(),
  checkedAt: z.string().nullable(),
  checkedByName: z.string().nullable(),
  untickedAt: z.string().nullable(),
  untickedByName: z.string().nullable(),
  pinned: z.boolean(),
  keepsake: z
    .object({
      tripKeepsakeId: idSchema,
      lovedOneName: z.string(),
      carrierName: z.string().nullable(),
      bagDescription: z.string(),
    })
    .nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistResponse = z.object({
  items: z.array(checklistItemSchema),
  progress: z.object({ done: z.number(), total: z.number() }),
});
export type Checklist = z.infer<typeof checklistResponse>;
export const checklistItemResponse = z.object({ item: checklistItemSchema });

export const templateSchema = z.object({
  id: idSchema,
  name: z.string(),
  itemCount: z.number(),
  createdAt: z.string(),
});
export const templatesResponse = z.object({ templates: z.array(templateSchema) });
export const templateResponse = z.object({ template: templateSchema });
