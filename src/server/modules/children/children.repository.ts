import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

// Child profiles and children's help with keepsake checks. Every query names the family.

export interface ChildProfileRecord {
  id: string;
  displayName: string;
  birthMonth: string | null;
  createdAt: string;
}

export interface KeepsakeHelpRecord {
  checkId: string;
  tripKeepsakeId: string;
  childProfileId: string;
  childName: string;
  helpedAt: string;
}

const profileFromRow = (r: {
  id: string;
  display_name: string;
  birth_month: string | null;
  created_at: string;
}): ChildProfileRecord => ({
  id: r.id,
  displayName: r.display_name,
  birthMonth: r.birth_month,
  createdAt: r.created_at,
});

export function childrenRepository(db: Kysely<Database>) {
  return {
    async listProfiles(familyId: string): Promise<ChildProfileRecord[]> {
      const rows = await db
        .selectFrom('child_profiles')
        .select(['id', 'display_name', 'birth_month', 'created_at'])
        .where('family_id', '=', familyId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(profileFromRow);
    },

    async findProfile(familyId: string, id: string): Promise<ChildProfileRecord | undefined> {
      const row = await db
        .selectFrom('child_profiles')
        .select(['id', 'display_name', 'birth_month', 'created_at'])
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && profileFromRow(row);
    },

    async setBirthMonth(familyId: string, id: string, birthMonth: string | null): Promise<void> {
      await db
        .updateTable('child_profiles')
        .set({ birth_month: birthMonth })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    insertProfile(
      familyId: string,
      profile: Omit<ChildProfileRecord, 'birthMonth'> & { createdBy: string },
    ): Promise<unknown> {
      return db
        .insertInto('child_profiles')
        .values({
          id: profile.id,
          family_id: familyId,
          display_name: profile.displayName,
          created_by: profile.createdBy,
          created_at: profile.createdAt,
        })
        .execute();
    },

    /** Removes the profile; its child-mode sessions and its help end with it (foreign keys). */
    deleteProfile(familyId: string, id: string): Promise<unknown> {
      return db.deleteFrom('child_profiles').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    /** Records a child's help once per check, keepsake and child; helping again changes nothing. */
    insertHelp(
      familyId: string,
      help: { id: string; checkId: string; tripKeepsakeId: string; childProfileId: string; helpedAt: string },
    ): Promise<unknown> {
      return db
        .insertInto('keepsake_helps')
        .values({
          id: help.id,
          family_id: familyId,
          check_id: help.checkId,
          trip_keepsake_id: help.tripKeepsakeId,
          child_profile_id: help.childProfileId,
          helped_at: help.helpedAt,
        })
        .onConflict((oc) => oc.columns(['check_id', 'trip_keepsake_id', 'child_profile_id']).doNothing())
        .execute();
    },

    async listHelps(familyId: string, checkIds: readonly string[]): Promise<KeepsakeHelpRecord[]> {
      if (checkIds.length === 0) return [];
      const rows = await db
        .selectFrom('keepsake_helps as h')
        .innerJoin('child_profiles as c', 'c.id', 'h.child_profile_id')
        .select(['h.check_id', 'h.trip_keepsake_id', 'h.child_profile_id', 'h.helped_at', 'c.display_name'])
        .where('h.family_id', '=', familyId)
        .where('h.check_id', 'in', [...checkIds])
        .orderBy('h.helped_at')
        .orderBy('h.id')
        .execute();
      return rows.map((r) => ({
        checkId: r.check_id,
        tripKeepsakeId: r.trip_keepsake_id,
        childProfileId: r.child_profile_id,
        childName: r.display_name,
        helpedAt: r.helped_at,
      }));
    },
  };
}

export type ChildrenRepository = ReturnType<typeof childrenRepository>;
