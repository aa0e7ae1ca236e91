import type { Kysely } from 'kysely';

// A loved one's nationality (ISO 3166-1 alpha-2, as `loss_country` and `cremation_country` are): a
// consulate's list may speak only for its own nationals (Portugal's in Rio de Janeiro), and the trip's
// "What to carry" page asks for it then, so the family can answer on the loved one's page. Nullable:
// a loved one saved before this, or whose family has not said, is never assumed to be anyone's
// national; the rule then still applies and the question is asked.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('loved_ones').addColumn('nationality', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('loved_ones').dropColumn('nationality').execute();
}
