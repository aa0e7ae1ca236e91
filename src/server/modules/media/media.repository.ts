import type { Kysely } from 'kysely';
import { mediaKinds, mediaUrlsOf, type MediaItem } from '../../../contracts/media.js';
import { pictureBytes } from '../../../db/picture-bytes.js';
import type { Database, NewRow, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';

// Media rows stop here: the rest of the module sees MediaItem (what the API shows) and, to serve a
// file, only its bytes, type and digest. Lists never read the bytes.
//
// Every read takes `seesParentsOnly`: without it, a row kept for the parents only (a memory box's
// private drawing) is left out of the query itself, so no route can hand it out by mistake.

type Listed = Omit<Row<'media'>, 'data' | 'thumbnail' | 'parents_only'> & { added_by_name: string | null };

const itemFromRow = (row: Listed): MediaItem => ({
  id: row.id,
  kind: storedEnum(mediaKinds, row.kind, 'media.kind'),
  contentType: storedEnum(['image/jpeg', 'image/png'] as const, row.content_type, 'media.content_type'),
  width: row.width,
  height: row.height,
  byteSize: row.byte_size,
  ...mediaUrlsOf(row.id),
  addedBy: row.added_by_name,
  from: row.from_name,
  createdAt: row.created_at,
});

/** The bytes of one stored file, to send. */
export interface StoredFile {
  contentType: string;
  data: Buffer;
  digest: string;
}

/** The photo an upload key made, and a digest of the bytes it came with. */
export interface KeyedUpload {
  mediaId: string;
  uploadDigest: string;
}

export function mediaRepository(db: Kysely<Database>) {
  const listed = () =>
    db
      .selectFrom('media as m')
      .leftJoin('memberships as who', 'who.id', 'm.added_by')
      .select([
        'm.id',
        'm.family_id',
        'm.kind',
        'm.content_type',
        'm.width',
        'm.height',
        'm.byte_size',
        'm.thumbnail_content_type',
        'm.thumbnail_byte_size',
        'm.digest',
        'm.added_by',
        'm.from_name',
        'm.created_at',
        'who.display_name as added_by_name',
      ]);

  return {
    async insert(row: NewRow<'media'>): Promise<void> {
      await db.insertInto('media').values(row).execute();
    },

    async keyed(familyId: string, keyHash: string): Promise<KeyedUpload | undefined> {
      const row = await db
        .selectFrom('media_upload_keys')
        .select(['media_id', 'upload_digest'])
        .where('family_id', '=', familyId)
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
      return row && { mediaId: row.media_id, uploadDigest: row.upload_digest };
    },

    /**
     * Remembers which photo a key made; 'taken' when another request with the same key got there
     * first (on PostgreSQL this waits for that request's transaction, so the answer is settled).
     */
    async insertKey(row: NewRow<'media_upload_keys'>): Promise<'saved' | 'taken'> {
      const result = await db
        .insertInto('media_upload_keys')
        .values(row)
        .onConflict((oc) => oc.columns(['family_id', 'key_hash']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'saved' : 'taken';
    },

    async find(familyId: string, id: string, seesParentsOnly: boolean): Promise<MediaItem | undefined> {
      const row = await listed()
        .where('m.family_id', '=', familyId)
        .where('m.id', '=', id)
        .$if(!seesParentsOnly, (q) => q.where('m.parents_only', '=', 0))
        .executeTakeFirst();
      return row && itemFromRow(row);
    },

    async list(familyId: string, seesParentsOnly: boolean): Promise<MediaItem[]> {
      const rows = await listed()
        .where('m.family_id', '=', familyId)
        .$if(!seesParentsOnly, (q) => q.where('m.parents_only', '=', 0))
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .execute();
      return rows.map(itemFromRow);
    },

    async file(
      familyId: string,
      id: string,
      which: 'file' | 'thumbnail',
      seesParentsOnly: boolean,
    ): Promise<StoredFile | undefined> {
      const query = db
        .selectFrom('media')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .$if(!seesParentsOnly, (q) => q.where('parents_only', '=', 0));
      const row =
        which === 'file'
          ? await query.select(['content_type', 'data', 'digest']).executeTakeFirst()
          : await query
              .select(['thumbnail_content_type as content_type', 'thumbnail as data', 'digest'])
              .executeTakeFirst();
      return row && { contentType: row.content_type, data: row.data, digest: row.digest };
    },

    /** Keeps a row for the parents only, or opens it to the family again. */
    async setParentsOnly(familyId: string, id: string, parentsOnly: boolean): Promise<void> {
      await db
        .updateTable('media')
        .set({ parents_only: parentsOnly ? 1 : 0 })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    /** Bytes the family's media take, files and thumbnails together. */
    usedBytes: (familyId: string): Promise<number> => pictureBytes(db, 'media', familyId),

    /** Removes several of the family's rows at once (their upload keys go with them). */
    async removeAll(familyId: string, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.deleteFrom('media').where('family_id', '=', familyId).where('id', 'in', ids).execute();
    },

    async remove(familyId: string, id: string, seesParentsOnly: boolean): Promise<boolean> {
      const result = await db
        .deleteFrom('media')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .$if(!seesParentsOnly, (q) => q.where('parents_only', '=', 0))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type MediaRepository = ReturnType<typeof mediaRepository>;
