import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { safeEqual } from '../../secrets.js';

/**
 * One-click unsubscribe links, signed rather than stored: "<membership id>.<HMAC>". The key is made
 * once per installation and kept in the database, so every instance signs and checks alike. A link
 * only ever turns e-mail reminders off, and only for the member it names.
 */
export function unsubscribeSigner(db: Kysely<Database>) {
  let key: Promise<string> | undefined;
  const secret = () =>
    (key ??= (async () => {
      await db
        .insertInto('instance_settings')
        .values({ key: 'unsubscribe-key', value: randomBytes(32).toString('base64url') })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db
        .selectFrom('instance_settings')
        .select('value')
        .where('key', '=', 'unsubscribe-key')
        .executeTakeFirstOrThrow();
      return row.value;
    })());
  const sign = async (membershipId: string) =>
    createHmac('sha256', await secret())
      .update(`unsubscribe:${membershipId}`)
      .digest('base64url');

  return {
    async tokenFor(membershipId: string): Promise<string> {
      return `${membershipId}.${await sign(membershipId)}`;
    },
    /** The membership a token names, when its signature holds. */
    async verify(token: string): Promise<string | null> {
      const [membershipId, signature] = token.split('.');
      if (!membershipId || !signature) return null;
      return safeEqual(signature, await sign(membershipId)) ? membershipId : null;
    },
  };
}

export type UnsubscribeSigner = ReturnType<typeof unsubscribeSigner>;
