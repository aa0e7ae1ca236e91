import type { Kysely } from 'kysely';

// Photos on journal entries (issue 14). A photo on an entry is as private as the entry: while the
// entry is its writer's alone, so is the photo. It is re-encoded by the media pipeline like any other
// (no location or camera tags, the same limits) but kept in its own table beside the entry, not in
// `media`, so no media route, list, panel or picker can reach it by mistake; it is served only by
// the journal's own routes, which read entries as their reader may (journal.repository.ts).
// Deleting the entry deletes its photos (the foreign key), and so does deleting an account's private
// entries. The family's room counts them (media.usage asks the journal, `journalPhotoBytes`).
// `author_id` is the entry's writer, kept on the photo so an archive can say whose it is.
// An optional upload key (the `Idempotency-Key` of a phone's upload queue) is kept as its SHA-256,
// unique per family, as on memory box items (migration 025).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('journal_entry_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('journal_entries.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('thumbnail_content_type', 'text', (c) => c.notNull())
    .addColumn('thumbnail', 'bytea', (c) => c.notNull())
    .addColumn('thumbnail_byte_size', 'integer', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('upload_key_hash', 'text')
    .addColumn('upload_digest', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journal_entry_photos_entry')
    .on('journal_entry_photos')
    .columns(['family_id', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('journal_entry_photos_upload_key')
    .on('journal_entry_photos')
    .columns(['family_id', 'upload_key_hash'])
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('journal_entry_photos').execute();
}
