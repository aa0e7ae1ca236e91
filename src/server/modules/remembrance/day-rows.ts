import { dayKinds, recurrences } from '../../../contracts/remembrance.js';
import type { Day } from '../../../domain/remembrance/index.js';
import { storedEnum } from '../../enums.js';
import type { DayRow } from './remembrance.repository.js';

/** What a stored day comes from: a loved one, a trip, or nothing (custom and awareness days). */
export interface DayLinks {
  loved_one_id: string | null;
  trip_id: string | null;
}

export type DesiredDay = Day & DayLinks;

/**
 * A stored day as the domain's Day. All-day days store no zone: they are observed on the family's
 * calendar, so the family's current home zone is used.
 */
export function dayFromRow(row: DayRow, familyZone: string): Day {
  return {
    key: row.source_key,
    kind: storedEnum(dayKinds, row.kind, 'remembrance_days.kind'),
    title: row.title,
    ...(row.note !== null && { note: row.note }),
    ...(row.source_url !== null && { sourceUrl: row.source_url }),
    anchorDate: row.anchor_date,
    recurrence: storedEnum(recurrences, row.recurrence, 'remembrance_days.recurrence'),
    ...(row.weekday_rule !== null && { weekdayRule: JSON.parse(row.weekday_rule) as Day['weekdayRule'] }),
    ...(row.start_time !== null && { startTime: row.start_time }),
    ...(row.duration_minutes !== null && { durationMinutes: row.duration_minutes }),
    ...(row.duration_days !== null && { durationDays: row.duration_days }),
    zone: row.start_time !== null && row.zone !== null ? row.zone : familyZone,
  };
}

/** The stored columns of a day (everything but ids and timestamps). */
export function columnsOf(day: DesiredDay) {
  return {
    loved_one_id: day.loved_one_id,
    trip_id: day.trip_id,
    source_key: day.key,
    kind: day.kind,
    title: day.title,
    anchor_date: day.anchorDate,
    recurrence: day.recurrence,
    weekday_rule: day.weekdayRule ? JSON.stringify(day.weekdayRule) : null,
    duration_days: day.durationDays ?? null,
    start_time: day.startTime ?? null,
    duration_minutes: day.durationMinutes ?? null,
    zone: day.startTime !== undefined ? day.zone : null,
    source_url: day.sourceUrl ?? null,
    note: day.note ?? null,
  };
}

/** True when a stored row already says what `day` says. */
export function sameDay(row: DayRow, day: DesiredDay): boolean {
  const wanted = columnsOf(day);
  return (Object.keys(wanted) as Array<keyof typeof wanted>).every((k) => row[k] === wanted[k]);
}
