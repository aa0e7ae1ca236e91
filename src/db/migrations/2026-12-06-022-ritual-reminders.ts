import type { Kysely } from 'kysely';

// Rituals in reminders and the calendar (issue 12). A ritual may ask to be remembered: `remind` is
// null (not reminded, the default), 'at_time' or 'hour_before'. Rituals reach the calendar as
// remembrance days of kind 'ritual' (derived by the remembrance sync, like a trip's moments); such
// a day carries how many minutes before its time its reminder comes (`remind_minutes`), null when
// the ritual asked for none, so it shows in the calendar and the feed but never reminds.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('rituals').addColumn('remind', 'text').execute();
  await db.schema.alterTable('remembrance_days').addColumn('remind_minutes', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('remembrance_days').dropColumn('remind_minutes').execute();
  await db.schema.alterTable('rituals').dropColumn('remind').execute();
}
