import { sql, type Kysely } from 'kysely';

// A confirmation's `confirmed_at` is now the moment it was tapped on the phone (bounded by the
// server's clock, see domain/trips/tapped.ts), which may be earlier than the moment it reached the
// server when it was made without signal. `received_at` keeps the latter, for the record. Rows from
// before this were stored when they arrived, so both are the same moment for them.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('check_confirmations').addColumn('received_at', 'text').execute();
  await sql`update check_confirmations set received_at = confirmed_at`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('check_confirmations').dropColumn('received_at').execute();
}
