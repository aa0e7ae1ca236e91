import { z } from 'zod';
import { countryCode, idSchema } from './fields.js';

// The packaged gazetteer (towns and cities from GeoNames, searched on the server so the phone never
// downloads it) and "Places <name> has been", drawn from the trips a loved one's keepsake came on.

/** A gazetteer place's id: its GeoNames id, which GeoNames keeps for a place across its updates. */
export const placeIdSchema = z
  .string({ error: 'Please choose the place from the suggestions, or type its name instead.' })
  .trim()
  .regex(/^[1-9][0-9]{0,9}$/, 'Please choose the place from the suggestions, or type its name instead.');

export const placeSearchQuery = z
  .object({
    q: z
      .string({ error: 'Please type the start of a town or city name.' })
      .trim()
      .min(2, 'Please type at least two letters of the town or city.')
      .max(80, 'Please keep the town or city name under 80 characters.')
      // Nothing typed yet: nothing to suggest (an empty answer, not an error).
      .optional(),
    country: countryCode('the country to look in').optional(),
  })
  .strict();
export type PlaceSearchQuery = z.infer<typeof placeSearchQuery>;

export const gazetteerPlaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The region's name (a Spanish autonomous community, a US state), when GeoNames has one. */
  region: z.string().nullable(),
  country: z.string(),
  lat: z.number(),
  lon: z.number(),
});
export type GazetteerPlace = z.infer<typeof gazetteerPlaceSchema>;

export const placeSearchResponse = z.object({ places: z.array(gazetteerPlaceSchema) });
export type PlaceSearchResponse = z.infer<typeof placeSearchResponse>;

/** A photo from a ritual mark, to show small and open whole (both served to the family alone). */
export const markPhotoSchema = z.object({ mediaId: idSchema, thumbnailUrl: z.string(), url: z.string() });
export type MarkPhoto = z.infer<typeof markPhotoSchema>;

/** An arrival ritual marked done on arriving at a place ("The children set out the water"). */
export const placeArrivalSchema = z.object({
  markId: idSchema,
  ritualId: idSchema,
  title: z.string(),
  tookPart: z.string().nullable(),
  line: z.string().nullable(),
  photo: markPhotoSchema.nullable(),
});
export type PlaceArrival = z.infer<typeof placeArrivalSchema>;

/** The trip a place came from, and what to link to there. */
export const placeVisitSchema = z.object({
  tripId: idSchema,
  tripName: z.string(),
  startsOn: z.string().nullable(),
  legId: idSchema.nullable(),
  /** The ashes were scattered here on this trip. */
  scattered: z.boolean(),
  /** The arrival rituals the family marked done on arriving here, each with its photo if it has one. */
  arrivals: z.array(placeArrivalSchema),
});
export type PlaceVisit = z.infer<typeof placeVisitSchema>;

/** A town: a pin when it came from the gazetteer (`point`), otherwise listed by name. */
export const townVisitedSchema = z.object({
  key: z.string(),
  name: z.string(),
  country: z.string(),
  region: z.string().nullable(),
  placeId: z.string().nullable(),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  visits: z.array(placeVisitSchema),
});
export type TownVisited = z.infer<typeof townVisitedSchema>;

export const countryVisitedSchema = z.object({
  country: z.string(),
  visits: z.array(placeVisitSchema),
  towns: z.array(townVisitedSchema),
});
export type CountryVisited = z.infer<typeof countryVisitedSchema>;

export const lovedOnePlacesResponse = z.object({
  lovedOneId: idSchema,
  name: z.string(),
  countries: z.array(countryVisitedSchema),
});
export type LovedOnePlaces = z.infer<typeof lovedOnePlacesResponse>;
