import type {
  CreateInviteBody,
  CreatedInviteResponse,
  Invite,
  InvitePreviewResponse,
  InviteStatus,
  JoinAsNewBody,
  JoinWithAccountBody,
} from '../../../contracts/family.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import type { FamilyChanges } from '../../family-changes.js';
import { newId } from '../../secrets.js';
import type { AccountsServices, AuthContext, Browser, Membership, SignInFrom } from '../accounts/index.js';
import { codeHash, inviteLink, newInviteSecrets, readInviteSecret, tokenHash } from './invite-secrets.js';
import type { InviteRecord } from './invites.records.js';
import type { InvitesRepository } from './invites.repository.js';

const DAY = 86_400_000;

export function inviteStatus(invite: InviteRecord, now: number): InviteStatus {
  if (invite.revokedAt) return 'revoked';
  if (invite.uses >= invite.maxUses) return 'used';
  if (Date.parse(invite.expiresAt) <= now) return 'expired';
  return 'open';
}

/** Why an invite no longer lets anyone in, said kindly, with what to do. */
function closedMessage(status: Exclude<InviteStatus, 'open'>, inviter: string): string {
  switch (status) {
    case 'used':
      return `This invite has already been used. Please ask ${inviter} for a new one; it only takes a moment.`;
    case 'expired':
      return `This invite has ended. Please ask ${inviter} for a new one; it only takes a moment.`;
    case 'revoked':
      return `This invite was taken back. If you would still like to join, please ask ${inviter} for a new one.`;
  }
}

const NO_SUCH_INVITE = 'We could not find an invite with that code. Please check it, or ask for a new one.';

export function invitesService({
  repo,
  accounts,
  changes,
  clock,
  baseUrl,
  inviteKey,
}: {
  repo: InvitesRepository;
  accounts: AccountsServices;
  changes: FamilyChanges;
  clock: Clock;
  baseUrl: string;
  /** The installation's key for hashing invite codes. */
  inviteKey: () => Promise<string>;
}) {
  const members = accounts.memberships;

  async function present(invites: InviteRecord[], familyId: string): Promise<Invite[]> {
    if (invites.length === 0) return [];
    const [names, joins] = await Promise.all([members.namesOf(familyId), repo.listJoins(familyId)]);
    const now = clock.now();
    return invites.map((invite) => ({
      id: invite.id,
      role: invite.role,
      forName: invite.forName,
      maxUses: invite.maxUses,
      uses: invite.uses,
      expiresAt: invite.expiresAt,
      revokedAt: invite.revokedAt,
      createdAt: invite.createdAt,
      createdBy: names.get(invite.createdBy) ?? 'Someone in the family',
      status: inviteStatus(invite, now),
      joined: joins
        .filter((join) => join.inviteId === invite.id)
        .map((join) => ({
          memberId: join.membershipId,
          displayName: names.get(join.membershipId) ?? 'Someone',
          joinedAt: join.joinedAt,
        })),
    }));
  }

  /** The invite a typed or pasted secret names; 404 when there is none (or it is garbled). */
  async function lookUp(secret: string): Promise<InviteRecord> {
    const read = readInviteSecret(secret);
    if (!read) throw new AppError('not_found', NO_SUCH_INVITE);
    const invite =
      read.kind === 'token'
        ? await repo.findInviteByHash('token_hash', tokenHash(read.token))
        : await repo.findInviteByHash('code_hash', codeHash(await inviteKey(), read.code));
    if (!invite) throw new AppError('not_found', NO_SUCH_INVITE);
    return invite;
  }

  async function inviterOf(invite: InviteRecord): Promise<string> {
    return (await members.namesOf(invite.familyId)).get(invite.createdBy) ?? 'the person who invited you';
  }

  async function refuseIfClosed(invite: InviteRecord): Promise<void> {
    const status = inviteStatus(invite, clock.now());
    if (status !== 'open') throw conflict(closedMessage(status, await inviterOf(invite)));
  }

  /**
   * Takes one use of the invite inside the family's change; if it was used up, ended or taken back
   * since it was read, says so (and the change rolls back).
   */
  async function claim(invite: InviteRecord): Promise<void> {
    if (await repo.claimUse(invite.id, isoNow(clock))) return;
    const now = await repo.findInvite(invite.familyId, invite.id);
    const status = now ? inviteStatus(now, clock.now()) : 'revoked';
    throw conflict(closedMessage(status === 'open' ? 'used' : status, await inviterOf(invite)));
  }

  async function recordJoin(invite: InviteRecord, membership: Membership): Promise<void> {
    await repo.insertJoin({
      id: newId(),
      familyId: invite.familyId,
      inviteId: invite.id,
      membershipId: membership.id,
      joinedAt: isoNow(clock),
    });
  }

  /** Inside the family's change: takes a use and adds the person; refuses one who belongs already. */
  async function joinExisting(
    invite: InviteRecord,
    person: { id: string; displayName: string },
  ): Promise<Membership> {
    await claim(invite);
    const added = await members.addExisting({
      userId: person.id,
      familyId: invite.familyId,
      role: invite.role,
      displayName: person.displayName,
    });
    if (added === 'already') {
      const familyName = (await members.familyName(invite.familyId)) ?? 'this family';
      throw conflict(`You are already part of ${familyName}.`);
    }
    await recordJoin(invite, added);
    return added;
  }

  return {
    async create(auth: AuthContext, body: CreateInviteBody): Promise<CreatedInviteResponse> {
      const secrets = newInviteSecrets();
      const now = clock.now();
      const id = newId();
      await repo.insertInvite({
        id,
        familyId: auth.familyId,
        role: body.role,
        forName: body.forName ?? null,
        maxUses: body.maxUses,
        expiresAt: new Date(now + body.expiresInDays * DAY).toISOString(),
        createdBy: auth.memberId,
        createdAt: new Date(now).toISOString(),
        tokenHash: tokenHash(secrets.token),
        codeHash: codeHash(await inviteKey(), secrets.code),
      });
      const invite = await repo.findInvite(auth.familyId, id);
      if (!invite) throw notFound();
      const [presented] = await present([invite], auth.familyId);
      return { invite: presented!, link: inviteLink(baseUrl, secrets.token), code: secrets.code };
    },

    async list(auth: AuthContext): Promise<Invite[]> {
      return present(await repo.listInvites(auth.familyId), auth.familyId);
    },

    /** Takes an invite back: nobody more can join with it; who joined already stays. */
    async revoke(auth: AuthContext, inviteId: string): Promise<Invite> {
      await repo.revokeInvite(auth.familyId, inviteId, isoNow(clock));
      const invite = await repo.findInvite(auth.familyId, inviteId);
      if (!invite) throw notFound();
      const [presented] = await present([invite], auth.familyId);
      return presented!;
    },

    /** What the join page shows: the family, who asked, and whether the invite still works. */
    async preview(secret: string, auth: AuthContext | null): Promise<InvitePreviewResponse> {
      const invite = await lookUp(secret);
      const [familyName, invitedBy, mine] = await Promise.all([
        members.familyName(invite.familyId),
        inviterOf(invite),
        auth ? members.findActiveOfUser(auth.userId, invite.familyId) : undefined,
      ]);
      return {
        familyName: familyName ?? 'the family',
        invitedBy,
        role: invite.role,
        status: inviteStatus(invite, clock.now()),
        expiresAt: invite.expiresAt,
        alreadyMember: mine !== undefined,
      };
    },

    /**
     * Someone new joins: their account and membership, the invite's use and the record of who
     * joined are one change to the family; an address that already has an account changes nothing.
     */
    async joinAsNew(body: JoinAsNewBody, browser: Browser) {
      const invite = await lookUp(body.invite);
      await refuseIfClosed(invite);
      // Hashing is slow on purpose: done before the family's transaction opens.
      const passwordHash = await members.hashPassword(body.password);
      const joined = await changes.within(invite.familyId, async () => {
        await claim(invite);
        const added = await members.addNewPerson({
          familyId: invite.familyId,
          role: invite.role,
          displayName: body.displayName,
          email: body.email,
          passwordHash,
        });
        if (added === 'taken') {
          throw invalid(
            'email',
            'There is already an account with this e-mail address. Please sign in, then use the invite again.',
          );
        }
        await recordJoin(invite, added.membership);
        return added;
      });
      return accounts.startSessionIn(joined.user, joined.membership, browser);
    },

    /**
     * Someone with an account, not signed in here, joins: their e-mail and password are checked
     * within the sign-in throttle, then they join and are signed in to the family they joined.
     */
    async joinWithAccount(body: JoinWithAccountBody, from: SignInFrom) {
      const invite = await lookUp(body.invite);
      await refuseIfClosed(invite);
      const user = await accounts.authenticate({ email: body.email, password: body.password }, from);
      const membership = await changes.within(invite.familyId, () => joinExisting(invite, user));
      return accounts.startSessionIn(user, membership, from);
    },

    /** Someone signed in joins another family; this session moves to it. */
    async join(auth: AuthContext, secret: string): Promise<AuthContext> {
      const invite = await lookUp(secret);
      await refuseIfClosed(invite);
      const membership = await changes.within(invite.familyId, () =>
        joinExisting(invite, { id: auth.userId, displayName: auth.displayName }),
      );
      return members.moveSession(auth, membership);
    },
  };
}

export type InvitesService = ReturnType<typeof invitesService>;
