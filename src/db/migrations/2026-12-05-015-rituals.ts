import type { Kysely } from 'kysely';

// Rituals (modules/rituals): what a family does for a loved one, on a schedule (an RFC 5545 RRULE
// and a DTSTART kept as wall-clock time with its zone, never as UTC, so "every 1 July at 19:00"
// stays 19:00 across daylight saving) or on a trip's event. Marks say what the family did or that
// it was not today; a "not today" is kept only so the card goes away, and is never counted or shown.
// Legs gain an optional arrival time (local, with its zone and its UTC instant) and the moment the
// family tapped "We've arrived".

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  await db.schema.alterTable('trip_legs').addColumn('arrival_local', 'text').execute();
  await db.schema.alterTable('trip_legs').addColumn('arrival_zone', 'text').execute();
  await db.schema.alterTable('trip_legs').addColumn('arrival_utc', 'text').execute();
  await db.schema.alterTable('trip_legs').addColumn('arrived_at', 'text').execute();

  await db.schema
    .createTable('rituals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('loved_one_id', 'text', (c) => c.notNull().references('loved_ones.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('what_to_do', 'text', (c) => c.notNull())
    /** 'schedule' | 'arrival' | 'evening_before' | 'first_night_home' */
    .addColumn('trigger', 'text', (c) => c.notNull())
    /** For a schedule: the RRULE value (null for a single date), DTSTART's wall time and its zone. */
    .addColumn('rrule', 'text')
    .addColumn('dtstart_local', 'text')
    .addColumn('zone', 'text')
    .addColumn('who_usually', 'text')
    .addColumn('children_part', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rituals_loved_one')
    .on('rituals')
    .columns(['family_id', 'loved_one_id'])
    .execute();

  await db.schema
    .createTable('ritual_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('ritual_id', 'text', (c) => c.notNull().references('rituals.id').onDelete('cascade'))
    /** Which time it was due: a local date for a schedule, or the trip event (domain/rituals). */
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    /** 'done' | 'not_today' */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('took_part', 'text')
    .addColumn('line', 'text')
    .addColumn('media_id', 'text', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('marked_by', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ritual_marks_once', ['ritual_id', 'occurrence_key'])
    .execute();
  await db.schema
    .createIndex('ritual_marks_family')
    .on('ritual_marks')
    .columns(['family_id', 'ritual_id', 'marked_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('ritual_marks').execute();
  await db.schema.dropTable('rituals').execute();
  await db.schema.alterTable('trip_legs').dropColumn('arrived_at').execute();
  await db.schema.alterTable('trip_legs').dropColumn('arrival_utc').execute();
  await db.schema.alterTable('trip_legs').dropColumn('arrival_zone').execute();
  await db.schema.alterTable('trip_legs').dropColumn('arrival_local').execute();
}
