import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { PreparedPhoto, StoredFile } from '../media/index.js';

// Photos sent with supporters' replies, waiting for a parent to accept or decline the reply
// (migration 023). They are kept here, not in `media`, so until then no media route, list, or the
// family's room for photos can reach them; each row goes with its reply's (ON DELETE CASCADE).

export function replyPhotosRepository(db: Kysely<Database>) {
  return {
    async insert(familyId: string, replyId: string, photo: PreparedPhoto, createdAt: string): Promise<void> {
      await db
        .insertInto('supporter_reply_photos')
        .values({
          reply_id: replyId,
          family_id: familyId,
          content_type: photo.contentType,
          width: photo.width,
          height: photo.height,
          data: photo.data,
          thumbnail_content_type: photo.thumbnail.contentType,
          thumbnail: photo.thumbnail.data,
          digest: photo.digest,
          created_at: createdAt,
        })
        .execute();
    },

    /** Which of these replies have a photo waiting. */
    async waiting(familyId: string, replyIds: string[]): Promise<Set<string>> {
      if (replyIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('supporter_reply_photos')
        .select('reply_id')
        .where('family_id', '=', familyId)
        .where('reply_id', 'in', replyIds)
        .execute();
      return new Set(rows.map((r) => r.reply_id));
    },

    async file(
      familyId: string,
      replyId: string,
      which: 'file' | 'thumbnail',
    ): Promise<StoredFile | undefined> {
      const query = db
        .selectFrom('supporter_reply_photos')
        .where('family_id', '=', familyId)
        .where('reply_id', '=', replyId);
      const row =
        which === 'file'
          ? await query.select(['content_type', 'data', 'digest']).executeTakeFirst()
          : await query
              .select(['thumbnail_content_type as content_type', 'thumbnail as data', 'digest'])
              .executeTakeFirst();
      return row && { contentType: row.content_type, data: row.data, digest: row.digest };
    },

    /** The whole photo, as the media pipeline made it, to become one of the family's. */
    async find(familyId: string, replyId: string): Promise<PreparedPhoto | undefined> {
      const row = await db
        .selectFrom('supporter_reply_photos')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('reply_id', '=', replyId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        contentType: row.content_type === 'image/png' ? 'image/png' : 'image/jpeg',
        width: row.width,
        height: row.height,
        data: row.data,
        thumbnail: { contentType: 'image/webp', data: row.thumbnail },
        digest: row.digest,
      };
    },

    async remove(familyId: string, replyId: string): Promise<void> {
      await db
        .deleteFrom('supporter_reply_photos')
        .where('family_id', '=', familyId)
        .where('reply_id', '=', replyId)
        .execute();
    },
  };
}

export type ReplyPhotosRepository = ReturnType<typeof replyPhotosRepository>;
