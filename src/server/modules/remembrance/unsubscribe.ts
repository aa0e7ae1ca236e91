import { createHmac } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { safeEqual } from '../../secrets.js';

/**
 * One-click unsubscribe links, signed rather than stored: "<membership id>.<issued>.<HMAC>", where
 * `issued` is when the e-mail carrying it was written (seconds since 1970, base 36). The key is
 * made once per installation and kept in the database, so every instance signs and checks alike.
 * A link only ever turns e-mail reminders off, only for the member it names, and only for a year;
 * the service also refuses a link older than the member's turning e-mail back on (a forwarded old
 * e-mail must not undo a choice made since).
 *
 * Links from before issue dates were signed ("<membership id>.<HMAC>") are already in people's
 * inboxes; they keep working for a year from this change (LEGACY_UNTIL), then stop.
 */

export const LINK_LIFETIME_MS = 365 * 24 * 3_600_000;
export const LEGACY_UNTIL = Date.parse('2027-12-04T00:00:00.000Z');

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const ISSUED = /^[0-9a-z]{1,10}$/;

/** What a link names when its signature holds: the member, and when it was issued (null: legacy). */
export interface UnsubscribeLink {
  membershipId: string;
  issuedAt: number | null;
}

/** `secret` gives the installation's unsubscribe key (instance-secrets.repository.ts). */
export function unsubscribeSigner(secret: () => Promise<string>, clock: Clock) {
  const sign = async (text: string) =>
    createHmac('sha256', await secret())
      .update(text)
      .digest('base64url');

  return {
    async tokenFor(membershipId: string): Promise<string> {
      const issued = Math.floor(clock.now() / 1000).toString(36);
      return `${membershipId}.${issued}.${await sign(`unsubscribe:${membershipId}:${issued}`)}`;
    },

    /**
     * The member and issue time a token names, when it is exactly a link we made, its signature
     * holds and it has not expired; otherwise null. Nothing after the signature is tolerated.
     */
    async verify(token: string): Promise<UnsubscribeLink | null> {
      const parts = token.split('.');
      const now = clock.now();
      if (parts.length === 2) {
        const [membershipId, signature] = parts as [string, string];
        if (!ID.test(membershipId) || !SIGNATURE.test(signature) || now >= LEGACY_UNTIL) return null;
        const valid = safeEqual(signature, await sign(`unsubscribe:${membershipId}`));
        return valid ? { membershipId, issuedAt: null } : null;
      }
      if (parts.length !== 3) return null;
      const [membershipId, issued, signature] = parts as [string, string, string];
      if (!ID.test(membershipId) || !ISSUED.test(issued) || !SIGNATURE.test(signature)) return null;
      if (!safeEqual(signature, await sign(`unsubscribe:${membershipId}:${issued}`))) return null;
      const issuedAt = parseInt(issued, 36) * 1000;
      if (issuedAt > now || now - issuedAt > LINK_LIFETIME_MS) return null;
      return { membershipId, issuedAt };
    },
  };
}

export type UnsubscribeSigner = ReturnType<typeof unsubscribeSigner>;
