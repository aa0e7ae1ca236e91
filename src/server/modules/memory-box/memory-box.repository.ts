import type { Kysely } from 'kysely';
import { memoryItemKinds } from '../../../contracts/memory-box.js';
import type { Database, Row } from '../../../db/schema.js';
import { storedEnum } from '../../enums.js';

// Memory box rows stop here: the rest of the module sees MemoryItemRecord. Every read names the
// family, and takes `seesParentsOnly`: without it, an item kept for the parents only is left out of
// the query itself.

export interface MemoryItemRecord {
  id: string;
  lovedOneId: string;
  kind: (typeof memoryItemKinds)[number];
  mediaId: string | null;
  prompt: string | null;
  text: string | null;
  audioSeconds: number | null;
  parentsOnly: boolean;
  byName: string;
  byAge: number | null;
  byChildProfileId: string | null;
  byMemberId: string | null;
  createdAt: string;
}

type Listed = Omit<
  Row<'memory_box_items'>,
  'audio' | 'audio_content_type' | 'audio_digest' | 'family_id' | 'upload_key_hash' | 'upload_digest'
>;

/** The upload key an item was sent with, as kept (media's `KeyedUpload`: two SHA-256 digests). */
export interface ItemUploadKey {
  hash: string;
  digest: string;
}

/** A voice note's recording, to keep with its item or to send. */
export interface StoredAudio {
  contentType: string;
  data: Buffer;
  digest: string;
}

const recordFromRow = (row: Listed): MemoryItemRecord => ({
  id: row.id,
  lovedOneId: row.loved_one_id,
  kind: storedEnum(memoryItemKinds, row.kind, 'memory_box_items.kind'),
  mediaId: row.media_id,
  prompt: row.prompt,
  text: row.body,
  audioSeconds: row.audio_seconds,
  parentsOnly: row.parents_only === 1,
  byName: row.by_name,
  byAge: row.by_age,
  byChildProfileId: row.by_child_profile_id,
  byMemberId: row.by_member_id,
  createdAt: row.created_at,
});

export function memoryBoxRepository(db: Kysely<Database>) {
  const listed = (familyId: string, seesParentsOnly: boolean) =>
    db
      .selectFrom('memory_box_items')
      .select([
        'id',
        'loved_one_id',
        'kind',
        'media_id',
        'prompt',
        'body',
        'audio_seconds',
        'parents_only',
        'by_name',
        'by_age',
        'by_child_profile_id',
        'by_member_id',
        'created_at',
      ])
      .where('family_id', '=', familyId)
      .$if(!seesParentsOnly, (q) => q.where('parents_only', '=', 0));

  return {
    /**
     * Stores an item, with its recording and the key it was uploaded with, if any; 'taken' when
     * another request with the same key stored its item first (nothing is stored then).
     */
    async insert(
      familyId: string,
      item: MemoryItemRecord,
      { audio = null, key = null }: { audio?: StoredAudio | null; key?: ItemUploadKey | null } = {},
    ): Promise<'saved' | 'taken'> {
      const result = await db
        .insertInto('memory_box_items')
        .values({
          id: item.id,
          family_id: familyId,
          loved_one_id: item.lovedOneId,
          kind: item.kind,
          media_id: item.mediaId,
          prompt: item.prompt,
          body: item.text,
          audio_content_type: audio?.contentType ?? null,
          audio: audio?.data ?? null,
          audio_digest: audio?.digest ?? null,
          audio_seconds: item.audioSeconds,
          parents_only: item.parentsOnly ? 1 : 0,
          by_name: item.byName,
          by_age: item.byAge,
          by_child_profile_id: item.byChildProfileId,
          by_member_id: item.byMemberId,
          created_at: item.createdAt,
          upload_key_hash: key?.hash ?? null,
          upload_digest: key?.digest ?? null,
        })
        .onConflict((oc) => oc.columns(['family_id', 'upload_key_hash']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? 'saved' : 'taken';
    },

    /** The item an upload key made, with the digest of the bytes it came with (whoever may see it). */
    async keyed(
      familyId: string,
      keyHash: string,
    ): Promise<{ item: MemoryItemRecord; uploadDigest: string } | undefined> {
      const row = await listed(familyId, true)
        .select('upload_digest')
        .where('upload_key_hash', '=', keyHash)
        .executeTakeFirst();
      return row && { item: recordFromRow(row), uploadDigest: row.upload_digest ?? '' };
    },

    async list(familyId: string, seesParentsOnly: boolean): Promise<MemoryItemRecord[]> {
      const rows = await listed(familyId, seesParentsOnly)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(recordFromRow);
    },

    async find(
      familyId: string,
      id: string,
      seesParentsOnly: boolean,
    ): Promise<MemoryItemRecord | undefined> {
      const row = await listed(familyId, seesParentsOnly).where('id', '=', id).executeTakeFirst();
      return row && recordFromRow(row);
    },

    /** A voice note's recording, if the item is one this session may see. */
    async audio(familyId: string, id: string, seesParentsOnly: boolean): Promise<StoredAudio | undefined> {
      const row = await db
        .selectFrom('memory_box_items')
        .select(['audio_content_type', 'audio', 'audio_digest'])
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .$if(!seesParentsOnly, (q) => q.where('parents_only', '=', 0))
        .executeTakeFirst();
      if (!row?.audio || !row.audio_content_type || !row.audio_digest) return undefined;
      return { contentType: row.audio_content_type, data: row.audio, digest: row.audio_digest };
    },

    /** Bytes the family's voice notes take. */
    async audioBytes(familyId: string): Promise<number> {
      const row = await db
        .selectFrom('memory_box_items')
        .select((eb) => eb.fn.sum<number | string | null>(eb.fn('length', ['audio'])).as('bytes'))
        .where('family_id', '=', familyId)
        .executeTakeFirst();
      return Number(row?.bytes ?? 0);
    },

    /** A loved one's items of each kind, and the bytes their recordings take. */
    async countsOf(
      familyId: string,
      lovedOneId: string,
    ): Promise<{ drawings: number; letters: number; voiceNotes: number; voiceBytes: number }> {
      const rows = await db
        .selectFrom('memory_box_items')
        .select((eb) => [
          'kind',
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.sum<number | string | null>(eb.fn('length', ['audio'])).as('bytes'),
        ])
        .where('family_id', '=', familyId)
        .where('loved_one_id', '=', lovedOneId)
        .groupBy('kind')
        .execute();
      const of = (kind: string) => rows.find((row) => row.kind === kind);
      return {
        drawings: Number(of('drawing')?.n ?? 0),
        letters: Number(of('letter')?.n ?? 0),
        voiceNotes: Number(of('voice')?.n ?? 0),
        voiceBytes: Number(of('voice')?.bytes ?? 0),
      };
    },

    async setParentsOnly(familyId: string, id: string, parentsOnly: boolean): Promise<void> {
      await db
        .updateTable('memory_box_items')
        .set({ parents_only: parentsOnly ? 1 : 0 })
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },

    async remove(familyId: string, id: string): Promise<void> {
      await db
        .deleteFrom('memory_box_items')
        .where('family_id', '=', familyId)
        .where('id', '=', id)
        .execute();
    },
  };
}

export type MemoryBoxRepository = ReturnType<typeof memoryBoxRepository>;
