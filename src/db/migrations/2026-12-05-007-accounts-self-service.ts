import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Accounts people can run themselves (issue 10). Each session gets a public id (what the list of
// "where you're signed in" shows and ends by; the stored id is the hash of the cookie's token and
// never leaves the server) and a short description of the device that signed in ("Firefox on
// Android"). Links sent by e-mail (a forgotten password, a new address to confirm) hold a random
// token of which only the SHA-256 is kept here, as `id`.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('public_id', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('device', 'text').execute();
  // When the person last gave their password in this session (signing in, or again before ending
  // another device's session); sessions already open count from when they signed in.
  await db.schema.alterTable('sessions').addColumn('authenticated_at', 'text').execute();
  await db
    .updateTable('sessions')
    .set((eb) => ({ authenticated_at: eb.ref('created_at') }))
    .execute();
  // Sessions already open keep working: each is given its public id here.
  const open = await db.selectFrom('sessions').select('id').execute();
  for (const { id } of open as Array<{ id: string }>) {
    await db.updateTable('sessions').set({ public_id: randomUUID() }).where('id', '=', id).execute();
  }
  await db.schema.createIndex('sessions_public_id').on('sessions').column('public_id').unique().execute();

  await db.schema
    .createTable('account_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('new_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('account_tokens_user')
    .on('account_tokens')
    .columns(['user_id', 'purpose'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('account_tokens').execute();
  await db.schema.dropIndex('sessions_public_id').execute();
  // One column per statement: SQLite's ALTER TABLE drops one column at a time.
  await db.schema.alterTable('sessions').dropColumn('authenticated_at').execute();
  await db.schema.alterTable('sessions').dropColumn('device').execute();
  await db.schema.alterTable('sessions').dropColumn('public_id').execute();
}
