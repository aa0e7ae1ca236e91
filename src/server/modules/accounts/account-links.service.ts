import type {
  ChangeEmailBody,
  ChangeEmailResponse,
  ConfirmEmailResponse,
  MessageResponse,
  PasswordResetConfirmBody,
  PasswordResetResponse,
} from '../../../contracts/accounts.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, invalid } from '../../errors.js';
import { hashToken, newToken } from '../../secrets.js';
import type { Mailer } from '../notifications/index.js';
import type { AccountTokenPurpose } from './accounts.records.js';
import type { AccountsRepository } from './accounts.repository.js';
import { confirmNewEmailMail, emailChangeNoticeMail, passwordResetMail } from './account-mail.js';
import type { AuthContext } from './auth-context.js';
import { hashPassword } from './passwords.js';
import { authThrottle, checkPasswordAgain } from './throttle.js';

// Links sent by e-mail: choosing a new password when the old one is forgotten, and confirming a
// new e-mail address. Each link holds a 256-bit random token; only its SHA-256 is stored, it works
// once, and a newer link of the same kind replaces the older (SECURITY.md).
const HOUR = 3_600_000;
export const PASSWORD_RESET_MS = HOUR;
export const EMAIL_CHANGE_MS = 24 * HOUR;
// Wrong current passwords when changing the address wait as changing the password does.
const EMAIL_CHANGE_FREE_FAILURES = 5;

const RESET_SENT =
  'If an account has this e-mail address, we have sent it a link to choose a new password. The link works for an hour. If nothing arrives in a few minutes, please look in your spam or junk folder.';
const RESET_NO_EMAIL =
  'E-mail is not set up on this Alongside, so we cannot send you a link. Whoever runs this Alongside can give you a new password by running: ./bin/alongside users reset-password <your e-mail address>';
const RESET_LINK_SPENT =
  'This link has already been used, or it is more than an hour old. Please ask for a new one; it only takes a moment.';
const EMAIL_LINK_SPENT =
  'This link has already been used, or it is more than a day old. You can ask for a new one in Settings, under "Change e-mail".';

export function accountLinksService({
  repo,
  clock,
  mailer,
  baseUrl,
}: {
  repo: AccountsRepository;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}) {
  const throttle = authThrottle({ repo, clock });

  /** A new link token for this person and purpose (earlier ones stop working); answers the token. */
  async function issue(
    userId: string,
    purpose: AccountTokenPurpose,
    lifetimeMs: number,
    newEmail: string | null,
  ) {
    const token = newToken();
    const now = clock.now();
    await repo.replaceToken({
      id: hashToken(token),
      userId,
      purpose,
      newEmail,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + lifetimeMs).toISOString(),
    });
    return token;
  }

  return {
    /**
     * Asks for a link to choose a new password. The answer is the same, and comes as quickly,
     * whether or not an account has the address: the looking up and sending happen after it, in
     * `sending` (which the caller logs if it fails, and tests can wait for).
     */
    requestPasswordReset(email: string): { answer: PasswordResetResponse; sending: Promise<void> } {
      if (!mailer.enabled) {
        return { answer: { emailOn: false, message: RESET_NO_EMAIL }, sending: Promise.resolve() };
      }
      const sending = (async () => {
        // Let the answer leave first.
        await new Promise((resolve) => setImmediate(resolve));
        const user = await repo.findUserByEmail(email);
        if (!user) return;
        const token = await issue(user.id, 'password_reset', PASSWORD_RESET_MS, null);
        await mailer.send(passwordResetMail(user.email, `${baseUrl}/reset-password#token=${token}`));
      })();
      return { answer: { emailOn: true, message: RESET_SENT }, sending };
    },

    /**
     * Sets a new password with a link's token, once: every session of the person ends (whoever
     * had their password may have been signed in), and every reset link of theirs stops working.
     */
    async confirmPasswordReset(
      body: PasswordResetConfirmBody,
      /** The session this browser holds, if any (someone else's, even): it ends too. */
      here: AuthContext | null,
    ): Promise<MessageResponse> {
      // Hashed before the token is looked at, so an unknown token costs the same time.
      const passwordHash = await hashPassword(body.newPassword);
      const userId = await repo.redeemPasswordReset(hashToken(body.token), isoNow(clock), passwordHash);
      if (!userId) throw new AppError('bad_request', RESET_LINK_SPENT);
      if (here) await repo.deleteSession(here.sessionId);
      // Whoever opened the link holds the address, so earlier wrong guesses no longer hold them back.
      const user = await repo.findUser(userId);
      if (user) await throttle.clear(hashToken(`signin:${user.email}`));
      return {
        message:
          'Your new password is set. To keep your account safe, every device that was signed in has been signed out. Please sign in with your new password.',
      };
    },

    /**
     * Changes the signed-in person's address, after checking their password (wrong guesses wait,
     * as when changing the password). With e-mail on, a link goes to the new address and a notice
     * to the old one, and nothing changes until the link is opened; with e-mail off, no link could
     * prove the new address, so it changes at once (SECURITY.md).
     */
    async changeEmail(auth: AuthContext, body: ChangeEmailBody): Promise<ChangeEmailResponse> {
      const user = await checkPasswordAgain({ repo, throttle }, auth.userId, body.currentPassword, {
        name: 'email-change',
        free: EMAIL_CHANGE_FREE_FAILURES,
        waitWords: ' with a wrong current password',
        wrong: 'That is not your current password. Please try again.',
      });
      if (body.newEmail === user.email) throw invalid('newEmail', 'That is already your e-mail address.');
      const taken = invalid(
        'newEmail',
        'Another account already uses this e-mail address. Please choose a different one.',
      );
      if (await repo.findUserByEmail(body.newEmail)) throw taken;

      if (!mailer.enabled) {
        if ((await repo.setEmail(user.id, body.newEmail, auth.sessionId)) === 'taken') throw taken;
        await repo.deleteTokensOfUser(user.id, 'email_change');
        return {
          status: 'changed',
          email: body.newEmail,
          message: `Your e-mail address is now ${body.newEmail}. Any other device signed in to your account has been signed out.`,
        };
      }
      const token = await issue(user.id, 'email_change', EMAIL_CHANGE_MS, body.newEmail);
      try {
        await mailer.send(confirmNewEmailMail(body.newEmail, `${baseUrl}/confirm-email#token=${token}`));
        await mailer.send(emailChangeNoticeMail(user.email, body.newEmail));
      } catch {
        throw new AppError(
          'unavailable',
          'We could not send the e-mail just now. Your address has not changed; please try again in a little while.',
        );
      }
      return {
        status: 'sent',
        email: user.email,
        message: `We have sent a link to ${body.newEmail}. Please open it within a day to finish the change. Until then, your e-mail address stays ${user.email}.`,
      };
    },

    /** Switches to the new address a link confirms, once; every other session of the person ends. */
    async confirmEmail(token: string, auth: AuthContext | null): Promise<ConfirmEmailResponse> {
      const result = await repo.redeemEmailChange(
        hashToken(token),
        isoNow(clock),
        auth && { userId: auth.userId, sessionId: auth.sessionId },
      );
      if (result === 'expired') throw new AppError('bad_request', EMAIL_LINK_SPENT);
      if (result === 'taken')
        throw new AppError(
          'conflict',
          'Another account has started using this e-mail address since you asked, so we could not change it. Please choose a different one in Settings.',
        );
      return {
        email: result.email,
        message: `Your e-mail address is now ${result.email}. Any other device signed in to your account has been signed out.`,
      };
    },

    pruneTokens(): Promise<unknown> {
      return repo.deleteExpiredTokens(isoNow(clock));
    },
  };
}

export type AccountLinksService = ReturnType<typeof accountLinksService>;
