import type { Kysely } from 'kysely';

// The journal (modules/journal): entries and letters a member writes to or about a loved one.
// Private to the writer until they share one with the family's adults (`shared_at`); taking it
// back clears it. A member's own journal settings: whether gentle prompts show ("quiet years" turns
// them off), the day a prompt was put aside with "not today", and whether "<name>'s day across the
// years" is hidden for them.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('loved_one_id', 'text', (c) => c.notNull().references('loved_ones.id').onDelete('cascade'))
    /** The writer (a membership row stays when a member leaves; its private entries stay theirs alone). */
    .addColumn('author_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    /** 'entry' | 'letter' */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    /** The local date it is written for, in the family's zone. */
    .addColumn('written_for', 'text', (c) => c.notNull())
    /** When the writer shared it with the family's adults; null while private. */
    .addColumn('shared_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journal_entries_loved_one')
    .on('journal_entries')
    .columns(['family_id', 'loved_one_id', 'written_for'])
    .execute();

  await db.schema
    .createTable('journal_settings')
    .addColumn('membership_id', 'text', (c) =>
      c.primaryKey().references('memberships.id').onDelete('cascade'),
    )
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('prompts', 'integer', (c) => c.notNull())
    /** The member's local date on which they chose "not today" for prompts. */
    .addColumn('prompt_rested_on', 'text')
    .addColumn('across_years_hidden', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('journal_settings').execute();
  await db.schema.dropTable('journal_entries').execute();
}
