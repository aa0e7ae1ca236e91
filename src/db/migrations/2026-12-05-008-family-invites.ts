import type { Kysely } from 'kysely';

// The family together (invites and members). An invite is kept by the SHA-256 of its link's token
// and of its short code, never the secrets themselves; `invite_joins` records who joined through
// which invite. A member who leaves or is removed keeps their membership row, marked `removed_at`:
// what they ticked and confirmed names them through it, so it still shows as theirs.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('memberships').addColumn('removed_at', 'text').execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('for_name', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('max_uses', 'integer', (c) => c.notNull())
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invites_family').on('invites').column('family_id').execute();

  await db.schema
    .createTable('invite_joins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('families.id').onDelete('cascade'))
    .addColumn('invite_id', 'text', (c) => c.notNull().references('invites.id').onDelete('cascade'))
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invite_joins_invite').on('invite_joins').column('invite_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('invite_joins').execute();
  await db.schema.dropTable('invites').execute();
  await db.schema.alterTable('memberships').dropColumn('removed_at').execute();
}
