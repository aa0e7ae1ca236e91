import type { Kysely } from 'kysely';

// Photos (later drawings and voice notes) live in the database, beside everything else of the
// family's (ARCHITECTURE.md, "media"): every server process reaches them, and a backup or export of
// the database holds them. Only the re-encoded image and its thumbnail are kept, never the upload:
// what came from the phone may carry where it was taken. "bytea" is PostgreSQL's binary type; SQLite
// takes any type name, and stores a Buffer as a BLOB under it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('thumbnail_content_type', 'text', (c) => c.notNull())
    .addColumn('thumbnail', 'bytea', (c) => c.notNull())
    .addColumn('thumbnail_byte_size', 'integer', (c) => c.notNull())
    /** A digest of the stored bytes: the ETag of the image and of its thumbnail. */
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_family').on('media').columns(['family_id', 'created_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('media').execute();
}
