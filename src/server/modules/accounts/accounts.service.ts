import { createHash, createHmac, randomInt } from 'node:crypto';
import type {
  ChangePasswordBody,
  SignInBody,
  SignUpBody,
  UpdateFamilyBody,
} from '../../../contracts/accounts.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import { hashToken, newId, newToken, safeEqual } from '../../secrets.js';
import type {
  Family,
  FamilyMember,
  FamilyMemberWithEmail,
  FamilyPatch,
  Membership,
  NewFamily,
  User,
} from './accounts.records.js';
import type { AccountsRepository } from './accounts.repository.js';
import type { AuthContext } from './auth-context.js';
import { describeDevice } from './device-name.js';
import { authThrottle, checkPasswordAgain, type ThrottleKey } from './throttle.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Documented choices (research/reliability.md §0): idle 7 days, absolute 30 days. The idle clock is
// moved at most once an hour so that reading a page does not cost a write.
const IDLE_MS = 7 * DAY;
const ABSOLUTE_MS = 30 * DAY;
const TOUCH_EVERY_MS = HOUR;
// Sign-in throttle (SECURITY.md): growing waits, never a hard lock, and never one a stranger can
// put on someone else. Wrong passwords count against the account *from that address* (5 free,
// then a wait doubling from 1 minute to an hour), and against the account from everywhere (20
// free, the same waits) to slow guessing spread over many addresses. A browser that has signed
// in to the account before holds a known-device cookie: it is counted on its own (5 free) and is
// not held back by the others, so the owner's right password gets through a stranger's storm.
const PAIR_FREE_FAILURES = 5;
const ACCOUNT_FREE_FAILURES = 20;
const DEVICE_FREE_FAILURES = 5;

/** Where a sign-in comes from: the client's address, and a known-device cookie if it sent one. */
export interface SignInFrom extends Browser {
  address: string;
  device: string | undefined;
}

/** The browser a session starts in. */
export interface Browser {
  /** Its User-Agent, described in the list of sessions ("Firefox on Android"). */
  userAgent: string | undefined;
  /** The session cookie it still holds, if any: signing in again ends that session. */
  previousSession: string | undefined;
}

/**
 * A password to read out or type once: five groups of four letters and digits without look-alikes
 * (no 0/o, 1/l/i), about 100 bits. The person changes it in Settings after signing in.
 */
function readablePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return Array.from({ length: 5 }, group).join('-');
}

/** Who signs up: the sign-up form with its password already hashed. */
export type NewOwner = Omit<SignUpBody, 'password'> & { passwordHash: string };

export interface NewSession {
  token: string;
  auth: AuthContext;
}

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');
}

export function accountsService({
  repo,
  clock,
  deviceKey,
}: {
  repo: AccountsRepository;
  clock: Clock;
  /** The installation's key for known-device cookies. */
  deviceKey: () => Promise<string>;
}) {
  const throttle = authThrottle({ repo, clock });

  /**
   * A new session (a new token: never one the browser brought), described by its browser. The
   * session the browser still held, whoever's it was, ends: signing in replaces it (ASVS 7.2.4).
   */
  async function startSession(
    user: { id: string },
    membership: Pick<Membership, 'id' | 'familyId' | 'role' | 'displayName'>,
    browser: Browser,
  ): Promise<NewSession> {
    if (browser.previousSession) await repo.deleteSession(hashToken(browser.previousSession));
    const token = newToken();
    const now = clock.now();
    const id = hashToken(token);
    await repo.insertSession({
      id,
      publicId: newId(),
      device: describeDevice(browser.userAgent),
      userId: user.id,
      membershipId: membership.id,
      familyId: membership.familyId,
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      authenticatedAt: new Date(now).toISOString(),
      idleExpiresAt: new Date(now + IDLE_MS).toISOString(),
      expiresAt: new Date(now + ABSOLUTE_MS).toISOString(),
    });
    return {
      token,
      auth: {
        sessionId: id,
        userId: user.id,
        memberId: membership.id,
        familyId: membership.familyId,
        role: membership.role,
        displayName: membership.displayName,
        familyRevision: 0,
        childProfileId: null,
        csrfToken: csrfTokenFor(token),
      },
    };
  }

  // A known-device cookie is "<random>.<HMAC of user id and random>", signed with a key kept per
  // installation: nothing is stored per device, and it names no one to whoever reads it.
  const deviceSignature = async (userId: string, nonce: string) =>
    createHmac('sha256', await deviceKey())
      .update(`device:${userId}:${nonce}`)
      .digest('base64url');

  async function newDeviceFor(userId: string): Promise<string> {
    const nonce = newToken();
    return `${nonce}.${await deviceSignature(userId, nonce)}`;
  }

  async function isKnownDevice(device: string, userId: string): Promise<boolean> {
    const parts = device.split('.');
    if (
      parts.length !== 2 ||
      !/^[A-Za-z0-9_-]{43}$/.test(parts[0]!) ||
      !/^[A-Za-z0-9_-]{43}$/.test(parts[1]!)
    )
      return false;
    return safeEqual(parts[1]!, await deviceSignature(userId, parts[0]!));
  }

  /** The person an e-mail and password name, within the throttle; the same refusal for any mismatch. */
  async function authenticate(
    body: SignInBody,
    from: SignInFrom,
  ): Promise<{ user: User; knownDevice: boolean }> {
    const user = await repo.findUserByEmail(body.email);
    const knownDevice = user && from.device ? await isKnownDevice(from.device, user.id) : false;
    const keys: ThrottleKey[] = knownDevice
      ? [
          {
            key: hashToken(`signin-device:${from.device}`),
            free: DEVICE_FREE_FAILURES,
            waitWords: ' from this device',
          },
        ]
      : [
          {
            key: hashToken(`signin:${body.email}|${from.address}`),
            free: PAIR_FREE_FAILURES,
            waitWords: ' from here',
          },
          {
            key: hashToken(`signin:${body.email}`),
            free: ACCOUNT_FREE_FAILURES,
            waitWords: ', from many places,',
          },
        ];
    for (const key of keys) await throttle.check(key);
    let ok = false;
    if (user) ok = await verifyPassword(user.passwordHash, body.password);
    else await verifyPassword(await decoyHash(), body.password); // same cost as a real check
    if (!user || !ok) {
      for (const key of keys) await throttle.recordFailure(key);
      throw new AppError(
        'unauthenticated',
        'That e-mail and password do not match an account. Please check them and try again.',
        {
          password: 'That e-mail and password do not match an account.',
        },
      );
    }
    for (const key of keys) await repo.clearThrottle(key.key);
    // The owner is in: the count against the account from everywhere starts again too.
    await repo.clearThrottle(hashToken(`signin:${body.email}`));
    return { user, knownDevice };
  }

  return {
    /**
     * Creates the family and its owner, and signs them in; this browser becomes a known device.
     * Answers 'taken' when an account has the address. Where e-mail is on, only the link e-mailed
     * to the address gets here (sign-up.service.ts), so the first answer tells no one that.
     */
    async createFamily(
      owner: NewOwner,
      browser: Browser,
    ): Promise<(NewSession & { device: string }) | 'taken'> {
      const now = isoNow(clock);
      const family: NewFamily = {
        id: newId(),
        name: owner.familyName,
        homeZone: owner.homeZone,
        country: null,
        createdAt: now,
      };
      const user: User = {
        id: newId(),
        email: owner.email,
        passwordHash: owner.passwordHash,
        displayName: owner.displayName,
        createdAt: now,
      };
      const membership: Membership = {
        id: newId(),
        familyId: family.id,
        userId: user.id,
        role: 'owner',
        displayName: owner.displayName,
        createdAt: now,
      };
      if ((await repo.createFamilyWithOwner({ family, user, membership })) === 'taken') return 'taken';
      return { ...(await startSession(user, membership, browser)), device: await newDeviceFor(user.id) };
    },

    /**
     * Signs in, within the throttle (top of file). Answers the new session and, for a browser not
     * yet known for this account, a known-device cookie to keep (null when it already has one).
     */
    async signIn(body: SignInBody, from: SignInFrom): Promise<NewSession & { device: string | null }> {
      const { user, knownDevice } = await authenticate(body, from);
      const membership = await repo.findMembershipForUser(user.id);
      if (!membership) {
        // The password was right (so this tells a stranger nothing): they left or were removed.
        throw new AppError(
          'unauthenticated',
          'You are not part of a family here any more. If someone invites you again, open their invite and sign in there.',
        );
      }
      const session = await startSession(user, membership, from);
      return { ...session, device: knownDevice ? null : await newDeviceFor(user.id) };
    },

    /**
     * Checks an e-mail and password within the sign-in throttle, for joining a family through an
     * invite with an account one already has; the caller starts the session (`startSessionIn`).
     */
    async authenticate(body: SignInBody, from: SignInFrom): Promise<User> {
      return (await authenticate(body, from)).user;
    },

    /**
     * Changes the signed-in person's password, after checking the current one (wrong guesses wait
     * like sign-in's, so a borrowed session cannot try many), and ends every other session of
     * theirs: a phone left signed in somewhere is signed out.
     */
    async changePassword(auth: AuthContext, body: ChangePasswordBody): Promise<void> {
      const user = await checkPasswordAgain({ repo, throttle }, auth.userId, body.currentPassword, {
        name: 'password-change',
        free: PAIR_FREE_FAILURES,
        waitWords: ' with a wrong current password',
        wrong: 'That is not your current password. Please try again.',
      });
      await repo.setPasswordHash(user.id, await hashPassword(body.newPassword));
      await repo.deleteSessionsOfUser(user.id, auth.sessionId);
      // A reset link sent earlier must not undo the password chosen now.
      await repo.deleteTokensOfUser(user.id, 'password_reset');
    },

    /**
     * For `alongside users reset-password`, when someone cannot sign in and no e-mail can reach
     * them: sets a new password, ends every session, and answers the new password, shown once.
     * Null when no account has this e-mail address.
     */
    async resetPassword(email: string): Promise<string | null> {
      const user = await repo.findUserByEmail(email);
      if (!user) return null;
      const fresh = readablePassword();
      await repo.setPasswordHash(user.id, await hashPassword(fresh));
      await repo.deleteSessionsOfUser(user.id, null);
      await repo.deleteTokensOfUser(user.id, 'password_reset');
      await repo.clearThrottle(hashToken(`signin:${email}`));
      return fresh;
    },

    /**
     * The signed-in person's password again, before something that cannot be taken back (deleting
     * the family or the account); wrong guesses wait as sign-in's do. A wrong one names the field.
     */
    async checkPassword(
      auth: AuthContext,
      password: string,
      purpose: 'delete-family' | 'delete-account',
    ): Promise<void> {
      await checkPasswordAgain({ repo, throttle }, auth.userId, password, {
        name: purpose,
        free: PAIR_FREE_FAILURES,
        waitWords: ' with a wrong password',
        wrong: 'That is not your password. Please try again.',
      });
    },

    signOut(auth: AuthContext): Promise<unknown> {
      return repo.deleteSession(auth.sessionId);
    },

    /** Resolves a session cookie into who is asking, or null when it is unknown or expired. */
    async resolveSession(token: string): Promise<AuthContext | null> {
      const id = hashToken(token);
      const session = await repo.findSessionContext(id);
      if (!session) return null;
      const now = clock.now();
      if (Date.parse(session.expiresAt) <= now || Date.parse(session.idleExpiresAt) <= now) {
        await repo.deleteSession(id);
        return null;
      }
      if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
        await repo.touchSession(
          id,
          new Date(now).toISOString(),
          new Date(Math.min(now + IDLE_MS, Date.parse(session.expiresAt))).toISOString(),
        );
      }
      return {
        sessionId: id,
        userId: session.userId,
        memberId: session.membershipId,
        familyId: session.familyId,
        // A child-mode session has the child's rights only, whoever handed the phone over.
        role: session.childProfileId ? 'childProfile' : session.role,
        displayName: session.displayName,
        familyRevision: session.familyRevision,
        childProfileId: session.childProfileId,
        // Derived only when asked for (state-changing requests and /api/session), not on every read.
        get csrfToken() {
          return csrfTokenFor(token);
        },
      };
    },

    async sessionView(auth: AuthContext): Promise<{ user: User; family: Family }> {
      const [user, family] = await Promise.all([repo.findUser(auth.userId), repo.findFamily(auth.familyId)]);
      if (!user || !family) throw notFound();
      return { user, family };
    },

    listMembers(auth: AuthContext): Promise<FamilyMember[]> {
      return repo.listMembers(auth.familyId);
    },

    /** A family and its members' addresses, for work done on its behalf (reminders). */
    async familyForJobs(
      familyId: string,
    ): Promise<{ family: Family; members: FamilyMemberWithEmail[] } | null> {
      const family = await repo.findFamily(familyId);
      if (!family) return null;
      return { family, members: await repo.listMembersWithEmail(familyId) };
    },

    findMember(familyId: string, memberId: string): Promise<FamilyMember | undefined> {
      return repo.findMember(familyId, memberId);
    },

    async updateFamily(auth: AuthContext, body: UpdateFamilyBody): Promise<Family> {
      const patch: FamilyPatch = {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.homeZone !== undefined && { homeZone: body.homeZone }),
        ...(body.country !== undefined && { country: body.country }),
      };
      // An empty change is a valid request that changes nothing (an UPDATE needs a column to set).
      if (Object.keys(patch).length > 0) await repo.updateFamily(auth.familyId, patch);
      const family = await repo.findFamily(auth.familyId);
      if (!family) throw notFound();
      return family;
    },

    /**
     * Signs in someone who has just joined a family through an invite as a new person; this
     * browser becomes a known device, as on sign-up.
     */
    async startSessionIn(
      user: { id: string },
      membership: Pick<Membership, 'id' | 'familyId' | 'role' | 'displayName'>,
      browser: Browser,
    ): Promise<NewSession & { device: string }> {
      return { ...(await startSession(user, membership, browser)), device: await newDeviceFor(user.id) };
    },

    pruneSessions(): Promise<unknown> {
      return repo.deleteExpiredSessions(isoNow(clock));
    },
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
