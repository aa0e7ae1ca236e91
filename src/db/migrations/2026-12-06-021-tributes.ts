import type { Kysely } from 'kysely';

// Tributes (modules/tributes): a picture and a few words for a loved one on a day that matters, and
// the unlisted pages that show one by a share link. A link's token is never stored, only its
// SHA-256; a password only as its argon2 hash. Revoking sets `revoked_at` (the row stays, so the
// family sees what was shared and when it stopped); every address the link exposed answers 404
// from that moment, since each looks the link up afresh.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('tributes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('loved_one_id', 'text', (c) => c.notNull().references('loved_ones.id').onDelete('cascade'))
    /** The family's own photo; when it is removed the tribute falls back to its background. */
    .addColumn('media_id', 'text', (c) => c.references('media.id').onDelete('set null'))
    /** 'dawn' | 'sea' | 'stone' | 'night' */
    .addColumn('background', 'text', (c) => c.notNull())
    .addColumn('words', 'text')
    /** 'would_have_been' | 'years_since' | 'dates' | 'name_only' */
    .addColumn('wording', 'text', (c) => c.notNull())
    .addColumn('for_date', 'text', (c) => c.notNull())
    /** null: the suggested caption. */
    .addColumn('caption', 'text')
    .addColumn('created_by', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tributes_family').on('tributes').columns(['family_id', 'for_date']).execute();

  await db.schema
    .createTable('tribute_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('tribute_id', 'text', (c) => c.notNull().references('tributes.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tribute_links_tribute')
    .on('tribute_links')
    .columns(['family_id', 'tribute_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('tribute_links').execute();
  await db.schema.dropTable('tributes').execute();
}
