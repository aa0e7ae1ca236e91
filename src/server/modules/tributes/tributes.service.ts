import type { Tribute, TributeBody, TributeSize } from '../../../contracts/tributes.js';
import { datesLine, suggestCaption } from '../../../domain/tributes/wording.js';
import { isoNow, type Clock } from '../../clock.js';
import { invalid, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { MediaService } from '../media/index.js';
import { renderTribute } from './render.js';
import type { TributeFields, TributeRecord, TributesRepository } from './tributes.repository.js';

interface Deps {
  repo: TributesRepository;
  clock: Clock;
  lovedOnes: LovedOnesService;
  media: MediaService;
}

/** A tribute as the family sees it: the dates in its wording, the caption (or the one suggested). */
export function presentTribute(record: TributeRecord): Tribute {
  const line = datesLine(record.wording, { name: record.lovedOneName, ...record }, record.forDate);
  const suggestedCaption = suggestCaption(record.lovedOneName, line, record.words);
  return {
    id: record.id,
    lovedOneId: record.lovedOneId,
    lovedOneName: record.lovedOneName,
    mediaId: record.mediaId,
    background: record.background,
    words: record.words,
    wording: record.wording,
    forDate: record.forDate,
    datesLine: line,
    caption: record.caption ?? suggestedCaption,
    suggestedCaption,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** The picture of a tribute at one size, with its photo when the family still has it. */
export async function pictureOf(
  record: TributeRecord,
  size: TributeSize,
  photoOf: (mediaId: string) => Promise<Buffer | undefined>,
): Promise<Buffer> {
  const tribute = presentTribute(record);
  const photo = record.mediaId ? ((await photoOf(record.mediaId)) ?? null) : null;
  const { png } = await renderTribute(
    {
      name: tribute.lovedOneName,
      datesLine: tribute.datesLine,
      words: tribute.words,
      background: tribute.background,
      photo,
    },
    size,
  );
  return png;
}

export function tributesService({ repo, clock, lovedOnes, media }: Deps) {
  async function found(auth: AuthContext, id: string): Promise<TributeRecord> {
    const record = await repo.find(auth.familyId, id);
    if (!record) throw notFound();
    return record;
  }

  /** The body's loved one and photo must be the family's own; the caption left out is suggested. */
  async function fieldsOf(auth: AuthContext, body: TributeBody): Promise<TributeFields> {
    try {
      await lovedOnes.get(auth, body.lovedOneId);
    } catch {
      throw invalid('lovedOneId', 'Please choose someone from your family’s loved ones.');
    }
    if (body.mediaId)
      try {
        await media.get(auth, body.mediaId);
      } catch {
        throw invalid('mediaId', 'Please choose a photo your family has added.');
      }
    return {
      lovedOneId: body.lovedOneId,
      mediaId: body.mediaId ?? null,
      background: body.background,
      words: body.words ?? null,
      wording: body.wording,
      forDate: body.forDate,
      caption: body.caption ?? null,
    };
  }

  return {
    list: async (auth: AuthContext): Promise<Tribute[]> =>
      (await repo.list(auth.familyId)).map(presentTribute),

    get: async (auth: AuthContext, id: string): Promise<Tribute> => presentTribute(await found(auth, id)),

    async create(auth: AuthContext, body: TributeBody): Promise<Tribute> {
      const id = newId();
      await repo.insert(auth.familyId, id, await fieldsOf(auth, body), auth.memberId, isoNow(clock));
      return presentTribute(await found(auth, id));
    },

    async update(auth: AuthContext, id: string, body: TributeBody): Promise<Tribute> {
      await found(auth, id);
      await repo.update(auth.familyId, id, await fieldsOf(auth, body), isoNow(clock));
      return presentTribute(await found(auth, id));
    },

    async remove(auth: AuthContext, id: string): Promise<void> {
      if (!(await repo.remove(auth.familyId, id))) throw notFound();
    },

    async picture(auth: AuthContext, id: string, size: TributeSize): Promise<Buffer> {
      const record = await found(auth, id);
      return pictureOf(
        record,
        size,
        // A teen sees a tribute made on a parents-only drawing without the drawing.
        async (mediaId) =>
          (await media.fileOfFamily(auth.familyId, mediaId, media.seesParentsOnly(auth)))?.data,
      );
    },
  };
}

export type TributesService = ReturnType<typeof tributesService>;
