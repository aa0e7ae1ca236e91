import type { Kysely } from 'kysely';

// The hour, the evening before a departure, from which a trip's checks count (domain/trips/opens.ts).
// Null: the usual 18:00. A family flying at six in the morning packs in the afternoon before, and
// that packing should count.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('trips').addColumn('checks_open_hour', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('trips').dropColumn('checks_open_hour').execute();
}
