import type { Kysely } from 'kysely';

// A supporter's reply may carry one photo (issue 11). Until a parent accepts the reply, the photo is
// not one of the family's photos: it waits, already re-encoded by the media pipeline, in its own
// table beside the reply, so no media route, list or quota can reach it by mistake, and declining
// (or removing the supporter) deletes it with the reply's row. On acceptance it moves into `media`
// (its row then says whom it came from, `from_name`), the reply remembers which photo it became,
// and the inbox items that tell the family of it show it (`inbox_items.media_id`).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('supporter_reply_photos')
    .addColumn('reply_id', 'text', (c) =>
      c.primaryKey().references('supporter_replies.id').onDelete('cascade'),
    )
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('thumbnail_content_type', 'text', (c) => c.notNull())
    .addColumn('thumbnail', 'bytea', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supporter_reply_photos_family')
    .on('supporter_reply_photos')
    .column('family_id')
    .execute();
  await db.schema
    .alterTable('supporter_replies')
    .addColumn('media_id', 'text', (c) => c.references('media.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('media').addColumn('from_name', 'text').execute();
  await db.schema
    .alterTable('inbox_items')
    .addColumn('media_id', 'text', (c) => c.references('media.id').onDelete('set null'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('inbox_items').dropColumn('media_id').execute();
  await db.schema.alterTable('media').dropColumn('from_name').execute();
  await db.schema.alterTable('supporter_replies').dropColumn('media_id').execute();
  await db.schema.dropTable('supporter_reply_photos').execute();
}
