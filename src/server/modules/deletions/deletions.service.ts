import type {
  AccountDeletionResponse,
  ConfirmDeletionBody,
  FamilyDeletionResponse,
} from '../../../contracts/deletion.js';
import { DELETION_WAIT_DAYS, FORMER_MEMBER } from '../../../contracts/deletion.js';
import { isoNow, type Clock } from '../../clock.js';
import { conflict } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { newId } from '../../secrets.js';
import type { AccountsServices, AuthContext, Family } from '../accounts/index.js';
import type { RemembranceServices } from '../remembrance/index.js';
import type { DeletionsRepository, Hold } from './deletions.repository.js';
import type { EraseRepository } from './erase.repository.js';
import { DELETION_NOTICE_QUEUE, type NoticePayload } from './notice.job.js';
import {
  accountAsked,
  accountKept,
  dayOf,
  familyAsked,
  familyKept,
  noticeKey,
  type NoticeWords,
} from './notices.js';

const WAIT_MS = DELETION_WAIT_DAYS * 24 * 3_600_000;

/** Asked now, carried out DELETION_WAIT_DAYS from now. */
const askedNow = (clock: Clock) => {
  const now = clock.now();
  return { askedAt: new Date(now).toISOString(), dueAt: new Date(now + WAIT_MS).toISOString() };
};

/** What to do about a family the account cannot leave yet, said as a way forward. */
function holdMessage(hold: Hold): string {
  return hold.reason === 'only_owner'
    ? `You are the only owner of ${hold.familyName}. Please make another adult an owner first (in Family members), or delete the family.`
    : `You are the only one left in ${hold.familyName}. Please delete the family instead: if it is your only family here, your account is deleted with it.`;
}

/**
 * Deleting a family (its owners) or one's own account: asked for with the password, carried out
 * after DELETION_WAIT_DAYS by `runDue` unless cancelled, with the other adults told in their inbox
 * and by e-mail both when it is asked for and when it is cancelled. A family is never left without
 * an owner: an account that would leave one waits (accountHolds).
 */
export function deletionsService(deps: {
  repo: DeletionsRepository;
  erase: EraseRepository;
  accounts: AccountsServices;
  remembrance: RemembranceServices;
  queue: JobQueue;
  clock: Clock;
  emailOn: boolean;
  /** Runs work as one change to a family (family-changes.ts), for a request outside the family's own. */
  changeFamily: <T>(familyId: string, work: () => Promise<T>) => Promise<T>;
}) {
  const { repo, accounts, clock } = deps;

  /** Tells the family's owners and adults (but one), in their inbox and, where e-mail is on, by e-mail. */
  async function tellAdults(
    familyId: string,
    exceptMemberId: string,
    keyFor: (memberId: string) => string,
    words: (family: Family) => NoticeWords,
  ): Promise<void> {
    const context = await accounts.familyForJobs(familyId);
    if (!context) return;
    const { title, body } = words(context.family);
    const adults = context.members.filter(
      (m) => (m.role === 'owner' || m.role === 'adult') && m.id !== exceptMemberId,
    );
    const now = clock.now();
    await deps.remembrance.addToInbox(
      adults.map((m) => ({
        id: newId(),
        familyId,
        membershipId: m.id,
        reminderKey: keyFor(m.id),
        title,
        body,
        link: '/settings',
        createdAt: new Date(now).toISOString(),
      })),
    );
    if (!deps.emailOn || adults.length === 0) return;
    await repo.enqueueJobs(
      deps.queue,
      adults.map((m) => {
        const payload: NoticePayload = { familyId, membershipId: m.id, key: keyFor(m.id) };
        return { queue: DELETION_NOTICE_QUEUE, dedupeKey: payload.key, payload, runAt: now };
      }),
    );
  }

  async function familyView(auth: AuthContext): Promise<FamilyDeletionResponse> {
    const scheduled = await repo.familyDeletion(auth.familyId);
    const names = scheduled ? await accounts.memberships.namesOf(auth.familyId) : new Map<string, string>();
    const closing = await repo.membersWithNoOtherFamily(auth.familyId);
    return {
      deletion: scheduled && {
        askedAt: scheduled.askedAt,
        dueAt: scheduled.dueAt,
        askedBy: (scheduled.askedBy && names.get(scheduled.askedBy)) || FORMER_MEMBER,
      },
      accountsClosing: closing.map((m) => ({ ...m, isYou: m.memberId === auth.memberId })),
    };
  }

  async function accountView(auth: AuthContext): Promise<AccountDeletionResponse> {
    const scheduled = await repo.accountDeletion(auth.userId);
    const dueAt = scheduled?.dueAt ?? new Date(clock.now() + WAIT_MS).toISOString();
    const [entries, heldBy] = await Promise.all([
      repo.entryCounts(auth.userId),
      repo.holds(auth.userId, dueAt),
    ]);
    return {
      deletion: scheduled,
      privateEntries: entries.private,
      sharedEntries: entries.shared,
      heldBy,
    };
  }

  return {
    familyView,
    accountView,

    /** An owner asks for the family to be deleted in seven days; asking again changes nothing. */
    async deleteFamily(auth: AuthContext, body: ConfirmDeletionBody): Promise<FamilyDeletionResponse> {
      // Before the change opens: a wrong password is counted although the answer is an error.
      await accounts.checkPassword(auth, body.currentPassword, 'delete-family');
      return deps.changeFamily(auth.familyId, async () => {
        const { askedAt, dueAt } = askedNow(clock);
        if (await repo.scheduleFamily(auth.familyId, { askedAt, askedBy: auth.memberId, dueAt })) {
          await tellAdults(
            auth.familyId,
            auth.memberId,
            (memberId) => noticeKey({ family: auth.familyId }, askedAt, 'asked', memberId),
            (family) =>
              familyAsked({
                familyName: family.name,
                asker: auth.displayName,
                day: dayOf(dueAt, family.homeZone),
              }),
          );
        }
        return familyView(auth);
      });
    },

    /** An owner cancels the family's deletion (inside the request's change to the family). */
    async keepFamily(auth: AuthContext): Promise<FamilyDeletionResponse> {
      const scheduled = await repo.familyDeletion(auth.familyId);
      if (scheduled) {
        await repo.clearFamily(auth.familyId);
        await tellAdults(
          auth.familyId,
          auth.memberId,
          (memberId) => noticeKey({ family: auth.familyId }, scheduled.askedAt, 'kept', memberId),
          (family) => familyKept({ familyName: family.name, who: auth.displayName }),
        );
      }
      return familyView(auth);
    },

    /**
     * The person asks for their account to be deleted in seven days. Refused, saying what to do,
     * while a family would be left without an owner.
     */
    async deleteAccount(auth: AuthContext, body: ConfirmDeletionBody): Promise<AccountDeletionResponse> {
      await accounts.checkPassword(auth, body.currentPassword, 'delete-account');
      return deps.changeFamily(auth.familyId, async () => {
        const { askedAt, dueAt } = askedNow(clock);
        const [hold] = await repo.holds(auth.userId, dueAt);
        if (hold) throw conflict(holdMessage(hold));
        if (await repo.scheduleAccount(auth.userId, { askedAt, dueAt })) {
          for (const member of await repo.activeMemberships(auth.userId)) {
            await tellAdults(
              member.familyId,
              member.memberId,
              (memberId) => noticeKey({ account: auth.userId }, askedAt, 'asked', memberId),
              (family) => accountAsked({ name: member.displayName, day: dayOf(dueAt, family.homeZone) }),
            );
          }
        }
        return accountView(auth);
      });
    },

    /** The person keeps their account after all. */
    async keepAccount(auth: AuthContext): Promise<AccountDeletionResponse> {
      const scheduled = await repo.accountDeletion(auth.userId);
      if (scheduled) {
        await repo.clearAccount(auth.userId);
        for (const member of await repo.activeMemberships(auth.userId)) {
          await tellAdults(
            member.familyId,
            member.memberId,
            (memberId) => noticeKey({ account: auth.userId }, scheduled.askedAt, 'kept', memberId),
            () => accountKept({ name: member.displayName }),
          );
        }
      }
      return accountView(auth);
    },

    /**
     * Removes what a try at bringing an archive in left: its half-made family, deleted as any family
     * is (modules/family-data/import.job.ts), if the import still names it and is not done.
     */
    eraseImportLeftovers: (importId: string, familyId: string): Promise<boolean> =>
      deps.erase.eraseImportLeftovers(importId, familyId, isoNow(clock)),

    /**
     * Carries out the deletions that are due (scheduled work, every few minutes): each family, then
     * each account, in its own transaction. One that fails is tried again next time; the others
     * still go.
     */
    async runDue(): Promise<{ families: number; accounts: number }> {
      const nowIso = isoNow(clock);
      const done = { families: 0, accounts: 0 };
      const failures: unknown[] = [];
      for (const familyId of await repo.dueFamilies(nowIso)) {
        try {
          if (await deps.erase.eraseFamily(familyId, nowIso)) done.families++;
        } catch (error) {
          failures.push(error);
        }
      }
      for (const userId of await repo.dueAccounts(nowIso)) {
        try {
          if (await deps.erase.eraseAccount(userId, nowIso)) done.accounts++;
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) throw failures[0];
      return done;
    },
  };
}

export type DeletionsService = ReturnType<typeof deletionsService>;
