import type { Kysely } from 'kysely';
import { dayKinds, dayRecurrences, type DayKind } from '../../../contracts/remembrance.js';
import type { Day } from '../../../domain/remembrance/index.js';
import type { Database, NewRow, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';

/** What a stored day says (everything but its ids and timestamps). */
export interface DayFields {
  lovedOneId: string | null;
  tripId: string | null;
  /** What the day comes from: `loved-one:<id>:loss`, `family:<id>:…` (awareness), a trip, or `custom:<id>`. */
  sourceKey: string;
  kind: DayKind;
  title: string;
  anchorDate: string;
  recurrence: Day['recurrence'];
  weekdayRule: NonNullable<Day['weekdayRule']> | null;
  durationDays: number | null;
  startTime: string | null;
  durationMinutes: number | null;
  /** Only a day with a start time keeps a zone; an all-day day is observed in the family's zone. */
  zone: string | null;
  sourceUrl: string | null;
  note: string | null;
  /** A ritual's day: minutes before its time that its reminder comes; null, it asks for none. */
  remindMinutes: number | null;
}

/** A remembrance day on a family's calendar: derived from its data, or one it added (custom). */
export interface RemembranceDay extends DayFields {
  id: string;
  familyId: string;
  createdAt: string;
  updatedAt: string;
}

export type NewRemembranceDay = RemembranceDay;

/** A stored day as a record; kind and recurrence are checked (an unknown one throws). */
export function dayFromRow(row: Row<'remembrance_days'>): RemembranceDay {
  return {
    id: row.id,
    familyId: row.family_id,
    lovedOneId: row.loved_one_id,
    tripId: row.trip_id,
    sourceKey: row.source_key,
    kind: storedEnum(dayKinds, row.kind, 'remembrance_days.kind'),
    title: row.title,
    anchorDate: row.anchor_date,
    recurrence: storedEnum(dayRecurrences, row.recurrence, 'remembrance_days.recurrence'),
    weekdayRule:
      row.weekday_rule === null ? null : (JSON.parse(row.weekday_rule) as NonNullable<Day['weekdayRule']>),
    durationDays: row.duration_days,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    zone: row.zone,
    sourceUrl: row.source_url,
    note: row.note,
    remindMinutes: row.remind_minutes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const columnsOf = (day: DayFields) => ({
  loved_one_id: day.lovedOneId,
  trip_id: day.tripId,
  source_key: day.sourceKey,
  kind: day.kind,
  title: day.title,
  anchor_date: day.anchorDate,
  recurrence: day.recurrence,
  weekday_rule: day.weekdayRule ? JSON.stringify(day.weekdayRule) : null,
  duration_days: day.durationDays,
  start_time: day.startTime,
  duration_minutes: day.durationMinutes,
  zone: day.zone,
  source_url: day.sourceUrl,
  note: day.note,
  remind_minutes: day.remindMinutes,
});

const rowOf = (day: NewRemembranceDay): NewRow<'remembrance_days'> => ({
  id: day.id,
  family_id: day.familyId,
  ...columnsOf(day),
  created_at: day.createdAt,
  updated_at: day.updatedAt,
});

/** The family's calendar: its remembrance days, derived (loved ones, trips, awareness) and custom. */
export function daysRepository(db: Kysely<Database>) {
  return {
    async listDays(familyId: string): Promise<RemembranceDay[]> {
      const rows = await db
        .selectFrom('remembrance_days')
        .selectAll()
        .where('family_id', '=', familyId)
        .orderBy('anchor_date')
        .execute();
      return rows.map(dayFromRow);
    },

    async findDay(familyId: string, id: string): Promise<RemembranceDay | undefined> {
      const row = await db
        .selectFrom('remembrance_days')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && dayFromRow(row);
    },

    async insertDays(days: NewRemembranceDay[]): Promise<void> {
      const rows = days.map(rowOf);
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('remembrance_days')
          .values(rows.slice(i, i + 200))
          .execute();
    },

    /** Rewrites what a day says (a derived day whose source changed). */
    async updateDay(familyId: string, id: string, day: DayFields & { updatedAt: string }): Promise<void> {
      await db
        .updateTable('remembrance_days')
        .set({ ...columnsOf(day), updated_at: day.updatedAt })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    async deleteDays(familyId: string, ids: string[]): Promise<void> {
      if (ids.length > 0)
        await db
          .deleteFrom('remembrance_days')
          .where('family_id', '=', familyId)
          .where('id', 'in', ids)
          .execute();
    },
  };
}

export type DaysRepository = ReturnType<typeof daysRepository>;
