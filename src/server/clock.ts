/** Time is injected so that every date-dependent service can be tested at a fixed moment. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
