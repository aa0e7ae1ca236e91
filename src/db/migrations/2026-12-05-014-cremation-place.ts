import type { Kysely } from 'kysely';

// Where the loved one was cremated: some rules follow the crematorium, not the place of death
// (Hesse's burial law keeps the urn from relatives when the cremation was there). Nullable: a loved
// one saved before this is never assumed; the trip page asks when a rule needs it.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('loved_ones').addColumn('cremation_country', 'text').execute();
  await db.schema.alterTable('loved_ones').addColumn('cremation_region', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE drops one column at a time.
  await db.schema.alterTable('loved_ones').dropColumn('cremation_region').execute();
  await db.schema.alterTable('loved_ones').dropColumn('cremation_country').execute();
}
