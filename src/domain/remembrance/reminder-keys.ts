import type { Lead } from './day.js';

// Idempotency: a reminder for one occurrence and one lead has one key, forever. The job queue
// dedupes on it, the inbox stores it, and the e-mail's Message-ID is derived from it, so a send
// repeated after a crash is recognisably the same message.

/** "reminder:<id>:<YYYY-MM-DD>:<lead>" */
export function reminderKey(input: { reminderId: string; occurrenceDate: string; lead: Lead }): string {
  return `reminder:${input.reminderId}:${input.occurrenceDate}:${input.lead}`;
}

const FNV_OFFSET_64 = 0xcbf29ce484222325n;
const FNV_PRIME_64 = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/**
 * 64-bit FNV-1a over the UTF-8 bytes, as 16 hex digits. Not a cryptographic hash, and it does not
 * need to be: the input is not secret and nobody gains by forging a collision; it only has to be
 * stable, spread well, and run in the browser as well as on the server (no node:crypto in domain).
 */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET_64;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME_64) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

const DOMAIN_PATTERN =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * A stable RFC 5322 Message-ID for a reminder key: "<alongside.<hash>@<domain>>". Two 64-bit FNV-1a
 * hashes (of the key, and of the key with a prefix) make 128 bits, so two different reminders
 * never share an id in practice. The key itself stays out of the header: it names no one.
 */
export function messageIdFor(key: string, domain: string): string {
  if (!DOMAIN_PATTERN.test(domain)) throw new Error(`Not a host name for a Message-ID: ${domain}`);
  return `<alongside.${fnv1a64(key)}${fnv1a64(`message-id:${key}`)}@${domain}>`;
}
