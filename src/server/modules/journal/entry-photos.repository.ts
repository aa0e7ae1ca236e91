import type { Kysely } from 'kysely';
import { pictureBytes } from '../../../db/picture-bytes.js';
import type { Database, NewRow } from '../../../db/schema.js';

// Photos on journal entries (migration 029), kept beside their entry rather than in `media`, so no
// media route can reach them. Every read names the reader, as journal.repository.ts does: a photo
// is found only through an entry the reader may read (their own, or one shared with the adults).

export interface EntryPhotoRecord {
  id: string;
  entryId: string;
  width: number;
  height: number;
  createdAt: string;
}

/** The bytes of one photo, to send. */
export interface EntryPhotoFile {
  contentType: string;
  data: Buffer;
  digest: string;
}

export function entryPhotosRepository(db: Kysely<Database>) {
  /** Photos on entries `readerId` may read in the family. */
  const readable = (familyId: string, readerId: string) =>
    db
      .selectFrom('journal_entry_photos as p')
      .innerJoin('journal_entries as e', 'e.id', 'p.entry_id')
      .where('p.family_id', '=', familyId)
      .where('e.family_id', '=', familyId)
      .where((w) => w.or([w('e.author_id', '=', readerId), w('e.shared_at', 'is not', null)]));

  return {
    /** The photos on these entries (already read as the reader may), oldest first. */
    async onEntries(familyId: string, entryIds: readonly string[]): Promise<EntryPhotoRecord[]> {
      if (entryIds.length === 0) return [];
      const rows = await db
        .selectFrom('journal_entry_photos')
        .select(['id', 'entry_id', 'width', 'height', 'created_at'])
        .where('family_id', '=', familyId)
        .where('entry_id', 'in', [...entryIds])
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        entryId: r.entry_id,
        width: r.width,
        height: r.height,
        createdAt: r.created_at,
      }));
    },

    async countOn(familyId: string, entryId: string): Promise<number> {
      const row = await db
        .selectFrom('journal_entry_photos')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('family_id', '=', familyId)
        .where('entry_id', '=', entryId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** A photo's file or thumbnail, if the reader may read its entry. */
    async file(
      familyId: string,
      readerId: string,
      id: string,
      which: 'file' | 'thumbnail',
    ): Promise<EntryPhotoFile | undefined> {
      const query = readable(familyId, readerId).where('p.id', '=', id);
      const row =
        which === 'file'
          ? await query.select(['p.content_type', 'p.data', 'p.digest']).executeTakeFirst()
          : await query
              .select(['p.thumbnail_content_type as content_type', 'p.thumbnail as data', 'p.digest'])
              .executeTakeFirst();
      return row && { contentType: row.content_type, data: row.data, digest: row.digest };
    },

    /** The entry one of the writer's own photos is on; another member's photo is not found. */
    async entryOfOwn(familyId: string, authorId: string, id: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('journal_entry_photos')
        .select('entry_id')
        .where('family_id', '=', familyId)
        .where('author_id', '=', authorId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.entry_id;
    },

    /** The photo an upload key made, and a digest of the bytes it came with. */
    async keyed(
      familyId: string,
      keyHash: string,
    ): Promise<{ id: string; entryId: string; authorId: string; uploadDigest: string } | undefined> {
      const row = await db
        .selectFrom('journal_entry_photos')
        .select(['id', 'entry_id', 'author_id', 'upload_digest'])
        .where('family_id', '=', familyId)
        .where('upload_key_hash', '=', keyHash)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          entryId: row.entry_id,
          authorId: row.author_id,
          uploadDigest: row.upload_digest ?? '',
        }
      );
    },

    /** Keeps a photo; 'taken' when another request with the same upload key got there first. */
    async insert(row: NewRow<'journal_entry_photos'>): Promise<'saved' | 'taken'> {
      const result = await db
        .insertInto('journal_entry_photos')
        .values(row)
        .onConflict((oc) => oc.columns(['family_id', 'upload_key_hash']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'saved' : 'taken';
    },

    async remove(familyId: string, authorId: string, id: string): Promise<void> {
      await db
        .deleteFrom('journal_entry_photos')
        .where('family_id', '=', familyId)
        .where('author_id', '=', authorId)
        .where('id', '=', id)
        .execute();
    },

    /** Bytes the family's photos on entries take, files and thumbnails together (its room). */
    usedBytes: (familyId: string): Promise<number> => pictureBytes(db, 'journal_entry_photos', familyId),
  };
}

export type EntryPhotosRepository = ReturnType<typeof entryPhotosRepository>;
