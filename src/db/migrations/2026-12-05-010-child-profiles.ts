import type { Kysely } from 'kysely';

// Children (issue 11): a child profile is a child of the family with no e-mail and no password,
// managed by the family's adults. It is used on a parent's or a family device through child mode:
// a session of its own (a row in `sessions`, named by `child_profile_id`) with the child's rights
// only. `exit_pin_hash` is the PIN chosen when the phone was handed over, hashed like a password;
// giving it (or the parent's password) ends the child's session and starts a fresh one for the
// parent. A child's help with a keepsake check is kept apart from confirmations (`keepsake_helps`):
// it never completes a check, an adult's confirmation does.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('child_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('child_profiles_family').on('child_profiles').column('family_id').execute();

  // Nullable columns with no default: SQLite adds them (and their reference) in place.
  await db.schema
    .alterTable('sessions')
    .addColumn('child_profile_id', 'text', (c) => c.references('child_profiles.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('sessions').addColumn('exit_pin_hash', 'text').execute();

  await db.schema
    .createTable('keepsake_helps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('check_id', 'text', (c) => c.notNull().references('leg_checks.id').onDelete('cascade'))
    .addColumn('trip_keepsake_id', 'text', (c) =>
      c.notNull().references('trip_keepsakes.id').onDelete('cascade'),
    )
    .addColumn('child_profile_id', 'text', (c) =>
      c.notNull().references('child_profiles.id').onDelete('cascade'),
    )
    .addColumn('helped_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('keepsake_helps_once', ['check_id', 'trip_keepsake_id', 'child_profile_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('keepsake_helps').execute();
  await db.schema.alterTable('sessions').dropColumn('exit_pin_hash').execute();
  await db.schema.alterTable('sessions').dropColumn('child_profile_id').execute();
  await db.schema.dropTable('child_profiles').execute();
}
