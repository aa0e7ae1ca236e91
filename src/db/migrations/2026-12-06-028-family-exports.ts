import type { Kysely } from 'kysely';

// A family's archive (modules/family-data): asked for by an owner or adult, made by a background job
// as a zip streamed into pieces of about a megabyte (`family_export_chunks`), like a memorial book, so
// neither making nor sending it holds the whole archive in memory. It is the asker's alone (it holds
// their private entries) and is removed a week after it was made. Each download needs a link made
// for it: only the SHA-256 of its token is kept (`link_hash`), it works once (`link_used_at`) and for
// a short while (`link_expires_at`).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('family_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('asked_by', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    /** 'waiting' | 'making' | 'ready' | 'failed' */
    .addColumn('state', 'text', (c) => c.notNull())
    /** Raised each time the job starts on the export; only the latest try may finish. */
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_total', 'integer')
    .addColumn('byte_size', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ready_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('link_hash', 'text', (c) => c.unique())
    .addColumn('link_expires_at', 'text')
    .addColumn('link_used_at', 'text')
    .execute();
  await db.schema
    .createIndex('family_exports_family')
    .on('family_exports')
    .columns(['family_id', 'asked_by'])
    .execute();

  await db.schema
    .createTable('family_export_chunks')
    .addColumn('export_id', 'text', (c) => c.notNull().references('family_exports.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('family_export_chunks_pk', ['export_id', 'attempt', 'seq'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('family_export_chunks').execute();
  await db.schema.dropTable('family_exports').execute();
}
