import { sql, type Kysely } from 'kysely';
import { readCatalogue } from '../../../db/catalogue.js';
import type { Dialect } from '../../../db/connect.js';
import type { Database } from '../../../db/schema.js';
import { FORMER_MEMBER } from '../../../contracts/deletion.js';
import { hashToken } from '../../secrets.js';
import { accountHolds, onlyHere } from './deletions.repository.js';

// What a deletion removes, each in one transaction, so no one ever sees half a family or half a
// person. This file alone reaches into every module's tables: a deletion has to be one transaction
// across all of them, and the schema-walking tests (schema-walk.api.test.ts) fail when a table or
// column is added that the deletion does not account for.
//
// A family: every row it owns goes by the foreign keys' ON DELETE CASCADE from `families` (media,
// drawings, voice notes and book PDFs are rows too); its sessions with them. Jobs are not linked by
// key, so the ones that name any of its rows (reminders about its days, its supporters' e-mails)
// are found by the ids in them and removed too. People for whom it was the only family here lose
// their accounts with it: an account with no family cannot be signed in to (or deleted) anymore.
//
// An account: the person's e-mail, name, password, sessions, links, reminders, inbox and private
// journal entries go; what they did for the family stays, under FORMER_MEMBER (their memberships
// are kept, emptied, and the users row stays empty: see migration 027).

/** What remains to find in the job queue once rows are gone: ids, and words such as an e-mail address. */
interface Traces {
  ids: Set<string>;
  words: string[];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const JOB_PAGE = 1000;

/** Removes every job whose key or payload names one of the ids or holds one of the words. */
async function purgeJobs(trx: Kysely<Database>, traces: Traces): Promise<void> {
  const words = traces.words.map((w) => w.toLowerCase()).filter((w) => w !== '');
  const names = (text: string) =>
    [...text.matchAll(UUID)].some((m) => traces.ids.has(m[0].toLowerCase())) ||
    words.some((w) => text.toLowerCase().includes(w));
  let after = '';
  for (;;) {
    const rows = await trx
      .selectFrom('jobs')
      .select(['id', 'dedupe_key', 'payload'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(JOB_PAGE)
      .execute();
    if (rows.length === 0) return;
    const doomed = rows.filter((r) => names(`${r.dedupe_key}\n${r.payload}`)).map((r) => r.id);
    if (doomed.length > 0) await trx.deleteFrom('jobs').where('id', 'in', doomed).execute();
    after = rows.at(-1)!.id;
  }
}

/** The throttle's counts kept under the person's address or id (the address-and-IP ones cannot be named). */
const throttleKeysOf = (userId: string, email: string) => [
  hashToken(`signin:${email}`),
  ...['password-change', 'email-change', 'reauthenticate', 'delete-family', 'delete-account'].map((purpose) =>
    hashToken(`${purpose}:${userId}`),
  ),
];

/**
 * Empties an account in `trx`: answers what of it may still be in the job queue. Its memberships
 * stay as FORMER_MEMBER so that their confirmations, ticks and marks keep a name.
 */
async function forgetPerson(
  trx: Kysely<Database>,
  userId: string,
  nowIso: string,
  owned: readonly string[],
): Promise<Traces> {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return { ids: new Set(), words: [] };
  // Their imports go: a family still coming in with them (nobody's yet), and the rows themselves.
  const imported = await dropImports(trx, [userId], nowIso, owned);
  const memberships = await trx
    .selectFrom('memberships')
    .select(['id', 'family_id'])
    .where('user_id', '=', userId)
    .execute();
  const memberIds = memberships.map((m) => m.id);
  const traces: Traces = { ids: new Set([userId, ...memberIds, ...imported.ids]), words: [user.email] };
  if (memberIds.length > 0) {
    // A book holding the person's own private entries is theirs alone; one made for the family stays.
    const privateBooks = await trx
      .selectFrom('memorial_books')
      .select('id')
      .where('asked_by', 'in', memberIds)
      .where('private_to_asker', '=', 1)
      .execute();
    const reminders = await trx
      .selectFrom('reminders')
      .select('id')
      .where('membership_id', 'in', memberIds)
      .execute();
    for (const { id } of [...privateBooks, ...reminders]) traces.ids.add(id);
    if (privateBooks.length > 0)
      await trx
        .deleteFrom('memorial_books')
        .where(
          'id',
          'in',
          privateBooks.map((b) => b.id),
        )
        .execute();
    await trx
      .deleteFrom('journal_entries')
      .where('author_id', 'in', memberIds)
      .where('shared_at', 'is', null)
      .execute();
    // A family archive holds its asker's private entries: it is theirs alone (its pieces cascade).
    const archives = await trx
      .deleteFrom('family_exports')
      .where('asked_by', 'in', memberIds)
      .returning('id')
      .execute();
    for (const { id } of archives) traces.ids.add(id);
    for (const table of [
      'journal_settings',
      'reminders',
      'reminder_preferences',
      'inbox_items',
      'member_tokens',
    ] as const)
      await trx.deleteFrom(table).where('membership_id', 'in', memberIds).execute();
    await trx
      .updateTable('trip_travellers')
      .set({ name: FORMER_MEMBER })
      .where('membership_id', 'in', memberIds)
      .execute();
    await trx
      .updateTable('memory_box_items')
      .set({ by_name: FORMER_MEMBER })
      .where('by_member_id', 'in', memberIds)
      .execute();
    // "Invite for Sam": the name someone typed for the person, once they joined through it.
    await trx
      .updateTable('invites')
      .set({ for_name: null })
      .where('id', 'in', (eb) =>
        eb.selectFrom('invite_joins').select('invite_id').where('membership_id', 'in', memberIds),
      )
      .execute();
    await trx
      .updateTable('memberships')
      .set((eb) => ({
        display_name: FORMER_MEMBER,
        removed_at: eb.fn.coalesce('removed_at', eb.val(nowIso)),
      }))
      .where('user_id', '=', userId)
      .execute();
    // The notices telling the others of this deletion name the person.
    await trx
      .deleteFrom('inbox_items')
      .where('reminder_key', 'like', `deletion:account:${userId}:%`)
      .execute();
    // Views the families keep by revision (a checklist's "Ticked by Sam") are read afresh.
    await trx
      .updateTable('families')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', 'in', [...new Set(memberships.map((m) => m.family_id))])
      .execute();
  }
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await trx.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
  await forgetAddress(trx, userId, user.email);
  await trx
    .updateTable('users')
    .set({
      email: `deleted:${userId}`,
      password_hash: '',
      display_name: '',
      deleted_at: nowIso,
      deletion_asked_at: null,
      deletion_due_at: null,
    })
    .where('id', '=', userId)
    .execute();
  return traces;
}

/** A sign-up waiting under the address, and the throttle's counts under it. */
async function forgetAddress(trx: Kysely<Database>, userId: string, email: string): Promise<void> {
  await trx
    .deleteFrom('sign_up_requests')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .execute();
  await trx.deleteFrom('auth_throttle').where('key', 'in', throttleKeysOf(userId, email)).execute();
}

/** Tables with a `family_id` and an `id`, from the database's own list (read before a transaction). */
async function familyTables(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const catalogue = await readCatalogue(db, dialect);
  return catalogue.tables.filter((table) => {
    const columns = catalogue.columns.filter((c) => c.table === table).map((c) => c.column);
    return columns.includes('family_id') && columns.includes('id');
  });
}

/**
 * Deletes a family and everything it owns in `trx` (ON DELETE CASCADE from `families`); people for
 * whom it was the only family lose their accounts with it. Answers what may remain in the job queue.
 */
async function eraseFamilyIn(
  trx: Kysely<Database>,
  familyId: string,
  nowIso: string,
  owned: readonly string[],
): Promise<Traces> {
  const traces: Traces = { ids: new Set([familyId]), words: [] };
  for (const table of owned) {
    const { rows } = await sql<{
      id: string;
    }>`select id from ${sql.table(table)} where family_id = ${familyId}`.execute(trx);
    for (const { id } of rows) traces.ids.add(id);
  }
  // Everyone who has been in the family and is in no other now.
  const leaving = [...new Set((await onlyHere(trx, familyId)).map((m) => m.user_id))];
  await trx.deleteFrom('families').where('id', '=', familyId).execute();
  for (const userId of leaving) {
    const elsewhere = await trx
      .selectFrom('memberships')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (elsewhere) {
      // They left other families before: those keep what they did, as a former member's.
      const left = await forgetPerson(trx, userId, nowIso, owned);
      for (const id of left.ids) traces.ids.add(id);
      traces.words.push(...left.words);
      continue;
    }
    const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
    if (!user) continue;
    traces.ids.add(userId);
    traces.words.push(user.email);
    // A family they were bringing in goes with them (their import rows with their account).
    for (const id of (await dropImports(trx, [userId], nowIso, owned)).ids) traces.ids.add(id);
    await forgetAddress(trx, userId, user.email);
    // Their sessions and links go with the row (ON DELETE CASCADE).
    await trx.deleteFrom('users').where('id', '=', userId).execute();
  }
  return traces;
}

/**
 * Removes the imports the people asked for: the half-made family of any not yet done first (detached
 * from its row, then deleted as a family is), then the rows. Answers their ids for the job queue.
 */
async function dropImports(
  trx: Kysely<Database>,
  userIds: readonly string[],
  nowIso: string,
  owned: readonly string[],
): Promise<Traces> {
  const traces: Traces = { ids: new Set(), words: [] };
  if (userIds.length === 0) return traces;
  const imports = await trx
    .selectFrom('family_imports')
    .select(['id', 'state', 'made_family_id'])
    .where('asked_by', 'in', userIds)
    .execute();
  for (const row of imports) {
    traces.ids.add(row.id);
    if (row.state === 'done' || row.made_family_id === null) continue;
    await trx.updateTable('family_imports').set({ made_family_id: null }).where('id', '=', row.id).execute();
    const left = await eraseFamilyIn(trx, row.made_family_id, nowIso, owned);
    for (const id of left.ids) traces.ids.add(id);
  }
  await trx.deleteFrom('family_imports').where('asked_by', 'in', userIds).execute();
  return traces;
}

export function eraseRepository(db: Kysely<Database>, dialect: Dialect) {
  /** The row that says a deletion is due, locked on PostgreSQL so one instance carries it out. */
  async function stillDue(
    trx: Kysely<Database>,
    table: 'families' | 'users',
    id: string,
    nowIso: string,
  ): Promise<boolean> {
    const lock = dialect === 'postgres' ? sql` for update` : sql``;
    const { rows } =
      await sql`select id from ${sql.table(table)} where id = ${id} and deletion_due_at <= ${nowIso}${lock}`.execute(
        trx,
      );
    return rows.length > 0;
  }

  return {
    /**
     * Deletes the family and everything it owns, if its deletion is (still) due; answers whether it
     * did. People for whom it was the only family lose their accounts in the same transaction.
     */
    async eraseFamily(familyId: string, nowIso: string): Promise<boolean> {
      // Read before the transaction: which tables hold a family's rows (the database's own list).
      const owned = await familyTables(db, dialect);
      return db.transaction().execute(async (trx) => {
        if (!(await stillDue(trx, 'families', familyId, nowIso))) return false;
        await purgeJobs(trx, await eraseFamilyIn(trx, familyId, nowIso, owned));
        return true;
      });
    },

    /**
     * Removes what a try at bringing an archive in left (modules/family-data/import.job.ts): the
     * half-made family, by the same cascade as any family's deletion, with the placeholder accounts
     * of its members, if the import still names it and is not done (never a made family). The import
     * row stays, detached from it. Answers whether there was such a family.
     */
    async eraseImportLeftovers(importId: string, familyId: string, nowIso: string): Promise<boolean> {
      const owned = await familyTables(db, dialect);
      return db.transaction().execute(async (trx) => {
        const lock = dialect === 'postgres' ? sql` for update` : sql``;
        const { rows } =
          await sql`select id from family_imports where id = ${importId} and made_family_id = ${familyId} and state <> 'done'${lock}`.execute(
            trx,
          );
        if (rows.length === 0) return false;
        await trx
          .updateTable('family_imports')
          .set({ made_family_id: null })
          .where('id', '=', importId)
          .execute();
        await purgeJobs(trx, await eraseFamilyIn(trx, familyId, nowIso, owned));
        return true;
      });
    },

    /**
     * Deletes the person's account, if its deletion is (still) due and no family would be left
     * without an owner; answers whether it did.
     */
    async eraseAccount(userId: string, nowIso: string): Promise<boolean> {
      const owned = await familyTables(db, dialect);
      return db.transaction().execute(async (trx) => {
        if (!(await stillDue(trx, 'users', userId, nowIso))) return false;
        if ((await accountHolds(trx, userId, nowIso)).length > 0) return false;
        await purgeJobs(trx, await forgetPerson(trx, userId, nowIso, owned));
        return true;
      });
    },
  };
}

export type EraseRepository = ReturnType<typeof eraseRepository>;
