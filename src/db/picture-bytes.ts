import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

// The room a family's pictures take, for the tables that keep a picture and its thumbnail side by
// side with their sizes (`media`, `journal_entry_photos`). Each module owns its table and asks here
// only for the sum, so the two quota figures are counted the same way. PostgreSQL sums integers as
// a bigint, which its driver hands back as text, and an empty sum is null on both databases: the
// answer is always a plain number.

/** The tables whose rows hold a family's picture, its thumbnail and both their sizes. */
export type PictureTable = {
  [T in keyof Database]: Database[T] extends {
    family_id: string;
    byte_size: number;
    thumbnail_byte_size: number;
  }
    ? T
    : never;
}[keyof Database];

/** Bytes the family's rows of `table` take, files and thumbnails together. */
export async function pictureBytes(
  db: Kysely<Database>,
  table: PictureTable,
  familyId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => [
      eb.fn.sum<number | string | null>('byte_size').as('files'),
      eb.fn.sum<number | string | null>('thumbnail_byte_size').as('thumbnails'),
    ])
    .where('family_id', '=', familyId)
    .executeTakeFirst();
  return Number(row?.files ?? 0) + Number(row?.thumbnails ?? 0);
}
