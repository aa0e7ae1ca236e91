import type { Kysely } from 'kysely';
import type { Database, NewRow, Row, RowUpdate } from '../../../db/schema.js';

export type KeepsakeRow = Row<'keepsakes'> & { loved_one_name: string };
/** A loved one as stored; other modules read it through this module's index. */
export type LovedOneRow = Row<'loved_ones'>;

export function lovedOnesRepository(db: Kysely<Database>) {
  const keepsakesWithName = () =>
    db
      .selectFrom('keepsakes as k')
      .innerJoin('loved_ones as l', 'l.id', 'k.loved_one_id')
      .selectAll('k')
      .select('l.name as loved_one_name');

  return {
    listLovedOnes(familyId: string) {
      return db
        .selectFrom('loved_ones as l')
        .selectAll('l')
        .select((eb) =>
          eb
            .selectFrom('keepsakes as k')
            .whereRef('k.loved_one_id', '=', 'l.id')
            .select((e) => e.fn.countAll<number>().as('n'))
            .as('keepsake_count'),
        )
        .where('l.family_id', '=', familyId)
        .orderBy('l.created_at')
        .execute();
    },

    findLovedOne(familyId: string, id: string): Promise<Row<'loved_ones'> | undefined> {
      return db
        .selectFrom('loved_ones')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    insertLovedOne(row: NewRow<'loved_ones'>): Promise<unknown> {
      return db.insertInto('loved_ones').values(row).execute();
    },

    updateLovedOne(familyId: string, id: string, patch: RowUpdate<'loved_ones'>): Promise<unknown> {
      return db
        .updateTable('loved_ones')
        .set(patch)
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    deleteLovedOne(familyId: string, id: string): Promise<unknown> {
      return db.deleteFrom('loved_ones').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    listKeepsakes(familyId: string, lovedOneId?: string): Promise<KeepsakeRow[]> {
      let query = keepsakesWithName().where('k.family_id', '=', familyId);
      if (lovedOneId) query = query.where('k.loved_one_id', '=', lovedOneId);
      return query.orderBy('k.created_at').execute();
    },

    findKeepsake(familyId: string, id: string): Promise<KeepsakeRow | undefined> {
      return keepsakesWithName()
        .where('k.family_id', '=', familyId)
        .where('k.id', '=', id)
        .executeTakeFirst();
    },

    insertKeepsake(row: NewRow<'keepsakes'>): Promise<unknown> {
      return db.insertInto('keepsakes').values(row).execute();
    },

    updateKeepsake(familyId: string, id: string, patch: RowUpdate<'keepsakes'>): Promise<unknown> {
      return db
        .updateTable('keepsakes')
        .set(patch)
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    deleteKeepsake(familyId: string, id: string): Promise<unknown> {
      return db.deleteFrom('keepsakes').where('family_id', '=', familyId).where('id', '=', id).execute();
    },
  };
}

export type LovedOnesRepository = ReturnType<typeof lovedOnesRepository>;
