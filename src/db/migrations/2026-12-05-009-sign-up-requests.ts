import type { Kysely } from 'kysely';

// Signing up where e-mail is on (SECURITY.md): the family is made only once the link sent to the
// address is opened, so the answer to a sign-up never tells whether the address has an account.
// Until then the request waits here: `id` is the SHA-256 of the link's token (never the token),
// and the password is already hashed.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sign_up_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('home_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_up_requests_email').on('sign_up_requests').column('email').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sign_up_requests').execute();
}
