import type { Kysely } from 'kysely';

// Remembrance days, reminder preferences and schedules, the job queue, the in-app inbox, and the
// private tokens for calendar feeds and one-click unsubscribe. Instants that the scheduler compares
// are epoch milliseconds in bigint columns (an indexed integer range scan on both databases).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('families').addColumn('country', 'text').execute();

  await db.schema
    .createTable('remembrance_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('loved_one_id', 'text', (c) => c.references('loved_ones.id').onDelete('cascade'))
    .addColumn('trip_id', 'text', (c) => c.references('trips.id').onDelete('cascade'))
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('anchor_date', 'text', (c) => c.notNull())
    .addColumn('recurrence', 'text', (c) => c.notNull())
    .addColumn('weekday_rule', 'text')
    .addColumn('duration_days', 'integer')
    .addColumn('start_time', 'text')
    .addColumn('duration_minutes', 'integer')
    .addColumn('zone', 'text')
    .addColumn('source_url', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('remembrance_days_source', ['family_id', 'source_key'])
    .execute();

  await db.schema
    .createTable('reminder_preferences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('day_kind', 'text', (c) => c.notNull())
    .addColumn('in_app', 'integer', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addColumn('leads', 'text', (c) => c.notNull())
    .addColumn('remind_at', 'text', (c) => c.notNull())
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminder_preferences_member_kind', ['membership_id', 'day_kind'])
    .execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('day_id', 'text', (c) => c.notNull().references('remembrance_days.id').onDelete('cascade'))
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('next_due_utc', 'bigint')
    .addColumn('occurrence_date', 'text')
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminders_member_day_lead', ['membership_id', 'day_id', 'lead'])
    .execute();
  // The scheduler's only question each tick: which reminders are due now. One range scan.
  await db.schema.createIndex('reminders_next_due').on('reminders').column('next_due_utc').execute();
  await db.schema.createIndex('reminders_day').on('reminders').column('day_id').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .execute();
  await db.schema.createIndex('jobs_ready').on('jobs').columns(['queue', 'state', 'run_at']).execute();

  await db.schema
    .createTable('inbox_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('reminder_key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('inbox_items_member')
    .on('inbox_items')
    .columns(['membership_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('member_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Secrets of this installation shared by all its instances (e.g. the key that signs unsubscribe
  // links), created on first use.
  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('member_tokens_member')
    .on('member_tokens')
    .columns(['membership_id', 'purpose'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'instance_settings',
    'member_tokens',
    'inbox_items',
    'jobs',
    'reminders',
    'reminder_preferences',
    'remembrance_days',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('families').dropColumn('country').execute();
}
