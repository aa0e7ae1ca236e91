import { plainMail, type PlainMail } from '../notifications/index.js';

// The words of the e-mails an account sends itself: calm, plain, and saying what to do if the
// person did not ask. Links carry their token after `#`, so it never reaches a server's logs or
// another site through the Referer header; the page reads it and sends it in a request body.

type Mail = PlainMail;
const mail = plainMail;

export const passwordResetMail = (to: string, link: string): Mail =>
  mail(
    to,
    'Choosing a new password for Alongside',
    [
      'Someone, hopefully you, asked to choose a new password for your Alongside account.',
      'The link below works once, for the next hour. Choosing a new password signs out every device that is signed in to your account.',
      'If you did not ask, you can leave this e-mail be: your password stays as it is.',
    ],
    { href: link, words: 'Choose a new password' },
  );

export const confirmNewEmailMail = (to: string, link: string): Mail =>
  mail(
    to,
    'Please confirm your new e-mail address for Alongside',
    [
      'You asked to use this e-mail address for your Alongside account.',
      'Please open the link below within a day to confirm it. Until then, your account keeps its old address.',
      'If you did not ask, you can leave this e-mail be: nothing will change.',
    ],
    { href: link, words: 'Confirm this e-mail address' },
  );

export const emailChangeNoticeMail = (to: string, newEmail: string): Mail =>
  mail(to, 'Your Alongside e-mail address is being changed', [
    `Someone signed in to your Alongside account asked to change its e-mail address to ${newEmail}. It changes once that address is confirmed.`,
    'If this was you, there is nothing more to do here.',
    'If it was not you, please sign in and change your password straight away: that signs out every other device, and the change will not go through unless the link sent to the new address is opened.',
  ]);

export const finishSignUpMail = (to: string, link: string): Mail =>
  mail(
    to,
    'Please confirm your e-mail address to finish joining Alongside',
    [
      'Someone, hopefully you, asked to create a family on Alongside with this e-mail address.',
      'Please open the link below within a day to finish: your family is made when you do, and you will be signed in.',
      'If you did not ask, you can leave this e-mail be: nothing will be made.',
    ],
    { href: link, words: 'Finish creating our family' },
  );

export const alreadySignedUpMail = (to: string, baseUrl: string): Mail =>
  mail(to, 'You already have an Alongside account', [
    'Someone, hopefully you, asked to create a new family on Alongside with this e-mail address. You already have an account with it, so nothing new was made and nothing has changed.',
    `If it was you, you can sign in here: ${baseUrl}/sign-in`,
    `If you have forgotten your password, you can choose a new one here: ${baseUrl}/forgot-password`,
    'If it was not you, you can leave this e-mail be.',
  ]);
