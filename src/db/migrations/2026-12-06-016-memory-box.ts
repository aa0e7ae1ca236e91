import type { Kysely } from 'kysely';

// The children's memory box (modules/memory-box): drawings, letters and voice notes for a loved one.
// - A child profile may carry the month it was born ('YYYY-MM', optional), so a drawing can say
//   "Mia, 7"; without it a drawing says the name and the date only.
// - A photo or drawing may be kept for the parents only (`media.parents_only`, 0 or 1): every media
//   route then answers as if it did not exist to anyone without `parentsOnly.see`.
// - A voice note's audio is kept in the item's row (`audio`, bytea on PostgreSQL, a BLOB on SQLite),
//   as photos are kept in `media`: every server process reaches it and backups hold it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('child_profiles').addColumn('birth_month', 'text').execute();
  await db.schema
    .alterTable('media')
    .addColumn('parents_only', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('memory_box_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('loved_one_id', 'text', (c) => c.notNull().references('loved_ones.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // 'drawing' | 'letter' | 'voice'
    .addColumn('media_id', 'text', (c) => c.references('media.id').onDelete('cascade'))
    .addColumn('prompt', 'text')
    .addColumn('body', 'text')
    .addColumn('audio_content_type', 'text')
    .addColumn('audio', 'bytea')
    .addColumn('audio_seconds', 'integer')
    .addColumn('audio_digest', 'text')
    .addColumn('parents_only', 'integer', (c) => c.notNull().defaultTo(0))
    // Who made it, as the label says it: a child profile's or a member's name, and the child's age
    // in whole years on the day (kept, so a drawing made at 6 still says 6 next year).
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('by_age', 'integer')
    .addColumn('by_child_profile_id', 'text', (c) => c.references('child_profiles.id').onDelete('set null'))
    .addColumn('by_member_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('memory_box_items_family')
    .on('memory_box_items')
    .columns(['family_id', 'loved_one_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('memory_box_items').execute();
  await db.schema.alterTable('media').dropColumn('parents_only').execute();
  await db.schema.alterTable('child_profiles').dropColumn('birth_month').execute();
}
