import type { CreateTableBuilder, Kysely } from 'kysely';

// The foundation: families and accounts, loved ones and keepsakes, trips with their legs,
// checklists and departure checks. Portable types only (text, integer) so this runs on both
// SQLite and PostgreSQL unchanged. Every family-owned table carries family_id.

// Kysely's own advice: migrations are typed loosely, because they must not depend on today's schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Builder = CreateTableBuilder<string, any>;

const familyOwned = (table: Builder): Builder =>
  table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'));

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('families')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('home_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('memberships'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memberships_family_user', ['family_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('idle_expires_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('loved_ones'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text')
    .addColumn('date_of_loss', 'text')
    .addColumn('due_date', 'text')
    .addColumn('date_of_birth', 'text')
    .addColumn('date_of_death', 'text')
    .addColumn('gestation_weeks', 'integer')
    .addColumn('loss_country', 'text')
    .addColumn('story', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('keepsakes'))
    .addColumn('loved_one_id', 'text', (c) => c.notNull().references('loved_ones.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('container', 'text', (c) => c.notNull())
    .addColumn('size_note', 'text')
    .addColumn('weight_grams', 'integer')
    .addColumn('travels_with_us', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('trips'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('require_two_people', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('trip_travellers'))
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('membership_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_child', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('trip_legs'))
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('from_country', 'text', (c) => c.notNull())
    .addColumn('to_country', 'text', (c) => c.notNull())
    .addColumn('from_place', 'text')
    .addColumn('to_place', 'text')
    .addColumn('carrier', 'text')
    .addColumn('bag', 'text', (c) => c.notNull())
    .addColumn('departure_local', 'text', (c) => c.notNull())
    .addColumn('departure_zone', 'text', (c) => c.notNull())
    .addColumn('departure_utc', 'text', (c) => c.notNull())
    .addColumn('is_return', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('leg_checks'))
    .addColumn('leg_id', 'text', (c) => c.notNull().references('trip_legs.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('leg_checks_leg_kind', ['leg_id', 'kind'])
    .execute();

  await familyOwned(db.schema.createTable('trip_keepsakes'))
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('keepsake_id', 'text', (c) => c.notNull().references('keepsakes.id').onDelete('cascade'))
    .addColumn('carrier_traveller_id', 'text', (c) => c.references('trip_travellers.id').onDelete('set null'))
    .addColumn('bag_description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('trip_keepsakes_trip_keepsake', ['trip_id', 'keepsake_id'])
    .execute();

  await familyOwned(db.schema.createTable('checklist_items'))
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('trip_keepsake_id', 'text', (c) => c.references('trip_keepsakes.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('owner_traveller_id', 'text', (c) => c.references('trip_travellers.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('checked_at', 'text')
    .addColumn('checked_by', 'text')
    .addColumn('unticked_at', 'text')
    .addColumn('unticked_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('check_confirmations'))
    .addColumn('check_id', 'text', (c) => c.notNull().references('leg_checks.id').onDelete('cascade'))
    .addColumn('trip_keepsake_id', 'text', (c) =>
      c.notNull().references('trip_keepsakes.id').onDelete('cascade'),
    )
    .addColumn('traveller_id', 'text', (c) =>
      c.notNull().references('trip_travellers.id').onDelete('cascade'),
    )
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('check_confirmations_once', ['check_id', 'trip_keepsake_id', 'traveller_id'])
    .execute();

  await familyOwned(db.schema.createTable('checklist_templates'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await familyOwned(db.schema.createTable('checklist_template_items'))
    .addColumn('template_id', 'text', (c) =>
      c.notNull().references('checklist_templates.id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  // Every list a family reads is filtered by family and parent; these keep those reads to one seek.
  const indexes: Array<[string, string, string[]]> = [
    ['memberships_user', 'memberships', ['user_id']],
    ['loved_ones_family', 'loved_ones', ['family_id']],
    ['keepsakes_family_loved_one', 'keepsakes', ['family_id', 'loved_one_id']],
    ['trips_family', 'trips', ['family_id']],
    ['trip_travellers_trip', 'trip_travellers', ['trip_id']],
    ['trip_legs_trip', 'trip_legs', ['trip_id', 'position']],
    ['leg_checks_leg', 'leg_checks', ['leg_id']],
    ['trip_keepsakes_keepsake', 'trip_keepsakes', ['keepsake_id']],
    ['checklist_items_trip', 'checklist_items', ['trip_id', 'position']],
    ['check_confirmations_check', 'check_confirmations', ['check_id']],
    ['checklist_template_items_template', 'checklist_template_items', ['template_id', 'position']],
    ['checklist_templates_family', 'checklist_templates', ['family_id']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  const tables = [
    'checklist_template_items',
    'checklist_templates',
    'check_confirmations',
    'checklist_items',
    'trip_keepsakes',
    'leg_checks',
    'trip_legs',
    'trip_travellers',
    'trips',
    'keepsakes',
    'loved_ones',
    'auth_throttle',
    'sessions',
    'memberships',
    'users',
    'families',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
