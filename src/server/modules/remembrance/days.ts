import type { Day } from '../../../domain/remembrance/index.js';
import type { DayFields, RemembranceDay } from './days.repository.js';

/** What a stored day comes from: a loved one, a trip, or nothing (custom and awareness days). */
export interface DayLinks {
  lovedOneId: string | null;
  tripId: string | null;
}

/** A day the family's data implies (family-days.ts), with what it comes from. */
export type DesiredDay = Day & DayLinks;

/**
 * A stored day as the domain's Day. All-day days store no zone: they are observed on the family's
 * calendar, so the family's current home zone is used.
 */
export function dayOf(stored: RemembranceDay, familyZone: string): Day {
  // The key order is part of a reminder's signature (schedule.ts): keep it.
  return {
    key: stored.sourceKey,
    kind: stored.kind,
    title: stored.title,
    ...(stored.note !== null && { note: stored.note }),
    ...(stored.sourceUrl !== null && { sourceUrl: stored.sourceUrl }),
    anchorDate: stored.anchorDate,
    recurrence: stored.recurrence,
    ...(stored.weekdayRule !== null && { weekdayRule: stored.weekdayRule }),
    ...(stored.startTime !== null && { startTime: stored.startTime }),
    ...(stored.durationMinutes !== null && { durationMinutes: stored.durationMinutes }),
    ...(stored.durationDays !== null && { durationDays: stored.durationDays }),
    zone: stored.startTime !== null && stored.zone !== null ? stored.zone : familyZone,
    ...(stored.remindMinutes !== null && { remindMinutesBefore: stored.remindMinutes }),
  };
}

/** What a desired day says, as a stored day says it (everything but ids and timestamps). */
export function fieldsOf(day: DesiredDay): DayFields {
  return {
    lovedOneId: day.lovedOneId,
    tripId: day.tripId,
    sourceKey: day.key,
    kind: day.kind,
    title: day.title,
    anchorDate: day.anchorDate,
    recurrence: day.recurrence,
    weekdayRule: day.weekdayRule ?? null,
    durationDays: day.durationDays ?? null,
    startTime: day.startTime ?? null,
    durationMinutes: day.durationMinutes ?? null,
    zone: day.startTime !== undefined ? day.zone : null,
    sourceUrl: day.sourceUrl ?? null,
    note: day.note ?? null,
    remindMinutes: day.remindMinutesBefore ?? null,
  };
}

/** True when a stored day already says what `day` says. */
export function sameDay(stored: RemembranceDay, day: DesiredDay): boolean {
  const wanted = fieldsOf(day);
  return (Object.keys(wanted) as Array<keyof DayFields>).every((k) =>
    k === 'weekdayRule'
      ? JSON.stringify(stored.weekdayRule) === JSON.stringify(wanted.weekdayRule)
      : stored[k] === wanted[k],
  );
}
