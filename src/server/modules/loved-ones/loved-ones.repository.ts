import type { Kysely } from 'kysely';
import type { Keepsake, LovedOne } from '../../../contracts/loved-ones.js';
import { containerMaterials, keepsakeKinds, lovedOneKinds } from '../../../contracts/loved-ones.js';
import { fromAnswer, fromFlag, toAnswer, toFlag } from '../../../db/dialect.js';
import type { Database, Row, RowUpdate } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';

// Records here have the shape the API shows (the contracts' LovedOne and Keepsake), so rows stop at
// this file: columns are mapped, flags become booleans and kinds are parsed once, on the way out.

/** A loved one in a list, with how many keepsakes hold something of theirs. */
export type LovedOneInList = LovedOne & { keepsakeCount: number };

/** What a loved one's editable fields are called outside this file. */
export type LovedOneFields = Omit<LovedOne, 'id' | 'createdAt' | 'updatedAt'>;
export type KeepsakeFields = Omit<Keepsake, 'id' | 'lovedOneId' | 'lovedOneName' | 'createdAt' | 'updatedAt'>;

const lovedOneFromRow = (row: Row<'loved_ones'>): LovedOne => ({
  id: row.id,
  name: row.name,
  kind: storedEnum(lovedOneKinds, row.kind, 'loved_ones.kind'),
  relationship: row.relationship,
  dateOfLoss: row.date_of_loss,
  dueDate: row.due_date,
  dateOfBirth: row.date_of_birth,
  dateOfDeath: row.date_of_death,
  gestationWeeks: row.gestation_weeks,
  lossCountry: row.loss_country,
  lossRegion: row.loss_region,
  cremationCountry: row.cremation_country,
  cremationRegion: row.cremation_region,
  nationality: row.nationality,
  bornAlive: fromAnswer(row.born_alive),
  birthWeightGrams: row.birth_weight_g,
  story: row.story,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const keepsakeFromRow = (row: Row<'keepsakes'> & { loved_one_name: string }): Keepsake => ({
  id: row.id,
  lovedOneId: row.loved_one_id,
  lovedOneName: row.loved_one_name,
  name: row.name,
  kind: storedEnum(keepsakeKinds, row.kind, 'keepsakes.kind'),
  container: storedEnum(containerMaterials, row.container, 'keepsakes.container'),
  sizeNote: row.size_note,
  weightGrams: row.weight_grams,
  travelsWithUs: fromFlag(row.travels_with_us),
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Only the fields present in `fields` become columns, so a patch leaves the others alone. */
const lovedOneColumns = (fields: Partial<LovedOneFields>): RowUpdate<'loved_ones'> => ({
  ...(fields.name !== undefined && { name: fields.name }),
  ...(fields.kind !== undefined && { kind: fields.kind }),
  ...(fields.relationship !== undefined && { relationship: fields.relationship }),
  ...(fields.dateOfLoss !== undefined && { date_of_loss: fields.dateOfLoss }),
  ...(fields.dueDate !== undefined && { due_date: fields.dueDate }),
  ...(fields.dateOfBirth !== undefined && { date_of_birth: fields.dateOfBirth }),
  ...(fields.dateOfDeath !== undefined && { date_of_death: fields.dateOfDeath }),
  ...(fields.gestationWeeks !== undefined && { gestation_weeks: fields.gestationWeeks }),
  ...(fields.lossCountry !== undefined && { loss_country: fields.lossCountry }),
  ...(fields.lossRegion !== undefined && { loss_region: fields.lossRegion }),
  ...(fields.cremationCountry !== undefined && { cremation_country: fields.cremationCountry }),
  ...(fields.cremationRegion !== undefined && { cremation_region: fields.cremationRegion }),
  ...(fields.nationality !== undefined && { nationality: fields.nationality }),
  ...(fields.bornAlive !== undefined && { born_alive: toAnswer(fields.bornAlive) }),
  ...(fields.birthWeightGrams !== undefined && { birth_weight_g: fields.birthWeightGrams }),
  ...(fields.story !== undefined && { story: fields.story }),
});

const keepsakeColumns = (fields: Partial<KeepsakeFields>): RowUpdate<'keepsakes'> => ({
  ...(fields.name !== undefined && { name: fields.name }),
  ...(fields.kind !== undefined && { kind: fields.kind }),
  ...(fields.container !== undefined && { container: fields.container }),
  ...(fields.sizeNote !== undefined && { size_note: fields.sizeNote }),
  ...(fields.weightGrams !== undefined && { weight_grams: fields.weightGrams }),
  ...(fields.travelsWithUs !== undefined && { travels_with_us: toFlag(fields.travelsWithUs) }),
  ...(fields.notes !== undefined && { notes: fields.notes }),
});

export function lovedOnesRepository(db: Kysely<Database>) {
  const keepsakesWithName = () =>
    db
      .selectFrom('keepsakes as k')
      .innerJoin('loved_ones as l', 'l.id', 'k.loved_one_id')
      .selectAll('k')
      .select('l.name as loved_one_name');

  return {
    async listLovedOnes(familyId: string): Promise<LovedOneInList[]> {
      const rows = await db
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
      // PostgreSQL counts as bigint, which its driver hands over as text.
      return rows.map((row) => ({ ...lovedOneFromRow(row), keepsakeCount: Number(row.keepsake_count ?? 0) }));
    },

    async findLovedOne(familyId: string, id: string): Promise<LovedOne | undefined> {
      const row = await db
        .selectFrom('loved_ones')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && lovedOneFromRow(row);
    },

    async insertLovedOne(familyId: string, lovedOne: LovedOne): Promise<void> {
      const { id, createdAt, updatedAt, ...fields } = lovedOne;
      await db
        .insertInto('loved_ones')
        .values({
          ...lovedOneColumns(fields),
          // Named again for the type checker, which cannot see that the spread above holds them.
          name: fields.name,
          kind: fields.kind,
          id,
          family_id: familyId,
          created_at: createdAt,
          updated_at: updatedAt,
        })
        .execute();
    },

    async updateLovedOne(
      familyId: string,
      id: string,
      fields: Partial<LovedOneFields>,
      updatedAt: string,
    ): Promise<void> {
      await db
        .updateTable('loved_ones')
        .set({ ...lovedOneColumns(fields), updated_at: updatedAt })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    async deleteLovedOne(familyId: string, id: string): Promise<void> {
      await db.deleteFrom('loved_ones').where('family_id', '=', familyId).where('id', '=', id).execute();
    },

    async listKeepsakes(familyId: string, lovedOneId?: string): Promise<Keepsake[]> {
      let query = keepsakesWithName().where('k.family_id', '=', familyId);
      if (lovedOneId) query = query.where('k.loved_one_id', '=', lovedOneId);
      return (await query.orderBy('k.created_at').execute()).map(keepsakeFromRow);
    },

    async findKeepsake(familyId: string, id: string): Promise<Keepsake | undefined> {
      const row = await keepsakesWithName()
        .where('k.family_id', '=', familyId)
        .where('k.id', '=', id)
        .executeTakeFirst();
      return row && keepsakeFromRow(row);
    },

    async insertKeepsake(familyId: string, keepsake: Omit<Keepsake, 'lovedOneName'>): Promise<void> {
      const { id, lovedOneId, createdAt, updatedAt, ...fields } = keepsake;
      await db
        .insertInto('keepsakes')
        .values({
          ...keepsakeColumns(fields),
          name: fields.name,
          kind: fields.kind,
          container: fields.container,
          travels_with_us: toFlag(fields.travelsWithUs),
          id,
          family_id: familyId,
          loved_one_id: lovedOneId,
          created_at: createdAt,
          updated_at: updatedAt,
        })
        .execute();
    },

    async updateKeepsake(
      familyId: string,
      id: string,
      fields: Partial<KeepsakeFields>,
      updatedAt: string,
    ): Promise<void> {
      await db
        .updateTable('keepsakes')
        .set({ ...keepsakeColumns(fields), updated_at: updatedAt })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    async deleteKeepsake(familyId: string, id: string): Promise<void> {
      await db.deleteFrom('keepsakes').where('family_id', '=', familyId).where('id', '=', id).execute();
    },
  };
}

export type LovedOnesRepository = ReturnType<typeof lovedOnesRepository>;
