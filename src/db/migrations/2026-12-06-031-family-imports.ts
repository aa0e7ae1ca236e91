import type { Kysely } from 'kysely';

// Bringing a family's archive in (modules/family-data), as a background job: the request keeps the
// uploaded zip as a file under the data directory, checks it, and stores this row; the job writes
// the new family in short pieces and says how far it has come here. The row is its asker's alone
// (`asked_by`, their account: they are in no family of the new one until it is complete) and goes
// with their account. `made_family_id` names the family being written, then made: until the row is
// `done` that family is half-made, and a retry or a failure removes it (the row is detached from it
// first); once made, deleting the family deletes the row with it. No secret is kept here: invites
// are made by the family module, stored hashed, and never written into `result`.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('family_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asked_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** Where the uploaded zip waits under the data directory until the job is done with it. */
    .addColumn('file_path', 'text', (c) => c.notNull())
    /** 'queued' | 'working' | 'done' | 'failed' */
    .addColumn('state', 'text', (c) => c.notNull())
    /** Raised each time the job starts on the import; only the latest try may write. */
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    /** The family's name as the archive gives it (shown while it comes in). */
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('made_family_id', 'text', (c) => c.references('families.id').onDelete('cascade'))
    .addColumn('files_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_total', 'integer', (c) => c.notNull().defaultTo(0))
    /** Once done: the members invited and the notes, as JSON (names and roles; never a link). */
    .addColumn('result', 'text')
    /** Once failed: why, in words for the family. */
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('family_imports_asker')
    .on('family_imports')
    .columns(['asked_by', 'created_at'])
    .execute();
  await db.schema
    .createIndex('family_imports_made_family')
    .on('family_imports')
    .column('made_family_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('family_imports').execute();
}
