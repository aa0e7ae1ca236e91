import type { Kysely } from 'kysely';

// Supporters: people without an account (a grandparent, a friend) whom the family adds by e-mail.
// Nothing is sent to them until they confirm by a link, kept as the SHA-256 of its token. Each
// chosen remembrance day carries the family's suggestion and the supporter's next e-mail instant
// (epoch ms, indexed for the tick). Replies wait as 'pending' until a parent accepts or declines.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('supporters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('zone', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text', (c) => c.unique())
    .addColumn('confirm_expires_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supporters_family_email')
    .on('supporters')
    .columns(['family_id', 'email'])
    .unique()
    .execute();

  await db.schema
    .createTable('supporter_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('supporters.id').onDelete('cascade'))
    .addColumn('day_id', 'text', (c) => c.notNull().references('remembrance_days.id').onDelete('cascade'))
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('next_due_utc', 'bigint')
    .addColumn('occurrence_date', 'text')
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supporter_days_pair')
    .on('supporter_days')
    .columns(['supporter_id', 'day_id'])
    .unique()
    .execute();
  await db.schema.createIndex('supporter_days_due').on('supporter_days').column('next_due_utc').execute();
  await db.schema.createIndex('supporter_days_family').on('supporter_days').column('family_id').execute();

  await db.schema
    .createTable('supporter_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('supporter_id', 'text', (c) => c.notNull().references('supporters.id').onDelete('cascade'))
    .addColumn('supporter_day_id', 'text', (c) => c.notNull())
    .addColumn('occurrence_date', 'text', (c) => c.notNull())
    .addColumn('day_title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema
    .createIndex('supporter_replies_once')
    .on('supporter_replies')
    .columns(['supporter_day_id', 'occurrence_date'])
    .unique()
    .execute();
  await db.schema
    .createIndex('supporter_replies_family')
    .on('supporter_replies')
    .column('family_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('supporter_replies').execute();
  await db.schema.dropTable('supporter_days').execute();
  await db.schema.dropTable('supporters').execute();
}
