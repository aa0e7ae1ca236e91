import type { Kysely } from 'kysely';

// A drawing or a voice note added with no signal waits on the phone (web/lib/uploads.ts) and is sent
// when signal returns, perhaps more than once (a lost answer, two tabs). Like `POST /api/media`
// (migration 019), the memory box's upload routes take an `Idempotency-Key`: the item remembers the
// key's SHA-256 and a digest of the bytes it came with, so a retry answers the item the key first
// made. Columns on the item rather than a table: an item is made by one upload, and removing the
// item removes its key with it. The index is unique per family; rows with no key (letters, uploads
// sent without one) hold NULL, which both databases let repeat.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  await db.schema.alterTable('memory_box_items').addColumn('upload_key_hash', 'text').execute();
  await db.schema.alterTable('memory_box_items').addColumn('upload_digest', 'text').execute();
  await db.schema
    .createIndex('memory_box_items_upload_key')
    .on('memory_box_items')
    .columns(['family_id', 'upload_key_hash'])
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('memory_box_items_upload_key').execute();
  await db.schema.alterTable('memory_box_items').dropColumn('upload_digest').execute();
  await db.schema.alterTable('memory_box_items').dropColumn('upload_key_hash').execute();
}
