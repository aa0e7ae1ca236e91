import type { Kysely } from 'kysely';
import type { ritualOutcomes } from '../../../contracts/rituals.js';
import {
  ritualReminds,
  ritualWhens,
  type RitualMark,
  type RitualRemind,
  type RitualWhen,
} from '../../../contracts/rituals.js';
import type { Database, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';

// Rituals and their marks. Every query names the family. The loved one's name and the keepsakes
// that stand for them are read beside the ritual (as media reads who added a photo), so a card can
// say whose ritual it is and which trips it follows without a query per ritual.

export interface RitualRecord {
  id: string;
  lovedOneId: string;
  lovedOneName: string;
  title: string;
  whatToDo: string;
  when: RitualWhen;
  rrule: string | null;
  dtstartLocal: string | null;
  zone: string | null;
  whoUsually: string | null;
  childrenPart: string | null;
  /** "Remind us": null when the ritual asks for no reminder. */
  remind: RitualRemind | null;
  createdAt: string;
}

export type RitualFields = Omit<RitualRecord, 'id' | 'lovedOneId' | 'lovedOneName' | 'createdAt'>;

export interface MarkRecord {
  id: string;
  ritualId: string;
  occurrenceKey: string;
  dueAt: string;
  outcome: (typeof ritualOutcomes)[number];
  tookPart: string | null;
  line: string | null;
  mediaId: string | null;
  markedBy: string;
  markedAt: string;
}

const ritualFromRow = (row: Row<'rituals'> & { loved_one_name: string }): RitualRecord => ({
  id: row.id,
  lovedOneId: row.loved_one_id,
  lovedOneName: row.loved_one_name,
  title: row.title,
  whatToDo: row.what_to_do,
  when: storedEnum(ritualWhens, row.trigger, 'rituals.trigger'),
  rrule: row.rrule,
  dtstartLocal: row.dtstart_local,
  zone: row.zone,
  whoUsually: row.who_usually,
  childrenPart: row.children_part,
  remind: row.remind === null ? null : storedEnum(ritualReminds, row.remind, 'rituals.remind'),
  createdAt: row.created_at,
});

const ritualColumns = (fields: RitualFields) => ({
  title: fields.title,
  what_to_do: fields.whatToDo,
  trigger: fields.when,
  rrule: fields.rrule,
  dtstart_local: fields.dtstartLocal,
  zone: fields.zone,
  who_usually: fields.whoUsually,
  children_part: fields.childrenPart,
  remind: fields.remind,
});

/** An arrival ritual marked done: on arriving on `legId` (the occurrence key `arrival:<legId>`). */
export interface ArrivalMark {
  legId: string;
  markId: string;
  ritualId: string;
  title: string;
  tookPart: string | null;
  line: string | null;
  mediaId: string | null;
}

export function ritualsRepository(db: Kysely<Database>) {
  const rituals = (familyId: string) =>
    db
      .selectFrom('rituals as r')
      .innerJoin('loved_ones as l', 'l.id', 'r.loved_one_id')
      .selectAll('r')
      .select('l.name as loved_one_name')
      .where('r.family_id', '=', familyId)
      .orderBy('r.created_at')
      .orderBy('r.id');

  return {
    async list(familyId: string, lovedOneId?: string): Promise<RitualRecord[]> {
      const query = rituals(familyId);
      const rows = await (lovedOneId ? query.where('r.loved_one_id', '=', lovedOneId) : query).execute();
      return rows.map(ritualFromRow);
    },

    async find(familyId: string, id: string): Promise<RitualRecord | undefined> {
      const row = await rituals(familyId).where('r.id', '=', id).executeTakeFirst();
      return row && ritualFromRow(row);
    },

    async insert(
      familyId: string,
      ritual: RitualFields & { id: string; lovedOneId: string; createdAt: string },
    ): Promise<void> {
      await db
        .insertInto('rituals')
        .values({
          ...ritualColumns(ritual),
          id: ritual.id,
          family_id: familyId,
          loved_one_id: ritual.lovedOneId,
          created_at: ritual.createdAt,
          updated_at: ritual.createdAt,
        })
        .execute();
    },

    async update(familyId: string, id: string, fields: RitualFields, updatedAt: string): Promise<void> {
      await db
        .updateTable('rituals')
        .set({ ...ritualColumns(fields), updated_at: updatedAt })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    /** Removes the ritual; its marks go with it (foreign key). */
    async remove(familyId: string, id: string): Promise<void> {
      await db.deleteFrom('rituals').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    /** The keepsakes standing for each loved one: a trip carrying one of them follows their rituals. */
    async keepsakesOf(familyId: string, lovedOneIds: readonly string[]): Promise<Map<string, string[]>> {
      const byLovedOne = new Map<string, string[]>();
      if (lovedOneIds.length === 0) return byLovedOne;
      const rows = await db
        .selectFrom('keepsakes')
        .select(['id', 'loved_one_id'])
        .where('family_id', '=', familyId)
        .where('loved_one_id', 'in', [...lovedOneIds])
        .execute();
      for (const row of rows)
        byLovedOne.set(row.loved_one_id, [...(byLovedOne.get(row.loved_one_id) ?? []), row.id]);
      return byLovedOne;
    },

    /** The occurrence keys already marked (done or not today), per ritual. */
    async markedKeys(familyId: string, ritualIds: readonly string[]): Promise<Set<string>> {
      if (ritualIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('ritual_marks')
        .select(['ritual_id', 'occurrence_key'])
        .where('family_id', '=', familyId)
        .where('ritual_id', 'in', [...ritualIds])
        .execute();
      return new Set(rows.map((r) => `${r.ritual_id} ${r.occurrence_key}`));
    },

    /** Records a mark once per ritual and time: marking again changes nothing ('taken'). */
    async insertMark(familyId: string, mark: MarkRecord): Promise<'saved' | 'taken'> {
      const result = await db
        .insertInto('ritual_marks')
        .values({
          id: mark.id,
          family_id: familyId,
          ritual_id: mark.ritualId,
          occurrence_key: mark.occurrenceKey,
          due_at: mark.dueAt,
          outcome: mark.outcome,
          took_part: mark.tookPart,
          line: mark.line,
          media_id: mark.mediaId,
          marked_by: mark.markedBy,
          marked_at: mark.markedAt,
        })
        .onConflict((oc) => oc.columns(['ritual_id', 'occurrence_key']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'saved' : 'taken';
    },

    /** The arrival rituals marked done for a loved one, each with the leg it was arriving on. */
    async arrivalMarks(familyId: string, lovedOneId: string): Promise<ArrivalMark[]> {
      const rows = await db
        .selectFrom('ritual_marks as m')
        .innerJoin('rituals as r', 'r.id', 'm.ritual_id')
        .select(['m.id', 'm.ritual_id', 'r.title', 'm.occurrence_key', 'm.took_part', 'm.line', 'm.media_id'])
        .where('m.family_id', '=', familyId)
        .where('r.loved_one_id', '=', lovedOneId)
        .where('m.outcome', '=', 'done')
        .where('m.occurrence_key', 'like', 'arrival:%')
        .orderBy('m.due_at')
        .orderBy('m.id')
        .execute();
      return rows.map((r) => ({
        legId: r.occurrence_key.slice('arrival:'.length),
        markId: r.id,
        ritualId: r.ritual_id,
        title: r.title,
        tookPart: r.took_part,
        line: r.line,
        mediaId: r.media_id,
      }));
    },

    /** What the family did for a loved one: "done" marks only, newest first. */
    async doneMarks(familyId: string, lovedOneId: string): Promise<RitualMark[]> {
      const rows = await db
        .selectFrom('ritual_marks as m')
        .innerJoin('rituals as r', 'r.id', 'm.ritual_id')
        .leftJoin('memberships as who', 'who.id', 'm.marked_by')
        .select([
          'm.id',
          'm.ritual_id',
          'r.title',
          'm.due_at',
          'm.took_part',
          'm.line',
          'm.media_id',
          'who.display_name as marked_by_name',
          'm.marked_at',
        ])
        .where('m.family_id', '=', familyId)
        .where('r.loved_one_id', '=', lovedOneId)
        .where('m.outcome', '=', 'done')
        .orderBy('m.due_at', 'desc')
        .orderBy('m.id', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        ritualId: r.ritual_id,
        ritualTitle: r.title,
        dueAt: r.due_at,
        tookPart: r.took_part,
        line: r.line,
        mediaId: r.media_id,
        markedByName: r.marked_by_name,
        markedAt: r.marked_at,
      }));
    },
  };
}

export type RitualsRepository = ReturnType<typeof ritualsRepository>;
