import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';
import type { AccountDeletionHold } from '../../../contracts/deletion.js';

// A deletion asked for and not yet carried out: the `deletion_*` columns of `families` and `users`
// (migration 027), which this module alone writes. What a deletion removes is erase.repository.ts.

export interface Scheduled {
  askedAt: string;
  dueAt: string;
}

export interface FamilyScheduled extends Scheduled {
  /** The owner who asked (a membership id of the family). */
  askedBy: string | null;
}

export interface Hold {
  familyId: string;
  familyName: string;
  reason: AccountDeletionHold;
}

/**
 * The families a person's account cannot leave by `dueAt`: those where they are an owner and no
 * other owner stays (an owner whose own account is going does not count), unless the family itself
 * is deleted first. Also read inside the deletion's transaction, so it takes any handle.
 */
export async function accountHolds(db: Kysely<Database>, userId: string, dueAt: string): Promise<Hold[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('families as f', 'f.id', 'm.family_id')
    .select((eb) => [
      'f.id',
      'f.name',
      'f.deletion_due_at',
      eb
        .selectFrom('memberships as o')
        .innerJoin('users as ou', 'ou.id', 'o.user_id')
        .select((sub) => sub.fn.countAll<number | string>().as('n'))
        .whereRef('o.family_id', '=', 'm.family_id')
        .whereRef('o.id', '!=', 'm.id')
        .where('o.role', '=', 'owner')
        .where('o.removed_at', 'is', null)
        .where('ou.deletion_due_at', 'is', null)
        .as('staying_owners'),
      eb
        .selectFrom('memberships as o')
        .select((sub) => sub.fn.countAll<number | string>().as('n'))
        .whereRef('o.family_id', '=', 'm.family_id')
        .whereRef('o.id', '!=', 'm.id')
        .where('o.removed_at', 'is', null)
        .as('others'),
    ])
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'owner')
    .where('m.removed_at', 'is', null)
    .orderBy('m.created_at')
    .execute();
  return rows
    .filter((r) => Number(r.staying_owners) === 0)
    .filter((r) => !(r.deletion_due_at && r.deletion_due_at <= dueAt))
    .map((r) => ({
      familyId: r.id,
      familyName: r.name,
      reason: Number(r.others) > 0 ? 'only_owner' : 'only_member',
    }));
}

/**
 * The family's memberships, present and past, whose person belongs to no other family now: deleting
 * the family leaves them without one, so their accounts go with it.
 */
export function onlyHere(db: Kysely<Database>, familyId: string) {
  return db
    .selectFrom('memberships as m')
    .select(['m.id', 'm.user_id', 'm.display_name', 'm.removed_at'])
    .where('m.family_id', '=', familyId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships as o')
            .select('o.id')
            .whereRef('o.user_id', '=', 'm.user_id')
            .where('o.family_id', '!=', familyId)
            .where('o.removed_at', 'is', null),
        ),
      ),
    )
    .orderBy('m.created_at')
    .execute();
}

export function deletionsRepository(db: Kysely<Database>) {
  return {
    async familyDeletion(familyId: string): Promise<FamilyScheduled | null> {
      const row = await db
        .selectFrom('families')
        .select(['deletion_asked_at', 'deletion_asked_by', 'deletion_due_at'])
        .where('id', '=', familyId)
        .executeTakeFirst();
      if (!row?.deletion_due_at || !row.deletion_asked_at) return null;
      return { askedAt: row.deletion_asked_at, askedBy: row.deletion_asked_by, dueAt: row.deletion_due_at };
    },

    /** Asks for the family's deletion; false when one is asked for already (it is kept as it is). */
    async scheduleFamily(familyId: string, asked: FamilyScheduled): Promise<boolean> {
      const result = await db
        .updateTable('families')
        .set({
          deletion_asked_at: asked.askedAt,
          deletion_asked_by: asked.askedBy,
          deletion_due_at: asked.dueAt,
        })
        .where('id', '=', familyId)
        .where('deletion_due_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    clearFamily(familyId: string): Promise<unknown> {
      return db
        .updateTable('families')
        .set({ deletion_asked_at: null, deletion_asked_by: null, deletion_due_at: null })
        .where('id', '=', familyId)
        .execute();
    },

    /** Members who belong to no other family here: their accounts are deleted with this one. */
    async membersWithNoOtherFamily(
      familyId: string,
    ): Promise<Array<{ memberId: string; displayName: string }>> {
      const rows = await onlyHere(db, familyId);
      return rows
        .filter((r) => r.removed_at === null)
        .map((r) => ({ memberId: r.id, displayName: r.display_name }));
    },

    async accountDeletion(userId: string): Promise<Scheduled | null> {
      const row = await db
        .selectFrom('users')
        .select(['deletion_asked_at', 'deletion_due_at'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!row?.deletion_due_at || !row.deletion_asked_at) return null;
      return { askedAt: row.deletion_asked_at, dueAt: row.deletion_due_at };
    },

    /** Asks for the account's deletion; false when one is asked for already. */
    async scheduleAccount(userId: string, asked: Scheduled): Promise<boolean> {
      const result = await db
        .updateTable('users')
        .set({ deletion_asked_at: asked.askedAt, deletion_due_at: asked.dueAt })
        .where('id', '=', userId)
        .where('deletion_due_at', 'is', null)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    clearAccount(userId: string): Promise<unknown> {
      return db
        .updateTable('users')
        .set({ deletion_asked_at: null, deletion_due_at: null })
        .where('id', '=', userId)
        .execute();
    },

    holds: (userId: string, dueAt: string) => accountHolds(db, userId, dueAt),

    /** The person's journal entries and letters in every family, private and shared. */
    async entryCounts(userId: string): Promise<{ private: number; shared: number }> {
      const rows = await db
        .selectFrom('journal_entries as j')
        .innerJoin('memberships as m', 'm.id', 'j.author_id')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('all'),
          eb.fn.count<number | string>('j.shared_at').as('shared'),
        ])
        .where('m.user_id', '=', userId)
        .executeTakeFirstOrThrow();
      const shared = Number(rows.shared);
      return { private: Number(rows.all) - shared, shared };
    },

    /** The families the person is in now, with the name they go by in each. */
    async activeMemberships(
      userId: string,
    ): Promise<Array<{ memberId: string; familyId: string; displayName: string }>> {
      const rows = await db
        .selectFrom('memberships')
        .select(['id', 'family_id', 'display_name'])
        .where('user_id', '=', userId)
        .where('removed_at', 'is', null)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({ memberId: r.id, familyId: r.family_id, displayName: r.display_name }));
    },

    async dueFamilies(nowIso: string): Promise<string[]> {
      const rows = await db
        .selectFrom('families')
        .select('id')
        .where('deletion_due_at', '<=', nowIso)
        .orderBy('deletion_due_at')
        .execute();
      return rows.map((r) => r.id);
    },

    async dueAccounts(nowIso: string): Promise<string[]> {
      const rows = await db
        .selectFrom('users')
        .select('id')
        .where('deletion_due_at', '<=', nowIso)
        .where('deleted_at', 'is', null)
        .orderBy('deletion_due_at')
        .execute();
      return rows.map((r) => r.id);
    },

    /** Queues jobs in the change in progress, so a notice is e-mailed only if it is stored. */
    enqueueJobs: (queue: JobQueue, jobs: NewJob[]) => queue.enqueue(jobs, db),
  };
}

export type DeletionsRepository = ReturnType<typeof deletionsRepository>;
