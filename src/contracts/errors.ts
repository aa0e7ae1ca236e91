import { z } from 'zod';

// One error shape for every failure (STYLE.md rule 7). `fields` maps a field path such as
// "legs.0.from" to a message a person can act on.
export const errorCodes = [
  'validation_failed',
  /** A request the server cannot take for a reason other than its fields (wrong method, headers too large). */
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'csrf_failed',
  /** Ending another device's session needs the password again (recently): ASVS 7.5.2. */
  'reauthentication_required',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
