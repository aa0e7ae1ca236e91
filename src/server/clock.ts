/** Time is injected so that every date-dependent service can be tested at a fixed moment. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The clock's moment as ISO-8601 UTC text, as timestamps are stored: sortable, portable, exact. */
export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();

/**
 * A clock that runs at the system's pace from a moment a test chose ("on the day of travel"). Only
 * built when the TEST_CLOCK setting is on, which config.ts refuses outside NODE_ENV=test; it is then
 * set through `PUT /api/test/clock` (plugins/test-clock.ts), a route no other configuration has.
 */
export interface SettableClock extends Clock {
  /** From now on the clock reads `iso`, and runs on from there. */
  set(iso: string): void;
  /** Back to the system's time. */
  reset(): void;
}

export function settableClock(): SettableClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    set(iso) {
      offset = Date.parse(iso) - Date.now();
    },
    reset() {
      offset = 0;
    },
  };
}
