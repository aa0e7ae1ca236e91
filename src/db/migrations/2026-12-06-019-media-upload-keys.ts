import type { Kysely } from 'kysely';

// An upload sent again (a phone that lost signal before the answer came, an offline queue replaying)
// must keep one photo, not two: `POST /api/media` takes an `Idempotency-Key`, and this table
// remembers which photo each key made. A key is a random value the phone chose; only its SHA-256 is
// kept, per family, with a digest of the bytes it came with (the same key with another photo is a
// mistake, refused). A separate table rather than columns on `media`: most photos have no key, and
// removing a photo removes its key with it (a later retry with that key makes the photo afresh).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('media_upload_keys')
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('upload_digest', 'text', (c) => c.notNull())
    .addColumn('media_id', 'text', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_upload_keys_pk', ['family_id', 'key_hash'])
    .execute();
  await db.schema.createIndex('media_upload_keys_media').on('media_upload_keys').column('media_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('media_upload_keys').execute();
}
