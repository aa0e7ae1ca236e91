import type { Kysely } from 'kysely';

// What the family chose for a memorial book (modules/memorial-book): every thing they were offered
// for its days, kind by kind ('entries', 'tributes', 'rituals', 'drawings', 'photos'), in or left
// out. Making (or making again) the book puts in only what is here as in and still exists; a book
// with no rows (asked for before this) holds everything its days hold. The item's id names a row of
// another table by kind, so it is not a foreign key: a removed item is simply not found again.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('memorial_book_entries')
    .addColumn('book_id', 'text', (c) => c.notNull().references('memorial_books.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    /** 1: in the book; 0: the family left it out. */
    .addColumn('included', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('memorial_book_entries_pk', ['book_id', 'kind', 'item_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('memorial_book_entries').execute();
}
