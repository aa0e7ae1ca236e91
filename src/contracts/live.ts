import { z } from 'zod';

// The family's live notices (GET /api/family/events). A notice says only that the family's data
// changed and its revision (a counter raised by every change); it carries no data, so what a member
// may see stays decided by the ordinary read routes, which the app asks again.

/** The revision the app has seen; if the family has moved on since, the first event says so at once. */
export const familyEventsQuery = z
  .object({
    since: z.coerce
      .number({ error: 'Please give the revision as a whole number.' })
      .int('Please give the revision as a whole number.')
      .min(0, 'Please give the revision as a whole number.')
      .max(Number.MAX_SAFE_INTEGER, 'Please give the revision as a whole number.')
      .optional(),
  })
  .strict();
export type FamilyEventsQuery = z.infer<typeof familyEventsQuery>;

/**
 * Asked without `Accept: text/event-stream`, the route answers once, with the family's revision.
 * As a stream (`text/event-stream`), each event is `event: changed`, `id: <revision>` and this as its
 * data; comment lines keep the connection open through proxies.
 */
export const familyRevisionResponse = z.object({ revision: z.number().int().min(0) });
export type FamilyRevision = z.infer<typeof familyRevisionResponse>;

/** The name of the stream's events. */
export const FAMILY_CHANGED_EVENT = 'changed';
