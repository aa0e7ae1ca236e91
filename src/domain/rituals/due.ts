import { DateTime } from 'luxon';

/**
 * How long a ritual card stays once due: the rest of that day where it falls, and at least
 * 12 hours, so an arrival at 23:00 still finds its card in the morning. After that it simply goes;
 * nothing records or shows that it was not marked.
 */
export const SHOWN_AT_LEAST_HOURS = 12;

export function shownUntil(dueAt: string, zone: string): string {
  const due = DateTime.fromISO(dueAt, { zone });
  const endOfDay = due.endOf('day').plus({ milliseconds: 1 });
  const atLeast = due.plus({ hours: SHOWN_AT_LEAST_HOURS });
  return (endOfDay > atLeast ? endOfDay : atLeast).toUTC().toISO()!;
}

/** Whether a card due at `dueAt` is on show at `nowMs`. */
export function isShowing(dueAt: string, zone: string, nowMs: number): boolean {
  return Date.parse(dueAt) <= nowMs && nowMs < Date.parse(shownUntil(dueAt, zone));
}
