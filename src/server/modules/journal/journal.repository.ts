import type { Kysely } from 'kysely';
import { entryKinds, type EntryKind, type JournalSettings } from '../../../contracts/journal.js';
import type { Database, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';

// Journal entries and members' journal settings. Every read of entries names the reader: a reader
// gets their own entries and those shared with the family's adults, never another member's private
// one, so no service can leak one by forgetting a filter.

export interface EntryRecord {
  id: string;
  lovedOneId: string;
  authorId: string;
  authorName: string;
  kind: EntryKind;
  title: string | null;
  text: string;
  writtenFor: string;
  sharedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type EntryFields = Pick<EntryRecord, 'kind' | 'title' | 'text' | 'writtenFor'>;

export interface SettingsRecord extends JournalSettings {
  promptRestedOn: string | null;
}

const entryFromRow = (row: Row<'journal_entries'> & { author_name: string }): EntryRecord => ({
  id: row.id,
  lovedOneId: row.loved_one_id,
  authorId: row.author_id,
  authorName: row.author_name,
  kind: storedEnum(entryKinds, row.kind, 'journal_entries.kind'),
  title: row.title,
  text: row.body,
  writtenFor: row.written_for,
  sharedAt: row.shared_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function journalRepository(db: Kysely<Database>) {
  /** The entries `readerId` may read in the family: their own, and those shared. */
  const readable = (familyId: string, readerId: string) =>
    db
      .selectFrom('journal_entries as e')
      .innerJoin('memberships as m', 'm.id', 'e.author_id')
      .selectAll('e')
      .select('m.display_name as author_name')
      .where('e.family_id', '=', familyId)
      .where((w) => w.or([w('e.author_id', '=', readerId), w('e.shared_at', 'is not', null)]));

  return {
    async list(familyId: string, readerId: string, lovedOneId: string): Promise<EntryRecord[]> {
      const rows = await readable(familyId, readerId)
        .where('e.loved_one_id', '=', lovedOneId)
        .orderBy('e.written_for', 'desc')
        .orderBy('e.created_at', 'desc')
        .orderBy('e.id', 'desc')
        .execute();
      return rows.map(entryFromRow);
    },

    /** Readable entries written for any of these dates (the day across the years). */
    async onDates(
      familyId: string,
      readerId: string,
      lovedOneIds: readonly string[],
      dates: readonly string[],
    ): Promise<EntryRecord[]> {
      if (lovedOneIds.length === 0 || dates.length === 0) return [];
      const rows = await readable(familyId, readerId)
        .where('e.loved_one_id', 'in', [...lovedOneIds])
        .where('e.written_for', 'in', [...dates])
        .orderBy('e.created_at')
        .orderBy('e.id')
        .execute();
      return rows.map(entryFromRow);
    },

    /** One of the writer's own entries: another member's is not found, shared or not. */
    async findOwn(familyId: string, authorId: string, id: string): Promise<EntryRecord | undefined> {
      const row = await readable(familyId, authorId)
        .where('e.author_id', '=', authorId)
        .where('e.id', '=', id)
        .executeTakeFirst();
      return row && entryFromRow(row);
    },

    async insert(
      familyId: string,
      entry: EntryFields & { id: string; lovedOneId: string; authorId: string; createdAt: string },
    ): Promise<void> {
      await db
        .insertInto('journal_entries')
        .values({
          id: entry.id,
          family_id: familyId,
          loved_one_id: entry.lovedOneId,
          author_id: entry.authorId,
          kind: entry.kind,
          title: entry.title,
          body: entry.text,
          written_for: entry.writtenFor,
          shared_at: null,
          created_at: entry.createdAt,
          updated_at: entry.createdAt,
        })
        .execute();
    },

    async update(familyId: string, authorId: string, id: string, fields: EntryFields, at: string) {
      await db
        .updateTable('journal_entries')
        .set({
          kind: fields.kind,
          title: fields.title,
          body: fields.text,
          written_for: fields.writtenFor,
          updated_at: at,
        })
        .where('family_id', '=', familyId)
        .where('author_id', '=', authorId)
        .where('id', '=', id)
        .execute();
    },

    async setShared(familyId: string, authorId: string, id: string, sharedAt: string | null) {
      await db
        .updateTable('journal_entries')
        .set({ shared_at: sharedAt })
        .where('family_id', '=', familyId)
        .where('author_id', '=', authorId)
        .where('id', '=', id)
        .execute();
    },

    async remove(familyId: string, authorId: string, id: string): Promise<void> {
      await db
        .deleteFrom('journal_entries')
        .where('family_id', '=', familyId)
        .where('author_id', '=', authorId)
        .where('id', '=', id)
        .execute();
    },

    /** A member's settings; prompts on and the day across the years shown until they choose. */
    async settings(familyId: string, memberId: string): Promise<SettingsRecord> {
      const row = await db
        .selectFrom('journal_settings')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('membership_id', '=', memberId)
        .executeTakeFirst();
      return {
        prompts: row ? row.prompts === 1 : true,
        acrossYearsHidden: row ? row.across_years_hidden === 1 : false,
        promptRestedOn: row?.prompt_rested_on ?? null,
      };
    },

    async saveSettings(familyId: string, memberId: string, settings: SettingsRecord, at: string) {
      const values = {
        prompts: settings.prompts ? 1 : 0,
        across_years_hidden: settings.acrossYearsHidden ? 1 : 0,
        prompt_rested_on: settings.promptRestedOn,
        updated_at: at,
      };
      await db
        .insertInto('journal_settings')
        .values({ ...values, membership_id: memberId, family_id: familyId })
        .onConflict((oc) => oc.column('membership_id').doUpdateSet(values))
        .execute();
    },
  };
}

export type JournalRepository = ReturnType<typeof journalRepository>;
