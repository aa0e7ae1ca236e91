import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

// Which of the family's rows use a media row: the one place that knows every table pointing at
// `media`. When a loved one is deleted, their memory box items, rituals (and so their marks) and
// tributes go with them (foreign keys); the pictures those rows used go too, unless something that
// stays uses them as well (another loved one's tribute, a supporter's reply, a notice in the inbox).
// `media-uses.api.test.ts` fails when a table pointing at `media` is added and not named here.

/** Every table with a column pointing at `media`, and what it is to this file. */
export const mediaReferences = {
  memory_box_items: 'a use, by a loved one',
  ritual_marks: 'a use, by a loved one (through its ritual)',
  tributes: 'a use, by a loved one',
  supporter_replies: 'a use, by no loved one',
  inbox_items: 'a use, by no loved one',
  media_upload_keys: 'not a use: the key a photo was uploaded with, removed with it',
} as const;

/** A picture kept only for one loved one: what it is and the room it takes. */
export interface KeptOnlyFor {
  id: string;
  kind: string;
  bytes: number;
}

export function mediaUsesRepository(db: Kysely<Database>) {
  return {
    /**
     * The family's pictures that a loved one's rows use (a drawing in their memory box, a ritual
     * mark's photo, a tribute's picture) and that nothing else uses.
     */
    async keptOnlyFor(familyId: string, lovedOneId: string): Promise<KeptOnlyFor[]> {
      const rows = await db
        .selectFrom('media as m')
        .select(['m.id', 'm.kind', 'm.byte_size', 'm.thumbnail_byte_size'])
        .where('m.family_id', '=', familyId)
        .where((eb) => {
          const boxItems = (same: boolean) =>
            eb
              .selectFrom('memory_box_items as i')
              .select('i.id')
              .whereRef('i.media_id', '=', 'm.id')
              .where('i.loved_one_id', same ? '=' : '<>', lovedOneId);
          const marks = (same: boolean) =>
            eb
              .selectFrom('ritual_marks as k')
              .innerJoin('rituals as r', 'r.id', 'k.ritual_id')
              .select('k.id')
              .whereRef('k.media_id', '=', 'm.id')
              .where('r.loved_one_id', same ? '=' : '<>', lovedOneId);
          const tributes = (same: boolean) =>
            eb
              .selectFrom('tributes as t')
              .select('t.id')
              .whereRef('t.media_id', '=', 'm.id')
              .where('t.loved_one_id', same ? '=' : '<>', lovedOneId);
          const replies = eb
            .selectFrom('supporter_replies as s')
            .select('s.id')
            .whereRef('s.media_id', '=', 'm.id');
          const notices = eb
            .selectFrom('inbox_items as n')
            .select('n.id')
            .whereRef('n.media_id', '=', 'm.id');
          return eb.and([
            eb.or([eb.exists(boxItems(true)), eb.exists(marks(true)), eb.exists(tributes(true))]),
            eb.not(eb.exists(boxItems(false))),
            eb.not(eb.exists(marks(false))),
            eb.not(eb.exists(tributes(false))),
            eb.not(eb.exists(replies)),
            eb.not(eb.exists(notices)),
          ]);
        })
        .execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        bytes: Number(row.byte_size) + Number(row.thumbnail_byte_size),
      }));
    },
  };
}

export type MediaUsesRepository = ReturnType<typeof mediaUsesRepository>;
