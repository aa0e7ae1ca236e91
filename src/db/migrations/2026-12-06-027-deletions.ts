import type { Kysely } from 'kysely';

// Deleting a family or an account, after seven days in which it can be cancelled
// (modules/deletions). The schedule is kept on the row it will delete: a family's on `families`
// (who asked, when, and when it happens), a person's on `users`.
//
// A deleted account leaves its `users` row behind, emptied: no e-mail, name or password, only its id
// and `deleted_at`. Its memberships stay (as "a former member"), so what the person did for the
// family keeps a name to show, and `memberships.user_id` is NOT NULL with a foreign key to `users`.
// Letting it be null would mean rebuilding `memberships` on SQLite, and dropping that table cascades
// through every table that names a member; an emptied row holds nothing of the person.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('families').addColumn('deletion_asked_at', 'text').execute();
  /** The owner who asked (a membership id of this family; no foreign key, the row goes with it). */
  await db.schema.alterTable('families').addColumn('deletion_asked_by', 'text').execute();
  /** When the family is deleted; null when no deletion is asked for. */
  await db.schema.alterTable('families').addColumn('deletion_due_at', 'text').execute();
  await db.schema.createIndex('families_deletion_due').on('families').column('deletion_due_at').execute();

  await db.schema.alterTable('users').addColumn('deletion_asked_at', 'text').execute();
  /** When the account is deleted; null when no deletion is asked for. */
  await db.schema.alterTable('users').addColumn('deletion_due_at', 'text').execute();
  /** Set on an account that has been deleted (an emptied row, see above). */
  await db.schema.alterTable('users').addColumn('deleted_at', 'text').execute();
  await db.schema.createIndex('users_deletion_due').on('users').column('deletion_due_at').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('users_deletion_due').execute();
  for (const column of ['deleted_at', 'deletion_due_at', 'deletion_asked_at'])
    await db.schema.alterTable('users').dropColumn(column).execute();
  await db.schema.dropIndex('families_deletion_due').execute();
  for (const column of ['deletion_due_at', 'deletion_asked_by', 'deletion_asked_at'])
    await db.schema.alterTable('families').dropColumn(column).execute();
}
