import type { Kysely } from 'kysely';

// A leg's destination picked from the packaged gazetteer: its GeoNames id, beside the free-text
// `to_place` (kept for places not in it, and as the name shown if a later gazetteer drops the id).
// Nullable: legs saved before this named their town only as text.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('trip_legs').addColumn('to_place_id', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('trip_legs').dropColumn('to_place_id').execute();
}
