import { createHmac, randomInt } from 'node:crypto';
import { hashToken, newToken } from '../../secrets.js';

// An invite carries two secrets. The link's token is 32 random bytes (256 bits), after a '#' so
// it never reaches a server's logs or a Referer header. The short code is 12 characters from 31
// that cannot be mistaken for each other when read out over the phone (no 0/O, 1/I/L): about 59
// bits, enough with an expiry and the join routes' rate limit. Only their hashes are kept: the
// token's SHA-256, and the code's HMAC under the installation's invite key, so a copy of the
// database alone cannot be searched for codes.

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface InviteSecrets {
  token: string;
  code: string;
}

export function newInviteSecrets(): InviteSecrets {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  const code = [0, 4, 8].map((start) => chars.slice(start, start + 4).join('')).join('-');
  return { token: newToken(), code };
}

/** The address to send: the join page reads the token from the fragment (`#token=…`), as e-mailed links do. */
export const inviteLink = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/$/, '')}/join#token=${token}`;

export const tokenHash = (token: string) => hashToken(`invite:${token}`);

export const codeHash = (key: string, code: string) =>
  createHmac('sha256', key).update(`invite-code:${code}`).digest('hex');

/**
 * What a person typed or pasted: the whole link, the token alone, or the code with any spacing,
 * dashes or case. Null when it cannot be either (then no lookup is made).
 */
export function readInviteSecret(
  input: string,
): { kind: 'token'; token: string } | { kind: 'code'; code: string } | null {
  const afterHash = input.includes('#') ? input.slice(input.lastIndexOf('#') + 1) : input;
  const candidate = afterHash.trim().replace(/^token=/, '');
  if (TOKEN.test(candidate)) return { kind: 'token', token: candidate };
  const code = candidate.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return { kind: 'code', code: [0, 4, 8].map((start) => code.slice(start, start + 4)).join('-') };
}
