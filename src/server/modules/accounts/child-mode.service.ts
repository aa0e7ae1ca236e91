import type { LeaveChildModeBody } from '../../../contracts/children.js';
import type { Clock } from '../../clock.js';
import { AppError, forbidden, invalid } from '../../errors.js';
import { hashToken, newId, newToken } from '../../secrets.js';
import type { AccountsRepository } from './accounts.repository.js';
import { csrfTokenFor, type AccountsService, type Browser, type NewSession } from './accounts.service.js';
import type { AuthContext } from './auth-context.js';
import { describeDevice } from './device-name.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { authThrottle } from './throttle.js';

// Child mode (modules/children, SECURITY.md): a grown-up hands their phone to a child. The grown-up's
// session on this browser ends and a new one starts with the child's rights only: a new 256-bit
// token, stored as its SHA-256 like every session, naming the child profile, with the PIN chosen for
// leaving hashed like a password (Argon2id). Leaving takes that PIN or the grown-up's password,
// within a throttle per session (3 free tries, then waits doubling from a minute to an hour) on top
// of the route's rate limit; it ends the child's session and starts a fresh one for the grown-up.
// Nothing of the grown-up's session stays on the device meanwhile.

const DAY = 24 * 3_600_000;
// As long as a grown-up's own session may last (accounts.service.ts): idle 7 days, at most 30.
const IDLE_MS = 7 * DAY;
const ABSOLUTE_MS = 30 * DAY;
const FREE_EXIT_FAILURES = 3;

export function childModeService({
  repo,
  clock,
  accounts,
}: {
  repo: AccountsRepository;
  clock: Clock;
  accounts: AccountsService;
}) {
  const throttle = authThrottle({ repo, clock });

  return {
    /**
     * Hands this browser over to a child profile (whose family the caller checked): ends the
     * grown-up's session here and answers the child's.
     */
    async start(
      auth: AuthContext,
      child: { id: string; displayName: string },
      pin: string,
      browser: Pick<Browser, 'userAgent'>,
    ): Promise<NewSession> {
      if (auth.role === 'childProfile') throw forbidden();
      const exitPinHash = await hashPassword(pin);
      await repo.deleteSession(auth.sessionId);
      const token = newToken();
      const id = hashToken(token);
      const now = clock.now();
      await repo.insertSession({
        id,
        publicId: newId(),
        device: describeDevice(browser.userAgent),
        userId: auth.userId,
        membershipId: auth.memberId,
        familyId: auth.familyId,
        createdAt: new Date(now).toISOString(),
        lastSeenAt: new Date(now).toISOString(),
        authenticatedAt: new Date(now).toISOString(),
        idleExpiresAt: new Date(now + IDLE_MS).toISOString(),
        expiresAt: new Date(now + ABSOLUTE_MS).toISOString(),
        childProfileId: child.id,
        exitPinHash,
      });
      return {
        token,
        auth: {
          sessionId: id,
          userId: auth.userId,
          memberId: auth.memberId,
          familyId: auth.familyId,
          role: 'childProfile',
          displayName: auth.displayName,
          familyRevision: auth.familyRevision,
          childProfileId: child.id,
          csrfToken: csrfTokenFor(token),
        },
      };
    },

    /**
     * Leaves child mode with the PIN or the grown-up's password: the child's session ends and the
     * grown-up who handed the phone over is signed in afresh (a new token). A wrong guess counts
     * against this child-mode session; after a few, each try waits longer.
     */
    async leave(
      auth: AuthContext,
      body: LeaveChildModeBody,
      browser: Browser,
    ): Promise<NewSession & { device: string }> {
      const session = await repo.findChildModeSession(auth.sessionId);
      if (!session || auth.role !== 'childProfile') throw forbidden();
      const key = {
        key: hashToken(`child-mode-leave:${auth.sessionId}`),
        free: FREE_EXIT_FAILURES,
        waitWords: ' from child mode on this phone',
      };
      await throttle.check(key);
      let ok = false;
      if (body.pin !== undefined && session.exitPinHash) {
        ok = await verifyPassword(session.exitPinHash, body.pin);
      } else if (body.password !== undefined) {
        const user = await repo.findUser(session.userId);
        ok = user ? await verifyPassword(user.passwordHash, body.password) : false;
      }
      if (!ok) {
        await throttle.recordFailure(key);
        throw body.pin !== undefined
          ? invalid('pin', 'That PIN did not match. A grown-up can try again, or use their password.')
          : invalid('password', 'That password did not match. Please try again.');
      }
      await throttle.clear(key.key);
      const membership = await repo.findActiveMembership(auth.familyId, session.membershipId);
      if (!membership) {
        await repo.deleteSession(auth.sessionId);
        throw new AppError('unauthenticated', 'Please sign in to continue.');
      }
      await repo.deleteSession(auth.sessionId);
      return accounts.startSessionIn({ id: session.userId }, membership, browser);
    },
  };
}

export type ChildModeService = ReturnType<typeof childModeService>;
