import { z } from 'zod';
import { regionLiesIn } from './country-names.js';
import {
  countryCode,
  flag,
  idSchema,
  nameText,
  optionalLocalDate,
  optionalText,
  regionCode,
} from './fields.js';

export const lovedOneKinds = ['pregnancy_loss', 'infant', 'child', 'adult', 'pet', 'other'] as const;
export const keepsakeKinds = ['ashes', 'jewellery', 'memory_box', 'blanket', 'other'] as const;
export type KeepsakeKind = (typeof keepsakeKinds)[number];
export const containerMaterials = [
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
export type ContainerMaterial = (typeof containerMaterials)[number];

const lovedOneFields = {
  name: nameText('their name', 80),
  kind: z.enum(lovedOneKinds, { error: 'Please choose who they are to you.' }),
  relationship: optionalText('the relationship', 80),
  dateOfLoss: optionalLocalDate('the date of loss'),
  dueDate: optionalLocalDate('the due date'),
  dateOfBirth: optionalLocalDate('the date of birth'),
  dateOfDeath: optionalLocalDate('the date of death'),
  gestationWeeks: z
    .number({ error: 'Please give the weeks as a number.' })
    .int('Please give whole weeks.')
    .min(1, 'Please give the weeks of pregnancy, from 1 to 45.')
    .max(45, 'Please give the weeks of pregnancy, from 1 to 45.')
    .nullable()
    .optional(),
  lossCountry: countryCode('the country').nullable().optional(),
  /** England, Scotland, Wales or Northern Ireland, or a state: where rules differ inside a country. */
  lossRegion: regionCode('the part of the country').nullable().optional(),
  /** Where the cremation was: some rules follow the crematorium (each German state has its own). */
  cremationCountry: countryCode('the country').nullable().optional(),
  cremationRegion: regionCode('the part of the country').nullable().optional(),
  /**
   * Their nationality (ISO 3166-1 alpha-2). Asked only because a consulate's list may speak for its
   * own nationals alone (the travel rules' question `nationality`); null until the family says.
   */
  nationality: countryCode('their nationality').nullable().optional(),
  /**
   * For a baby: born alive (registered, with birth and death certificates at any gestation) or born
   * without signs of life. null until the family says; never assumed.
   */
  bornAlive: z
    .boolean({ error: 'Please say yes or no for whether the baby was born alive.' })
    .nullable()
    .optional(),
  birthWeightGrams: z
    .number({ error: 'Please give the weight in grams as a number.' })
    .int('Please give whole grams.')
    // The travel rules read weights up to 7,000 g (contracts/travel-rules.ts): one bound for both.
    .min(1, 'Please give the birth weight in grams, from 1 to 7,000.')
    .max(7000, 'Please give the birth weight in grams, from 1 to 7,000.')
    .nullable()
    .optional(),
  story: optionalText('the story', 5000),
};

const datesInOrder = (value: { dateOfBirth?: string | null; dateOfDeath?: string | null }) =>
  !value.dateOfBirth || !value.dateOfDeath || value.dateOfBirth <= value.dateOfDeath;
const datesMessage = {
  message: 'The date of death should not be before the date of birth.',
  path: ['dateOfDeath'],
};
/** The region must lie in the country, when both are given (the service checks a partial update). */
export const regionInCountry = (value: { lossCountry?: string | null; lossRegion?: string | null }) =>
  regionLiesIn(value.lossRegion, value.lossCountry);
export const cremationRegionInCountry = (value: {
  cremationCountry?: string | null;
  cremationRegion?: string | null;
}) => regionLiesIn(value.cremationRegion, value.cremationCountry);
export const REGION_NOT_IN_COUNTRY =
  'That part of the country is not in the country chosen; please choose one from its list.';
// A fresh object for each refine: zod rewrites the params object it is given.
const regionMessage = () => ({ message: REGION_NOT_IN_COUNTRY, path: ['lossRegion'] });
const cremationRegionMessage = () => ({ message: REGION_NOT_IN_COUNTRY, path: ['cremationRegion'] });

export const createLovedOneBody = z
  .object(lovedOneFields)
  .strict()
  .refine(datesInOrder, datesMessage)
  .refine(regionInCountry, regionMessage())
  .refine(cremationRegionInCountry, cremationRegionMessage());
export const updateLovedOneBody = z
  .object(lovedOneFields)
  .partial()
  .strict()
  .refine(datesInOrder, datesMessage)
  .refine(regionInCountry, regionMessage())
  .refine(cremationRegionInCountry, cremationRegionMessage());
export type CreateLovedOneBody = z.infer<typeof createLovedOneBody>;
export type UpdateLovedOneBody = z.infer<typeof updateLovedOneBody>;

export const lovedOneSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(lovedOneKinds),
  relationship: z.string().nullable(),
  dateOfLoss: z.string().nullable(),
  dueDate: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  dateOfDeath: z.string().nullable(),
  gestationWeeks: z.number().nullable(),
  lossCountry: z.string().nullable(),
  lossRegion: z.string().nullable(),
  cremationCountry: z.string().nullable(),
  cremationRegion: z.string().nullable(),
  nationality: z.string().nullable(),
  bornAlive: z.boolean().nullable(),
  birthWeightGrams: z.number().nullable(),
  story: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LovedOne = z.infer<typeof lovedOneSchema>;

const keepsakeFields = {
  name: nameText('a name for the keepsake', 120),
  kind: z.enum(keepsakeKinds, { error: 'Please choose what kind of keepsake this is.' }),
  container: z.enum(containerMaterials, { error: 'Please choose what it is made of, or "not sure".' }),
  sizeNote: optionalText('the size', 120),
  weightGrams: z
    .number({ error: 'Please give the weight in grams as a number.' })
    .int('Please give whole grams.')
    .min(1, 'Please give a weight above 0 grams.')
    .max(100_000, 'Please give the weight in grams (up to 100 kg).')
    .nullable()
    .optional(),
  travelsWithUs: flag('"travels with us"'),
  notes: optionalText('the notes', 2000),
};

export const createKeepsakeBody = z.object(keepsakeFields).strict();
export const updateKeepsakeBody = z.object(keepsakeFields).partial().strict();
export type CreateKeepsakeBody = z.infer<typeof createKeepsakeBody>;
export type UpdateKeepsakeBody = z.infer<typeof updateKeepsakeBody>;

export const keepsakeSchema = z.object({
  id: idSchema,
  lovedOneId: idSchema,
  lovedOneName: z.string(),
  name: z.string(),
  kind: z.enum(keepsakeKinds),
  container: z.enum(containerMaterials),
  sizeNote: z.string().nullable(),
  weightGrams: z.number().nullable(),
  travelsWithUs: z.boolean(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Keepsake = z.infer<typeof keepsakeSchema>;

export const lovedOneResponse = z.object({
  lovedOne: lovedOneSchema,
  keepsakes: z.array(keepsakeSchema),
  /** The trips each keepsake is on, by keepsake id: one on a trip is taken off it before it is removed. */
  tripsByKeepsake: z.record(z.string(), z.array(z.string())),
});
export const lovedOnesResponse = z.object({
  lovedOnes: z.array(lovedOneSchema.extend({ keepsakeCount: z.number() })),
});
/**
 * What deleting a loved one removes besides their profile and keepsakes, said before anyone is
 * asked: their memory box, and the photos only they used (their rituals', their tributes'), with the
 * room all of it takes in the family's room for photos and recordings.
 */
export const lovedOneRemovalResponse = z.object({
  removal: z.object({
    drawings: z.number(),
    letters: z.number(),
    voiceNotes: z.number(),
    photos: z.number(),
    bytes: z.number(),
  }),
});
export type LovedOneRemoval = z.infer<typeof lovedOneRemovalResponse>['removal'];
export const keepsakeResponse = z.object({ keepsake: keepsakeSchema });
export const keepsakesResponse = z.object({ keepsakes: z.array(keepsakeSchema) });
