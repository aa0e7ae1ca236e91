import type { Clock } from '../clock.js';

/** A clock that stands still until a test moves it. */
export interface TestClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function fixedClock(iso = '2026-06-01T09:00:00.000Z'): TestClock {
  let now = Date.parse(iso);
  return {
    now: () => now,
    set: (value) => {
      now = Date.parse(value);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
