import type { Kysely } from 'kysely';
import {
  tributeBackgrounds,
  tributeWordings,
  type TributeBackground,
  type TributeWording,
} from '../../../contracts/tributes.js';
import type { Database, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';

// Tributes and their share links. Every family query names the family; a link is found by its
// token's hash alone (the visitor has no family), and hands back only that one tribute. The loved
// one's name and dates are read beside the tribute, so a renamed loved one is drawn by their name.

export interface TributeRecord {
  id: string;
  familyId: string;
  lovedOneId: string;
  lovedOneName: string;
  dateOfBirth: string | null;
  /** The date they died (for a baby, the date of loss where no date of death is given). */
  dateOfDeath: string | null;
  mediaId: string | null;
  background: TributeBackground;
  words: string | null;
  wording: TributeWording;
  forDate: string;
  caption: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TributeFields {
  lovedOneId: string;
  mediaId: string | null;
  background: TributeBackground;
  words: string | null;
  wording: TributeWording;
  forDate: string;
  caption: string | null;
}

export interface LinkRecord {
  id: string;
  familyId: string;
  tributeId: string;
  passwordHash: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

type JoinedRow = Row<'tributes'> & {
  loved_one_name: string;
  date_of_birth: string | null;
  date_of_death: string | null;
  date_of_loss: string | null;
};

const tributeFromRow = (row: JoinedRow): TributeRecord => ({
  id: row.id,
  familyId: row.family_id,
  lovedOneId: row.loved_one_id,
  lovedOneName: row.loved_one_name,
  dateOfBirth: row.date_of_birth,
  dateOfDeath: row.date_of_death ?? row.date_of_loss,
  mediaId: row.media_id,
  background: storedEnum(tributeBackgrounds, row.background, 'tributes.background'),
  words: row.words,
  wording: storedEnum(tributeWordings, row.wording, 'tributes.wording'),
  forDate: row.for_date,
  caption: row.caption,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const linkFromRow = (row: Row<'tribute_links'>): LinkRecord => ({
  id: row.id,
  familyId: row.family_id,
  tributeId: row.tribute_id,
  passwordHash: row.password_hash,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  createdAt: row.created_at,
});

const columns = (fields: TributeFields) => ({
  loved_one_id: fields.lovedOneId,
  media_id: fields.mediaId,
  background: fields.background,
  words: fields.words,
  wording: fields.wording,
  for_date: fields.forDate,
  caption: fields.caption,
});

export function tributesRepository(db: Kysely<Database>) {
  const selectTributes = (familyId: string) =>
    db
      .selectFrom('tributes')
      .innerJoin('loved_ones', (join) =>
        join
          .onRef('loved_ones.id', '=', 'tributes.loved_one_id')
          .onRef('loved_ones.family_id', '=', 'tributes.family_id'),
      )
      .selectAll('tributes')
      .select([
        'loved_ones.name as loved_one_name',
        'loved_ones.date_of_birth',
        'loved_ones.date_of_death',
        'loved_ones.date_of_loss',
      ])
      .where('tributes.family_id', '=', familyId);

  return {
    async list(familyId: string): Promise<TributeRecord[]> {
      const rows = await selectTributes(familyId)
        .orderBy('tributes.for_date', 'desc')
        .orderBy('tributes.id', 'desc')
        .execute();
      return rows.map(tributeFromRow);
    },

    async find(familyId: string, id: string): Promise<TributeRecord | undefined> {
      const row = await selectTributes(familyId).where('tributes.id', '=', id).executeTakeFirst();
      return row && tributeFromRow(row);
    },

    async insert(familyId: string, id: string, fields: TributeFields, by: string, at: string): Promise<void> {
      await db
        .insertInto('tributes')
        .values({
          id,
          family_id: familyId,
          ...columns(fields),
          created_by: by,
          created_at: at,
          updated_at: at,
        })
        .execute();
    },

    async update(familyId: string, id: string, fields: TributeFields, at: string): Promise<boolean> {
      const result = await db
        .updateTable('tributes')
        .set({ ...columns(fields), updated_at: at })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async remove(familyId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('tributes')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async links(familyId: string, tributeId: string): Promise<LinkRecord[]> {
      const rows = await db
        .selectFrom('tribute_links')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('tribute_id', '=', tributeId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(linkFromRow);
    },

    async insertLink(link: {
      id: string;
      familyId: string;
      tributeId: string;
      tokenHash: string;
      passwordHash: string | null;
      expiresAt: string | null;
      by: string;
      at: string;
    }): Promise<void> {
      await db
        .insertInto('tribute_links')
        .values({
          id: link.id,
          family_id: link.familyId,
          tribute_id: link.tributeId,
          token_hash: link.tokenHash,
          password_hash: link.passwordHash,
          expires_at: link.expiresAt,
          revoked_at: null,
          created_by: link.by,
          created_at: link.at,
        })
        .execute();
    },

    async findLink(familyId: string, id: string): Promise<LinkRecord | undefined> {
      const row = await db
        .selectFrom('tribute_links')
        .selectAll()
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && linkFromRow(row);
    },

    async revokeLink(familyId: string, id: string, at: string): Promise<void> {
      await db
        .updateTable('tribute_links')
        .set({ revoked_at: at })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },

    /** A link by its token's hash, with the one tribute it shows: nothing else of the family. */
    async linkByTokenHash(
      tokenHash: string,
    ): Promise<{ link: LinkRecord; tribute: TributeRecord } | undefined> {
      const link = await db
        .selectFrom('tribute_links')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!link) return undefined;
      const tribute = await selectTributes(link.family_id)
        .where('tributes.id', '=', link.tribute_id)
        .executeTakeFirst();
      return tribute && { link: linkFromRow(link), tribute: tributeFromRow(tribute) };
    },
  };
}

export type TributesRepository = ReturnType<typeof tributesRepository>;
