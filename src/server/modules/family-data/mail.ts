import { plainMail, type PlainMail } from '../notifications/index.js';

// The e-mails of a family's data: an archive ready, and an invitation to an imported family. Neither
// holds a secret that works alone: the archive is downloaded in the app by its asker, signed in.

export const exportReadyMail = (input: {
  to: string;
  name: string;
  family: string;
  baseUrl: string;
}): PlainMail =>
  plainMail(
    input.to,
    `${input.family}: your family's data is ready`,
    [
      `Dear ${input.name},`,
      `The archive of ${input.family} that you asked for is ready: everything you can see in the family, with the photos and the PDFs, in one zip file.`,
      'To download it, sign in to Alongside and open Settings, then “Your family’s data”. The download works once, for you alone; the archive is kept for a week, and you can make a new one at any time.',
    ],
    { href: `${input.baseUrl}/settings/data`, words: 'Open “Your family’s data”' },
  );

export const importInviteMail = (input: {
  to: string;
  family: string;
  inviter: string;
  link: string;
}): PlainMail =>
  plainMail(
    input.to,
    `${input.inviter} brought ${input.family} to this Alongside`,
    [
      `${input.inviter} has brought your family, ${input.family}, to this Alongside, with the trips, days and memories you kept together, and invites you to join it here.`,
      'You join only if you open the link below and say yes; until then nothing of yours changes. What you did in the family before keeps your name.',
      'If you were not expecting this, you can leave this e-mail be.',
    ],
    { href: input.link, words: `Join ${input.family}` },
  );

export const importDoneMail = (input: {
  to: string;
  name: string;
  family: string;
  baseUrl: string;
}): PlainMail =>
  plainMail(
    input.to,
    `${input.family} is here`,
    [
      `Dear ${input.name},`,
      `${input.family} has come in from its archive, with you as its owner: the trips, days, photos and memories it held.`,
      'Sign in to Alongside and open Settings, then “Your family’s data”, to see what came in and to invite the others to join you there.',
    ],
    { href: `${input.baseUrl}/settings/data`, words: 'Open “Your family’s data”' },
  );
