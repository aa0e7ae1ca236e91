import type { Kysely } from 'kysely';

// A counter on each family, raised after every change a member makes. Caches of what a family sees
// (e.g. a trip's checklist) are keyed by it, so any instance can tell with one indexed read whether
// what it holds is still current.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('families')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('families').dropColumn('revision').execute();
}
