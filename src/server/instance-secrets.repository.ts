import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Random keys made once per installation and kept in the database (`instance_settings`), so every
 * instance signs and checks alike: the known-device cookie's key, the unsubscribe links' key. Made
 * on first use; when two instances race, the first one written is the one everybody keeps.
 * Callers may remember a key once read (a key never changes once written).
 */
export function instanceSecrets(db: Kysely<Database>) {
  async function readOrMake(name: string): Promise<string> {
    await db
      .insertInto('instance_settings')
      .values({ key: name, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await db
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', name)
      .executeTakeFirstOrThrow();
    return row.value;
  }

  return {
    secret: (name: InstanceSecretName): Promise<string> => readOrMake(name),
  };
}

/** The installation's keys, by the name they are stored under. */
export type InstanceSecretName = 'device-key' | 'unsubscribe-key' | 'invite-key';
export type InstanceSecrets = ReturnType<typeof instanceSecrets>;
