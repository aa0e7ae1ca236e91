import type { SignUpBody, SignUpResponse } from '../../../contracts/accounts.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, invalid } from '../../errors.js';
import { hashToken, newToken } from '../../secrets.js';
import type { Mailer } from '../notifications/index.js';
import { alreadySignedUpMail, finishSignUpMail } from './account-mail.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AccountsService, Browser, NewSession } from './accounts.service.js';
import { hashPassword } from './passwords.js';

// Signing up. Where e-mail is on, the answer never tells whether an account has the address
// (SECURITY.md): everyone is asked to check their e-mail, and the family is made only when the
// link sent to the address is opened; if the address has an account already, its owner is told
// by e-mail instead. Where e-mail is off, no link could reach anyone, so the family is made at
// once and an address in use is said to be in use.

export const SIGN_UP_LINK_MS = 24 * 3_600_000;

const CHECK_EMAIL = (email: string) =>
  `We have sent an e-mail to ${email}. Please open the link in it within a day to finish creating your family. If nothing arrives in a few minutes, please look in your spam or junk folder.`;
const ADDRESS_TAKEN = 'There is already an account with this e-mail address. Try signing in instead.';
const LINK_SPENT =
  'This link has already been used, or it is more than a day old. Please sign up again; it only takes a moment.';
const TAKEN_SINCE =
  'There is already an account with this e-mail address, so no new family was made. Please sign in instead.';

type SignedUp = NewSession & { device: string };

export function signUpService({
  repo,
  clock,
  mailer,
  baseUrl,
  accounts,
}: {
  repo: AccountsRepository;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
  accounts: Pick<AccountsService, 'createFamily'>;
}) {
  return {
    /**
     * Signs up: with e-mail off, the family and a session ('signed-in'); with e-mail on, the same
     * 'check-email' answer, as quickly, for every address, and the looking up and sending follow
     * it in `sending` (which the caller logs if it fails, and tests can wait for).
     */
    async signUp(
      body: SignUpBody,
      browser: Browser,
    ): Promise<
      | { status: 'signed-in'; session: SignedUp }
      | { status: 'check-email'; answer: SignUpResponse; sending: Promise<void> }
    > {
      // Hashed first in both cases, so an answer takes as long whichever it is.
      const { password, ...details } = body;
      const passwordHash = await hashPassword(password);
      if (!mailer.enabled) {
        const session = await accounts.createFamily({ ...details, passwordHash }, browser);
        if (session === 'taken') throw invalid('email', ADDRESS_TAKEN);
        return { status: 'signed-in', session };
      }
      const sending = (async () => {
        // Let the answer leave first.
        await new Promise((resolve) => setImmediate(resolve));
        if (await repo.findUserByEmail(body.email)) {
          await mailer.send(alreadySignedUpMail(body.email, baseUrl));
          return;
        }
        const token = newToken();
        const now = clock.now();
        await repo.replaceSignUpRequest({
          id: hashToken(token),
          ...details,
          passwordHash,
          createdAt: new Date(now).toISOString(),
          expiresAt: new Date(now + SIGN_UP_LINK_MS).toISOString(),
        });
        await mailer.send(finishSignUpMail(body.email, `${baseUrl}/finish-sign-up#token=${token}`));
      })();
      return {
        status: 'check-email',
        answer: { status: 'check-email', message: CHECK_EMAIL(body.email) },
        sending,
      };
    },

    /** Makes the family a sign-up link stands for, once, and signs its owner in. */
    async finishSignUp(token: string, browser: Browser): Promise<SignedUp> {
      const request = await repo.takeSignUpRequest(hashToken(token), isoNow(clock));
      if (!request) throw new AppError('bad_request', LINK_SPENT);
      const session = await accounts.createFamily(request, browser);
      if (session === 'taken') throw new AppError('conflict', TAKEN_SINCE);
      return session;
    },

    pruneRequests(): Promise<unknown> {
      return repo.deleteExpiredSignUpRequests(isoNow(clock));
    },
  };
}

export type SignUpService = ReturnType<typeof signUpService>;
