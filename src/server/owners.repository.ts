import type { Db } from '../db/connect.js';
import { preparedFirst } from '../db/prepared.js';
import type { Database } from '../db/schema.js';

/**
 * The table each id parameter in a URL names: every one is a family-owned row (or, in
 * `personParams`, one person's), looked up by
 * `plugins/scope.ts` before a handler runs. A route with an id parameter not listed here fails at
 * start-up, so a new route cannot skip the check.
 */
export const scopedParams = {
  lovedOneId: 'loved_ones',
  keepsakeId: 'keepsakes',
  tripId: 'trips',
  legId: 'trip_legs',
  travellerId: 'trip_travellers',
  tripKeepsakeId: 'trip_keepsakes',
  itemId: 'checklist_items',
  checkId: 'leg_checks',
  confirmationId: 'check_confirmations',
  templateId: 'checklist_templates',
  dayId: 'remembrance_days',
  inboxItemId: 'inbox_items',
  sessionId: 'sessions',
  inviteId: 'invites',
  memberId: 'memberships',
  mediaId: 'media',
  childProfileId: 'child_profiles',
  supporterId: 'supporters',
  replyId: 'supporter_replies',
  ritualId: 'rituals',
  memoryItemId: 'memory_box_items',
  voiceNoteId: 'memory_box_items',
  entryId: 'journal_entries',
  journalPhotoId: 'journal_entry_photos',
  tributeId: 'tributes',
  tributeLinkId: 'tribute_links',
  bookId: 'memorial_books',
  exportId: 'family_exports',
} as const satisfies Record<string, keyof Database>;

/**
 * Id parameters naming a row that is one person's, whatever family they are in (`asked_by`, their
 * account): an archive being brought in belongs to no family until it is made.
 */
export const personParams = {
  importId: 'family_imports',
} as const satisfies Record<string, keyof Database>;

/** The name of an id parameter whose owner can be looked up. */
export type ScopedParam = keyof typeof scopedParams;
export type PersonParam = keyof typeof personParams;

/** The column a parameter's value is looked up in, where it is not the table's `id`. */
const idColumns: Partial<Record<(typeof scopedParams)[ScopedParam], 'public_id'>> = {
  // A session is named by its public id; its stored id is the hash of its cookie's token.
  sessions: 'public_id',
};

/**
 * Which family owns the row an id names: one prepared, indexed read per table (a hot path, on every
 * request naming an id not yet known to the caller's process).
 */
export function ownersRepository(db: Pick<Db, 'kysely' | 'readFirstCompiled'>) {
  const ownerQueries = new Map(
    Object.values(scopedParams).map((table) => [
      table,
      preparedFirst<[string], { family_id: string }>(db, (id) =>
        db.kysely
          .selectFrom(table)
          .select('family_id')
          .where(idColumns[table] ?? 'id', '=', id),
      ),
    ]),
  );

  const personQueries = new Map(
    Object.values(personParams).map((table) => [
      table,
      preparedFirst<[string], { asked_by: string }>(db, (id) =>
        db.kysely.selectFrom(table).select('asked_by').where('id', '=', id),
      ),
    ]),
  );

  return {
    /** Whether ids named by this parameter can be looked up. */
    knows: (name: string): name is ScopedParam => Object.hasOwn(scopedParams, name),
    knowsPerson: (name: string): name is PersonParam => Object.hasOwn(personParams, name),

    /** The id of the person (user) owning the row, or undefined when there is no such row. */
    async personOf(name: PersonParam, id: string): Promise<string | undefined> {
      return (await personQueries.get(personParams[name])!(id))?.asked_by;
    },

    /** The id of the family owning the row, or undefined when there is no such row. */
    async ownerOf(name: ScopedParam, id: string): Promise<string | undefined> {
      return (await ownerQueries.get(scopedParams[name])!(id))?.family_id;
    },
  };
}

export type OwnersRepository = ReturnType<typeof ownersRepository>;
