import { createHmac } from 'node:crypto';
import { hashToken, newToken, safeEqual } from '../../secrets.js';

// The three links a supporter gets. The confirmation link carries a random 256-bit token, kept only
// as its SHA-256 and ending after CONFIRM_DAYS. The reply and stop links are signed rather than
// stored ("<id>.<…>.<HMAC-SHA256>", 256 bits), under the installation's unsubscribe key with their
// own prefixes; each names exactly one supporter (stop) or one day's occurrence (reply), and works
// only while that supporter is still there and has not stopped. Every link goes after a '#', so
// no server log or Referer ever holds it (the one-click POST carries the stop token in its path,
// and the server logs route patterns only).

export const CONFIRM_DAYS = 14;
/** A reply link works for this long after the day it was sent for. */
export const REPLY_DAYS_AFTER = 30;

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export const newConfirmToken = (): string => newToken();
export const confirmTokenHash = (token: string): string => hashToken(`supporter-confirm:${token}`);

export function supporterLinks(secret: () => Promise<string>, baseUrl: string) {
  const base = baseUrl.replace(/\/$/, '');
  const sign = async (text: string) =>
    createHmac('sha256', await secret())
      .update(text)
      .digest('base64url');

  return {
    confirmUrl: (token: string) => `${base}/supporter/confirm#token=${token}`,

    async replyToken(supporterDayId: string, occurrenceDate: string): Promise<string> {
      return `${supporterDayId}.${occurrenceDate}.${await sign(`supporter-reply:${supporterDayId}:${occurrenceDate}`)}`;
    },
    async readReply(token: string): Promise<{ supporterDayId: string; occurrenceDate: string } | null> {
      const parts = token.split('.');
      if (parts.length !== 3) return null;
      const [supporterDayId, occurrenceDate, signature] = parts as [string, string, string];
      if (!ID.test(supporterDayId) || !DATE.test(occurrenceDate) || !SIGNATURE.test(signature)) return null;
      const expected = await sign(`supporter-reply:${supporterDayId}:${occurrenceDate}`);
      return safeEqual(signature, expected) ? { supporterDayId, occurrenceDate } : null;
    },

    async stopToken(supporterId: string): Promise<string> {
      return `${supporterId}.${await sign(`supporter-stop:${supporterId}`)}`;
    },
    async readStop(token: string): Promise<string | null> {
      const parts = token.split('.');
      if (parts.length !== 2) return null;
      const [supporterId, signature] = parts as [string, string];
      if (!ID.test(supporterId) || !SIGNATURE.test(signature)) return null;
      return safeEqual(signature, await sign(`supporter-stop:${supporterId}`)) ? supporterId : null;
    },

    replyUrl: (token: string) => `${base}/supporter/reply#token=${token}`,
    stopUrl: (token: string) => `${base}/supporter/stop#token=${token}`,
    /** Where a mail client posts RFC 8058's one-click unsubscribe. */
    oneClickUrl: (token: string) => `${base}/supporter-stop/${token}`,
  };
}

export type SupporterLinks = ReturnType<typeof supporterLinks>;
