import type { DeviceSession, ReauthenticateBody } from '../../../contracts/accounts.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AuthContext } from './auth-context.js';
import { authThrottle, checkPasswordAgain } from './throttle.js';

// Ending another device's session needs the password given in this session within the last 15
// minutes, at sign-in or again (ASVS 5.0 7.5.2): a phone left signed in on a table cannot be used
// to sign its owner out of the phone in their pocket. Wrong passwords wait as sign-in's do.
export const REAUTHENTICATED_FOR_MS = 15 * 60_000;
const REAUTH_FREE_FAILURES = 5;

/**
 * Where a person is signed in, and ending those sessions. A session is named outside the server
 * only by its public id: the stored id is the hash of the cookie's token and never leaves.
 */
export function deviceSessionsService({ repo, clock }: { repo: AccountsRepository; clock: Clock }) {
  const throttle = authThrottle({ repo, clock });

  async function requireRecentPassword(auth: AuthContext): Promise<void> {
    const authenticatedAt = await repo.findSessionAuthenticatedAt(auth.sessionId);
    if (authenticatedAt && clock.now() - Date.parse(authenticatedAt) <= REAUTHENTICATED_FOR_MS) return;
    throw new AppError(
      'reauthentication_required',
      'To keep your account safe, please type your password again before signing out another device.',
    );
  }

  return {
    async list(auth: AuthContext): Promise<DeviceSession[]> {
      const sessions = await repo.listSessionsOfUser(auth.userId, isoNow(clock));
      return sessions.map((session) => ({
        id: session.publicId,
        device: session.device,
        signedInAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        current: session.id === auth.sessionId,
        childMode: session.childMode,
      }));
    },

    /** Checks the password again, so other devices can be signed out for the next 15 minutes. */
    async reauthenticate(auth: AuthContext, body: ReauthenticateBody): Promise<void> {
      await checkPasswordAgain({ repo, throttle }, auth.userId, body.currentPassword, {
        name: 'reauthenticate',
        free: REAUTH_FREE_FAILURES,
        waitWords: ' with a wrong password',
        wrong: 'That is not your password. Please try again.',
      });
      await repo.setSessionAuthenticatedAt(auth.sessionId, isoNow(clock));
    },

    /**
     * Ends one of the person's own sessions (404 for anyone else's, as if it did not exist); another
     * device's needs the password recently. Answers whether it was the session asking, whose cookie
     * then goes too.
     */
    async end(auth: AuthContext, publicId: string): Promise<{ wasCurrent: boolean }> {
      const session = await repo.findSessionOfUser(auth.userId, publicId);
      if (!session) throw notFound('That sign-in has already ended.');
      const wasCurrent = session.id === auth.sessionId;
      if (!wasCurrent) await requireRecentPassword(auth);
      if (!(await repo.deleteSessionOfUser(auth.userId, publicId)))
        throw notFound('That sign-in has already ended.');
      return { wasCurrent };
    },

    /** Signs the person out everywhere but here (with the password given recently). */
    async endOthers(auth: AuthContext): Promise<void> {
      await requireRecentPassword(auth);
      await repo.deleteSessionsOfUser(auth.userId, auth.sessionId);
    },
  };
}

export type DeviceSessionsService = ReturnType<typeof deviceSessionsService>;
