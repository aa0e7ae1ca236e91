import type { Kysely } from 'kysely';

// An archive being brought in (modules/family-data, migration 031) is kept in the database while it
// waits for its job, in pieces of about a megabyte (`family_import_chunks`), as a made archive is
// (`family_export_chunks`, migration 028): with several instances of the app on one PostgreSQL
// database, the job may run on another instance than the one that took the upload, and no disk is
// shared. The request stores the pieces, each on its own, then marks the upload whole (`stored_at`)
// and queues the job in one transaction, so a job never meets half an upload. An import whose upload
// is not yet whole is no one's to see, and is removed if the request never finished. The pieces go
// when the import is done or failed, and with the import row (ON DELETE CASCADE: deleting the
// importer's account or the family made removes it). `family_imports.file_path` is no longer used
// (new rows hold ''): a column is not dropped, and rows from before kept their file on one disk.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  /** When the whole upload was in `family_import_chunks` (null while the request stores it). */
  await db.schema.alterTable('family_imports').addColumn('stored_at', 'text').execute();
  // Imports from before were whole when their row was written (on the disk of the instance that took them).
  await db
    .updateTable('family_imports')
    .set((eb) => ({ stored_at: eb.ref('created_at') }))
    .execute();

  await db.schema
    .createTable('family_import_chunks')
    .addColumn('import_id', 'text', (c) => c.notNull().references('family_imports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('family_import_chunks_pk', ['import_id', 'seq'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('family_import_chunks').execute();
  await db.schema.alterTable('family_imports').dropColumn('stored_at').execute();
}
