import { z } from 'zod';

/**
 * A company a family can pick for a leg: the code the leg keeps, the name people know, and, for an
 * airline, the fuller name a booking may give where a list of IATA codes confirms it ("Delta Air
 * Lines" for Delta), so either finds it.
 */
export const carrierChoice = z.object({
  code: z.string(),
  name: z.string(),
  full_name: z.string().optional(),
});
export type CarrierChoice = z.infer<typeof carrierChoice>;

/** The choices for each way of travelling (air, rail, road, sea). */
export const carrierChoices = z.object({
  air: z.array(carrierChoice),
  rail: z.array(carrierChoice),
  road: z.array(carrierChoice),
  sea: z.array(carrierChoice),
});
export type CarrierChoices = z.infer<typeof carrierChoices>;
