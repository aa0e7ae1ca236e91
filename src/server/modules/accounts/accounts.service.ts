import { createHash } from 'node:crypto';
import type { SignInBody, SignUpBody, UpdateFamilyBody } from '../../../contracts/accounts.js';
import { roleSchema } from '../../../contracts/permissions.js';
import { isoNow, isUniqueViolation } from '../../../db/dialect.js';
import type { Clock } from '../../clock.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { hashToken, newId, newToken } from '../../secrets.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AuthContext } from './auth-context.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Documented choices (research/reliability.md §0): idle 7 days, absolute 30 days. The idle clock is
// moved at most once an hour so that reading a page does not cost a write.
const IDLE_MS = 7 * DAY;
const ABSOLUTE_MS = 30 * DAY;
const TOUCH_EVERY_MS = HOUR;
// Per-account throttle: 5 free failures, then a wait that doubles from 1 minute to a 1 hour cap.
const FREE_FAILURES = 5;
const MAX_LOCK_MS = HOUR;

export interface NewSession {
  token: string;
  auth: AuthContext;
}

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

export function accountsService({ repo, clock }: { repo: AccountsRepository; clock: Clock }) {
  async function startSession(
    user: { id: string },
    membership: { id: string; family_id: string; role: string; display_name: string },
  ): Promise<NewSession> {
    const token = newToken();
    const now = clock.now();
    const id = hashToken(token);
    await repo.insertSession({
      id,
      user_id: user.id,
      membership_id: membership.id,
      family_id: membership.family_id,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      idle_expires_at: new Date(now + IDLE_MS).toISOString(),
      expires_at: new Date(now + ABSOLUTE_MS).toISOString(),
    });
    return {
      token,
      auth: {
        sessionId: id,
        userId: user.id,
        memberId: membership.id,
        familyId: membership.family_id,
        role: roleSchema.parse(membership.role),
        displayName: membership.display_name,
        familyRevision: 0,
        csrfToken: csrfTokenFor(token),
      },
    };
  }

  async function checkThrottle(key: string): Promise<void> {
    const row = await repo.findThrottle(key);
    if (!row?.locked_until) return;
    const waitMs = Date.parse(row.locked_until) - clock.now();
    if (waitMs > 0) {
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      throw new AppError(
        'rate_limited',
        `There have been several attempts to sign in to this account. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      );
    }
  }

  async function recordFailure(key: string): Promise<void> {
    const row = await repo.findThrottle(key);
    const failures = (row?.failures ?? 0) + 1;
    const over = failures - FREE_FAILURES;
    const lockMs = over > 0 ? Math.min(MAX_LOCK_MS, 60_000 * 2 ** (over - 1)) : 0;
    await repo.saveThrottle({
      key,
      failures,
      locked_until: lockMs > 0 ? new Date(clock.now() + lockMs).toISOString() : null,
      updated_at: isoNow(clock),
    });
  }

  return {
    async signUp(body: SignUpBody): Promise<NewSession> {
      const now = isoNow(clock);
      const family = {
        id: newId(),
        name: body.familyName,
        home_zone: body.homeZone,
        country: null,
        created_at: now,
      };
      const user = {
        id: newId(),
        email: body.email,
        password_hash: await hashPassword(body.password),
        display_name: body.displayName,
        created_at: now,
      };
      const membership = {
        id: newId(),
        family_id: family.id,
        user_id: user.id,
        role: 'owner',
        display_name: body.displayName,
        created_at: now,
      };
      try {
        await repo.createFamilyWithOwner({ family, user, membership });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw invalid(
            'email',
            'There is already an account with this e-mail address. Try signing in instead.',
          );
        }
        throw error;
      }
      return startSession(user, membership);
    },

    async signIn(body: SignInBody): Promise<NewSession> {
      const key = hashToken(`signin:${body.email}`);
      await checkThrottle(key);
      const user = await repo.findUserByEmail(body.email);
      let ok = false;
      if (user) ok = await verifyPassword(user.password_hash, body.password);
      else await verifyPassword(await decoyHash(), body.password); // same cost as a real check
      const membership = user && ok ? await repo.findMembershipForUser(user.id) : undefined;
      if (!user || !ok || !membership) {
        await recordFailure(key);
        throw new AppError(
          'unauthenticated',
          'That e-mail and password do not match an account. Please check them and try again.',
          {
            password: 'That e-mail and password do not match an account.',
          },
        );
      }
      await repo.clearThrottle(key);
      return startSession(user, membership);
    },

    signOut(auth: AuthContext): Promise<unknown> {
      return repo.deleteSession(auth.sessionId);
    },

    /** Resolves a session cookie into who is asking, or null when it is unknown or expired. */
    async resolveSession(token: string): Promise<AuthContext | null> {
      const id = hashToken(token);
      const row = await repo.findSessionContext(id);
      if (!row) return null;
      const now = clock.now();
      if (Date.parse(row.expires_at) <= now || Date.parse(row.idle_expires_at) <= now) {
        await repo.deleteSession(id);
        return null;
      }
      if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
        await repo.touchSession(
          id,
          new Date(now).toISOString(),
          new Date(Math.min(now + IDLE_MS, Date.parse(row.expires_at))).toISOString(),
        );
      }
      return {
        sessionId: id,
        userId: row.user_id,
        memberId: row.membership_id,
        familyId: row.family_id,
        role: roleSchema.parse(row.role),
        displayName: row.display_name,
        familyRevision: Number(row.revision),
        // Derived only when asked for (state-changing requests and /api/session), not on every read.
        get csrfToken() {
          return csrfTokenFor(token);
        },
      };
    },

    async sessionView(auth: AuthContext) {
      const [user, family] = await Promise.all([repo.findUser(auth.userId), repo.findFamily(auth.familyId)]);
      if (!user || !family) throw notFound();
      return { user, family };
    },

    listMembers(auth: AuthContext) {
      return repo.listMembers(auth.familyId);
    },

    /** A family and its members' addresses, for work done on its behalf (reminders). */
    async familyForJobs(familyId: string) {
      const family = await repo.findFamily(familyId);
      if (!family) return null;
      return { family, members: await repo.listMembersWithEmail(familyId) };
    },

    findMember(familyId: string, memberId: string) {
      return repo.findMember(familyId, memberId);
    },

    async updateFamily(auth: AuthContext, body: UpdateFamilyBody) {
      const patch = {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.homeZone !== undefined && { home_zone: body.homeZone }),
        ...(body.country !== undefined && { country: body.country }),
      };
      // An empty change is a valid request that changes nothing (an UPDATE needs a column to set).
      if (Object.keys(patch).length > 0) await repo.updateFamily(auth.familyId, patch);
      const family = await repo.findFamily(auth.familyId);
      if (!family) throw notFound();
      return family;
    },

    pruneSessions(): Promise<unknown> {
      return repo.deleteExpiredSessions(isoNow(clock));
    },
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
