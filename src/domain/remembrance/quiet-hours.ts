import { addDays } from './civil-date.js';
import { instantToLocal, localToInstant } from './zoned-time.js';

/**
 * Hours in which a member does not want to be disturbed, on their own wall clock. `start` is
 * included, `end` is not. When start is after end the quiet hours cross midnight (22:00–07:00).
 * Equal start and end mean no quiet hours.
 */
export interface QuietHours {
  start: string; // HH:mm
  end: string; // HH:mm
}

/**
 * A reminder that falls inside quiet hours waits until they end, the same morning or the next one.
 * The end time is itself read in the member's zone with the usual gap/overlap policy, so a quiet
 * period that ends inside a spring-forward gap ends at the first moment after it.
 */
export function afterQuietHours(dueMs: number, quiet: QuietHours | undefined, zone: string): number {
  if (!quiet || quiet.start === quiet.end) return dueMs;
  const local = instantToLocal(dueMs, zone);
  const crossesMidnight = quiet.start > quiet.end;
  if (!crossesMidnight) {
    const inside = local.time >= quiet.start && local.time < quiet.end;
    return inside ? Math.max(dueMs, localToInstant(local.date, quiet.end, zone)) : dueMs;
  }
  if (local.time >= quiet.start) return localToInstant(addDays(local.date, 1), quiet.end, zone);
  if (local.time < quiet.end) return Math.max(dueMs, localToInstant(local.date, quiet.end, zone));
  return dueMs;
}
