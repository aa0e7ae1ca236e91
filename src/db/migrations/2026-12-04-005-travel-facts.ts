import type { Kysely } from 'kysely';

// What the travel rules depend on and the forms did not ask: whether a baby was born alive (a baby
// born alive is registered at any gestation; one born without signs of life before a country's
// threshold is not), birth weight where a country's threshold is by weight, the region of the loss
// (the UK's nations differ), where ashes are scattered and whether any come home, and whether a
// flight is only a change of planes. All nullable: a loved one saved before this is never assumed
// either way; the app asks the family the next time it needs to know.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('loved_ones').addColumn('born_alive', 'integer').execute();
  await db.schema.alterTable('loved_ones').addColumn('birth_weight_g', 'integer').execute();
  await db.schema.alterTable('loved_ones').addColumn('loss_region', 'text').execute();
  await db.schema.alterTable('trips').addColumn('scatter_country', 'text').execute();
  await db.schema.alterTable('trips').addColumn('scatter_region', 'text').execute();
  await db.schema.alterTable('trips').addColumn('scatter_place', 'text').execute();
  await db.schema.alterTable('trips').addColumn('ashes_come_home', 'integer').execute();
  await db.schema
    .alterTable('trip_legs')
    .addColumn('is_connection', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE drops one column at a time.
  await db.schema.alterTable('trip_legs').dropColumn('is_connection').execute();
  for (const column of ['ashes_come_home', 'scatter_place', 'scatter_region', 'scatter_country'])
    await db.schema.alterTable('trips').dropColumn(column).execute();
  for (const column of ['loss_region', 'birth_weight_g', 'born_alive'])
    await db.schema.alterTable('loved_ones').dropColumn(column).execute();
}
