import { isoNow, type Clock } from '../../clock.js';
import { AppError, invalid } from '../../errors.js';
import { hashToken } from '../../secrets.js';
import type { AccountsRepository } from './accounts.repository.js';
import { verifyPassword } from './passwords.js';

// Growing waits, never a hard lock (SECURITY.md): a key's first `free` failures cost nothing, then
// each one waits twice as long as the last, from 1 minute to an hour. Used by signing in, changing
// one's password and changing one's e-mail address.
const MAX_LOCK_MS = 3_600_000;

export interface ThrottleKey {
  key: string;
  free: number;
  /** What the wait is about, said in the message. */
  waitWords: string;
}

export function authThrottle({ repo, clock }: { repo: AccountsRepository; clock: Clock }) {
  return {
    /** Refuses with a kind "please wait" while the key is held back. */
    async check({ key, waitWords }: ThrottleKey): Promise<void> {
      const row = await repo.findThrottle(key);
      if (!row?.lockedUntil) return;
      const waitMs = Date.parse(row.lockedUntil) - clock.now();
      if (waitMs > 0) {
        const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
        throw new AppError(
          'rate_limited',
          `There have been several attempts to sign in to this account${waitWords}. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        );
      }
    },

    async recordFailure({ key, free }: ThrottleKey): Promise<void> {
      const row = await repo.findThrottle(key);
      const failures = (row?.failures ?? 0) + 1;
      const over = failures - free;
      const lockMs = over > 0 ? Math.min(MAX_LOCK_MS, 60_000 * 2 ** (over - 1)) : 0;
      await repo.saveThrottle({
        key,
        failures,
        lockedUntil: lockMs > 0 ? new Date(clock.now() + lockMs).toISOString() : null,
        updatedAt: isoNow(clock),
      });
    },

    clear(key: string): Promise<unknown> {
      return repo.clearThrottle(key);
    },
  };
}

/**
 * The signed-in person's password, asked again before something that matters (a new password, a
 * new address, signing out other devices): wrong guesses wait as sign-in's do, per person and
 * purpose, so a borrowed session cannot try many. Answers the person's record; the wait clears on
 * the right password.
 */
export async function checkPasswordAgain(
  { repo, throttle }: { repo: AccountsRepository; throttle: AuthThrottle },
  userId: string,
  password: string,
  purpose: { name: string; free: number; waitWords: string; wrong: string },
) {
  const key: ThrottleKey = {
    key: hashToken(`${purpose.name}:${userId}`),
    free: purpose.free,
    waitWords: purpose.waitWords,
  };
  await throttle.check(key);
  const user = await repo.findUser(userId);
  if (!user) throw new AppError('unauthenticated', 'Please sign in again.');
  if (!(await verifyPassword(user.passwordHash, password))) {
    await throttle.recordFailure(key);
    throw invalid('currentPassword', purpose.wrong);
  }
  await throttle.clear(key.key);
  return user;
}

export type AuthThrottle = ReturnType<typeof authThrottle>;
