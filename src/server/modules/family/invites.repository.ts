import type { Db } from '../../../db/connect.js';
import type { Row } from '../../../db/schema.js';
import {
  storedInviteRole,
  type InviteJoinRecord,
  type InviteRecord,
  type NewInvite,
} from './invites.records.js';

// Invites and who joined through them (ARCHITECTURE.md, "Records, not rows").

const inviteFromRow = (row: Row<'invites'>): InviteRecord => ({
  id: row.id,
  familyId: row.family_id,
  role: storedInviteRole(row.role),
  forName: row.for_name,
  maxUses: Number(row.max_uses),
  uses: Number(row.uses),
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export function invitesRepository(database: Pick<Db, 'kysely'>) {
  const db = database.kysely;
  return {
    insertInvite(invite: NewInvite): Promise<unknown> {
      return db
        .insertInto('invites')
        .values({
          id: invite.id,
          family_id: invite.familyId,
          role: invite.role,
          for_name: invite.forName,
          token_hash: invite.tokenHash,
          code_hash: invite.codeHash,
          max_uses: invite.maxUses,
          uses: 0,
          expires_at: invite.expiresAt,
          revoked_at: null,
          created_by: invite.createdBy,
          created_at: invite.createdAt,
        })
        .execute();
    },

    /** Newest first. */
    async listInvites(familyId: string): Promise<InviteRecord[]> {
      const rows = await db
        .selectFrom('invites')
        .selectAll()
        .where('family_id', '=', familyId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(inviteFromRow);
    },

    async findInvite(familyId: string, inviteId: string): Promise<InviteRecord | undefined> {
      const row = await db
        .selectFrom('invites')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', inviteId)
        .executeTakeFirst();
      return row && inviteFromRow(row);
    },

    /** The invite a secret names, by the hash of its token or of its code. */
    async findInviteByHash(
      column: 'token_hash' | 'code_hash',
      hash: string,
    ): Promise<InviteRecord | undefined> {
      const row = await db.selectFrom('invites').selectAll().where(column, '=', hash).executeTakeFirst();
      return row && inviteFromRow(row);
    },

    /** Revokes an invite that is not revoked yet (revoking twice keeps the first moment). */
    revokeInvite(familyId: string, inviteId: string, nowIso: string): Promise<unknown> {
      return db
        .updateTable('invites')
        .set({ revoked_at: nowIso })
        .where('family_id', '=', familyId)
        .where('id', '=', inviteId)
        .where('revoked_at', 'is', null)
        .execute();
    },

    /**
     * Takes one use of an invite if it still works at `nowIso`: one conditional UPDATE, so two
     * people joining at once cannot both take the last use (on PostgreSQL the second waits for the
     * row and reads the count the first left). False when it is used up, expired or revoked.
     */
    async claimUse(inviteId: string, nowIso: string): Promise<boolean> {
      const result = await db
        .updateTable('invites')
        .set((eb) => ({ uses: eb('uses', '+', 1) }))
        .where('id', '=', inviteId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', nowIso)
        .where((eb) => eb('uses', '<', eb.ref('max_uses')))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    insertJoin(join: InviteJoinRecord & { id: string; familyId: string }): Promise<unknown> {
      return db
        .insertInto('invite_joins')
        .values({
          id: join.id,
          family_id: join.familyId,
          invite_id: join.inviteId,
          membership_id: join.membershipId,
          joined_at: join.joinedAt,
        })
        .execute();
    },

    /** Who joined through the family's invites, oldest first. */
    async listJoins(familyId: string): Promise<InviteJoinRecord[]> {
      const rows = await db
        .selectFrom('invite_joins')
        .select(['invite_id', 'membership_id', 'joined_at'])
        .where('family_id', '=', familyId)
        .orderBy('joined_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        inviteId: row.invite_id,
        membershipId: row.membership_id,
        joinedAt: row.joined_at,
      }));
    },
  };
}

export type InvitesRepository = ReturnType<typeof invitesRepository>;
