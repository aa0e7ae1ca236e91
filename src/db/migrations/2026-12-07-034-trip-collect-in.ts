import type { Kysely } from 'kysely';

// Where the family collects the ashes on a trip (ISO 3166-1 alpha-2, as `scatter_country` is): a
// family that travels out without them and collects them abroad, from a crematorium or funeral home.
// The travel rules then carry nothing on the legs before the first one leaving that country, and the
// ashes' journey sets off from it (the engine's `collect_in`). Nullable: a trip saved before this, or
// whose family has not said, carries the ashes from its first leg, as it always did.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('trips').addColumn('collect_in', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('trips').dropColumn('collect_in').execute();
}
