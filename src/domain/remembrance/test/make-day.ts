import { daySchema, type Day } from '../day.js';

/** A valid Day for tests: every field can be overridden, and the result is checked by the schema. */
export function makeDay(overrides: Partial<Day> = {}): Day {
  return daySchema.parse({
    key: 'loved-one:jack:loss',
    kind: 'loss_anniversary',
    title: "Jack's day",
    anchorDate: '2025-03-12',
    recurrence: 'yearly',
    zone: 'Europe/London',
    ...overrides,
  });
}

export const utc = (iso: string): number => Date.parse(iso);
