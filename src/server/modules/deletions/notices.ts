import { DateTime } from 'luxon';
import { FORMER_MEMBER } from '../../../contracts/deletion.js';

// What the other adults are told when a deletion is asked for and when it is cancelled: in their
// inbox, and by e-mail where e-mail is on (notice.job.ts sends the inbox item's words). Calm and
// plain: what will happen, when, and what they can do about it.

export interface NoticeWords {
  title: string;
  body: string;
}

/** "Tuesday 14 January", in the family's own zone. */
export const dayOf = (iso: string, zone: string): string =>
  DateTime.fromISO(iso, { zone }).setLocale('en-GB').toFormat('cccc d LLLL');

export function familyAsked(p: { familyName: string; asker: string; day: string }): NoticeWords {
  return {
    title: `${p.familyName} is set to be deleted on ${p.day}`,
    body:
      `${p.asker} asked for the family to be deleted, with everything it keeps here: loved ones, trips, ` +
      `days, journals, photos, drawings, voice notes, tributes and their share links. Until ${p.day} ` +
      `everything stays as it is, and an owner can cancel it in Settings. If this is not what you want, ` +
      `please talk with ${p.asker}.`,
  };
}

export function familyKept(p: { familyName: string; who: string }): NoticeWords {
  return {
    title: `${p.familyName} will not be deleted`,
    body: `${p.who} cancelled the deletion. Everything stays as it was.`,
  };
}

export function accountAsked(p: { name: string; day: string }): NoticeWords {
  return {
    title: `${p.name} has asked to delete their account`,
    body:
      `It will be deleted on ${p.day}. What ${p.name} did for the family, such as confirming keepsakes ` +
      `and ticking lists, stays, shown as done by “${FORMER_MEMBER}”. Until then ${p.name} can change ` +
      `their mind in Settings.`,
  };
}

export function accountKept(p: { name: string }): NoticeWords {
  return {
    title: `${p.name} is keeping their account`,
    body: `${p.name} cancelled deleting their account. Nothing has changed.`,
  };
}

/**
 * The key of a notice to one member: unique, so it is stored and sent once, and prefixed by what it
 * is about, so the notices naming a person go when their account does.
 */
export const noticeKey = (
  about: { family: string } | { account: string },
  askedAt: string,
  kind: 'asked' | 'kept',
  memberId: string,
): string =>
  'family' in about
    ? `deletion:family:${about.family}:${askedAt}:${kind}:${memberId}`
    : `deletion:account:${about.account}:${askedAt}:${kind}:${memberId}`;
