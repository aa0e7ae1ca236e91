import { z } from 'zod';

/** A company a family can pick for a leg: the code the leg keeps, and the name people know. */
export const carrierChoice = z.object({ code: z.string(), name: z.string() });
export type CarrierChoice = z.infer<typeof carrierChoice>;

/** The choices for each way of travelling (air, rail, road, sea). */
export const carrierChoices = z.object({
  air: z.array(carrierChoice),
  rail: z.array(carrierChoice),
  road: z.array(carrierChoice),
  sea: z.array(carrierChoice),
});
export type CarrierChoices = z.infer<typeof carrierChoices>;
