import { DateTime } from 'luxon';
import type { OutgoingMail } from '../notifications/index.js';

// The two e-mails a supporter can get: the one asking them to confirm (the only one sent before
// they agree), and the short note before a day, with the family's own words.

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const frame = (paragraphs: string[]) =>
  `<!doctype html><html><body style="font-family:Georgia,serif;color:#2b2a33;line-height:1.5">${paragraphs.join('')}</body></html>`;

export function confirmMail(input: {
  to: string;
  name: string;
  addedBy: string;
  link: string;
  days: number;
}): OutgoingMail {
  const what = input.days === 1 ? 'one day that matters to them' : `a few days that matter to them`;
  const intro = `Dear ${input.name}, ${input.addedBy} would like to let you know before ${what}, with a small suggestion of how you could be there for them.`;
  const ask =
    'If you would like that, please confirm here. Nothing more will be sent unless you do, and every e-mail has a link to stop.';
  const ends = 'This link works for 14 days.';
  return {
    to: input.to,
    subject: `${input.addedBy} would like you alongside on the days that matter`,
    text: `${intro}\n\n${ask}\n${input.link}\n\n${ends}\n`,
    html: frame([
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(ask)}</p>`,
      `<p><a href="${escapeHtml(input.link)}">Yes, I would like to be there</a></p>`,
      `<p style="font-size:13px;color:#5b5866">${escapeHtml(ends)}</p>`,
    ]),
  };
}

export function dayMail(input: {
  to: string;
  name: string;
  addedBy: string;
  suggestion: string;
  occurrenceDate: string;
  replyUrl: string;
  stopUrl: string;
  oneClickUrl: string;
  messageId: string;
}): OutgoingMail {
  const date = DateTime.fromISO(input.occurrenceDate, { zone: 'UTC' })
    .setLocale('en-GB')
    .toFormat('cccc d LLLL');
  const why = `You are getting this because you agreed to hear from ${input.addedBy} before the days that matter to them.`;
  return {
    to: input.to,
    subject: `${date}: a day to be there for ${input.addedBy}`,
    text: `Dear ${input.name},\n\n${input.suggestion}\n\n(${date})\n\nIf you would like to send them a few words: ${input.replyUrl}\n\n${why} To stop these e-mails: ${input.stopUrl}\n`,
    html: frame([
      `<p>Dear ${escapeHtml(input.name)},</p>`,
      `<p style="font-size:18px">${escapeHtml(input.suggestion)}</p>`,
      `<p>${escapeHtml(date)}</p>`,
      `<p><a href="${escapeHtml(input.replyUrl)}">Send them a few words</a></p>`,
      `<p style="font-size:13px;color:#5b5866">${escapeHtml(why)} <a href="${escapeHtml(input.stopUrl)}">Stop these e-mails</a>.</p>`,
    ]),
    messageId: input.messageId,
    unsubscribeUrl: input.oneClickUrl,
  };
}
