import type { Kysely } from 'kysely';

// Memorial books (modules/memorial-book): a loved one's book over a range of dates, asked for by a
// parent and made by a background job. The PDF is kept in the database like the family's photos, cut
// into pieces of about a megabyte (`memorial_book_chunks`) so that neither making nor serving a book
// of hundreds of pages ever holds the whole file in memory. A book holding its asker's own private
// entries (`private_to_asker`, 0 or 1) is shown to no one else.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('memorial_books')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('loved_one_id', 'text', (c) => c.notNull().references('loved_ones.id').onDelete('cascade'))
    /** The parent who asked; the book is made with what they may see. A book is removed with them. */
    .addColumn('asked_by', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    /** 'A4' | 'LETTER' */
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('private_to_asker', 'integer', (c) => c.notNull().defaultTo(0))
    /** 'waiting' | 'making' | 'ready' | 'failed' */
    .addColumn('state', 'text', (c) => c.notNull())
    /**
     * Raised each time the job starts on the book. A job whose lease ran out may still be running
     * when the job is taken again: each try writes its own pieces and only the latest may finish.
     */
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pages_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pages_total', 'integer')
    .addColumn('byte_size', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ready_at', 'text')
    .execute();
  await db.schema
    .createIndex('memorial_books_loved_one')
    .on('memorial_books')
    .columns(['family_id', 'loved_one_id'])
    .execute();

  await db.schema
    .createTable('memorial_book_chunks')
    .addColumn('book_id', 'text', (c) => c.notNull().references('memorial_books.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('memorial_book_chunks_pk', ['book_id', 'attempt', 'seq'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('memorial_book_chunks').execute();
  await db.schema.dropTable('memorial_books').execute();
}
