import type {
  AddLetterBody,
  MemoryBoxResponse,
  MemoryItem,
  UpdateMemoryItemBody,
} from '../../../contracts/memory-box.js';
import { can } from '../../../contracts/permissions.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import type { ChildrenService } from '../children/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import { keyedUpload, type KeyedUpload, type MediaService } from '../media/index.js';
import { readVoiceNote } from './audio.js';
import { ageOn } from './labels.js';
import type { MemoryBoxRepository, MemoryItemRecord, StoredAudio } from './memory-box.repository.js';

/** A drawing's photo or a voice note's recording as sent, with the phone's upload key if it gave one. */
export interface BoxUpload {
  bytes: Buffer;
  key: string | undefined;
}

interface Deps {
  repo: MemoryBoxRepository;
  clock: Clock;
  media: MediaService;
  children: ChildrenService;
  lovedOnes: LovedOnesService;
  /** Runs `work` as one change to the family's data (family-changes.ts `within`). */
  changeFamily: <T>(familyId: string, work: () => Promise<T>) => Promise<T>;
  /** The family's room for photos, drawings and voice notes together (config.mediaQuotaBytes). */
  quotaBytes: number;
}

const seesParentsOnly = (auth: AuthContext) => can(auth.role, 'parentsOnly.see');

/** The wire shape of an item: its label, its words, and where its picture is. */
export function presentItem(item: MemoryItemRecord): MemoryItem {
  const drawing = item.kind === 'drawing';
  return {
    id: item.id,
    lovedOneId: item.lovedOneId,
    kind: item.kind,
    parentsOnly: item.parentsOnly,
    byName: item.byName,
    byAge: item.byAge,
    createdAt: item.createdAt,
    prompt: item.prompt,
    text: item.text,
    imageUrl: drawing ? `/api/memory-box/${item.id}/image` : null,
    thumbnailUrl: drawing ? `/api/memory-box/${item.id}/thumbnail` : null,
    audioUrl: item.kind === 'voice' ? `/api/voice-notes/${item.id}/audio` : null,
    audioSeconds: item.audioSeconds,
  };
}

export function memoryBoxService({
  repo,
  clock,
  media,
  children,
  lovedOnes,
  changeFamily,
  quotaBytes,
}: Deps) {
  /**
   * Who made it, as the label says: in child mode the child (their name, and their age today if a
   * grown-up gave the month they were born); otherwise the member, by name.
   */
  async function author(auth: AuthContext, now: string) {
    if (auth.role === 'childProfile' && auth.childProfileId) {
      const child = await children.profile(auth.familyId, auth.childProfileId);
      if (child)
        return {
          byName: child.displayName,
          byAge: ageOn(child.birthMonth, now),
          byChildProfileId: child.id,
          byMemberId: null,
        };
    }
    return { byName: auth.displayName, byAge: null, byChildProfileId: null, byMemberId: auth.memberId };
  }

  async function newItem(
    auth: AuthContext,
    lovedOneId: string,
    fields: Pick<MemoryItemRecord, 'kind' | 'mediaId' | 'prompt' | 'text' | 'audioSeconds'>,
  ): Promise<MemoryItemRecord> {
    const createdAt = isoNow(clock);
    return {
      id: newId(),
      lovedOneId,
      ...fields,
      parentsOnly: false,
      ...(await author(auth, createdAt)),
      createdAt,
    };
  }

  /**
   * The item an upload key already made, if any: a phone sending again (a lost answer, its queue
   * replaying) is answered with it and nothing is stored twice. The same key with other bytes is
   * refused: the phone meant something else, and answering the first would silently lose it.
   */
  async function sentBefore(auth: AuthContext, keyed: KeyedUpload | null): Promise<MemoryItem | undefined> {
    const earlier = keyed && (await repo.keyed(auth.familyId, keyed.hash));
    if (!earlier) return undefined;
    if (earlier.uploadDigest !== keyed.digest)
      throw conflict('This upload key was already used for something else. Please add it again.');
    return presentItem(earlier.item);
  }

  /**
   * Stores an uploaded item as one change to the family, after `check` (the family's room). A retry
   * with the same key that got there first, before or during this change, answers its own item.
   */
  async function storeUploaded(
    auth: AuthContext,
    item: MemoryItemRecord,
    keyed: KeyedUpload | null,
    { audio = null, check }: { audio?: StoredAudio | null; check?: () => Promise<void> } = {},
  ): Promise<MemoryItem> {
    const saved = await changeFamily(auth.familyId, async () => {
      if (keyed && (await repo.keyed(auth.familyId, keyed.hash))) return 'taken';
      await check?.();
      return repo.insert(auth.familyId, item, { audio, key: keyed });
    });
    return saved === 'taken' ? (await sentBefore(auth, keyed))! : presentItem(item);
  }

  async function visible(auth: AuthContext, id: string): Promise<MemoryItemRecord> {
    const item = await repo.find(auth.familyId, id, seesParentsOnly(auth));
    if (!item) throw notFound();
    return item;
  }

  return {
    /** Every loved one's box, as far as this session may see it. */
    async box(auth: AuthContext): Promise<MemoryBoxResponse> {
      const [ones, items] = await Promise.all([
        lovedOnes.list(auth),
        repo.list(auth.familyId, seesParentsOnly(auth)),
      ]);
      return {
        lovedOnes: ones.map((one) => ({ id: one.id, displayName: one.name })),
        items: items.map(presentItem),
      };
    },

    async addLetter(auth: AuthContext, lovedOneId: string, body: AddLetterBody): Promise<MemoryItem> {
      const item = await newItem(auth, lovedOneId, {
        kind: 'letter',
        mediaId: null,
        prompt: body.prompt,
        text: body.text,
        audioSeconds: null,
      });
      await repo.insert(auth.familyId, item);
      return presentItem(item);
    },

    /**
     * Keeps a photographed drawing. The media pipeline re-encodes it first (outside any transaction,
     * as a photo is); then the item is stored in the family's own change. Should that fail, the
     * picture goes too, so nothing is left half-stored. With an upload key, sending it again answers
     * the item the key first made: the picture is kept once (the media module's own key) and so is
     * the item.
     */
    async addDrawing(auth: AuthContext, lovedOneId: string, upload: BoxUpload): Promise<MemoryItem> {
      const keyed = keyedUpload(upload.key, upload.bytes);
      const earlier = await sentBefore(auth, keyed);
      if (earlier) return earlier;
      const picture = await media.add(auth, upload.bytes, { kind: 'drawing', key: upload.key });
      const item = await newItem(auth, lovedOneId, {
        kind: 'drawing',
        mediaId: picture.id,
        prompt: null,
        text: null,
        audioSeconds: null,
      });
      try {
        return await storeUploaded(auth, item, keyed);
      } catch (error) {
        await changeFamily(auth.familyId, () => media.removeOf(auth.familyId, picture.id));
        throw error;
      }
    },

    /**
     * Keeps a voice note: checked by its content and its real length (audio.ts) before the family's
     * change begins; then, within it, the family's room is checked and the item stored. With an
     * upload key, as a drawing.
     */
    async addVoiceNote(auth: AuthContext, lovedOneId: string, upload: BoxUpload): Promise<MemoryItem> {
      const keyed = keyedUpload(upload.key, upload.bytes);
      const earlier = await sentBefore(auth, keyed);
      if (earlier) return earlier;
      const note = await readVoiceNote(upload.bytes);
      const item = await newItem(auth, lovedOneId, {
        kind: 'voice',
        mediaId: null,
        prompt: null,
        text: null,
        audioSeconds: note.seconds,
      });
      return storeUploaded(auth, item, keyed, {
        audio: note,
        check: async () => {
          // The family's room counts photos, drawings and voice notes together (media.usage).
          const used = (await media.usage(auth)).usedBytes;
          if (used + note.data.length > quotaBytes)
            throw new AppError(
              'payload_too_large',
              "Your family's room for photos and recordings is full. Everything you have saved is safe. To add more, remove something, or ask whoever runs your Alongside for more room.",
            );
        },
      });
    },

    /** A voice note's recording, to whoever may see the item. */
    async audio(auth: AuthContext, id: string): Promise<StoredAudio> {
      const audio = await repo.audio(auth.familyId, id, seesParentsOnly(auth));
      if (!audio) throw notFound();
      return audio;
    },

    /** Keeps an item for the parents only, or opens it to the family again: its picture with it. */
    async update(auth: AuthContext, id: string, body: UpdateMemoryItemBody): Promise<MemoryItem> {
      const item = await visible(auth, id);
      const { parentsOnly } = body;
      if (parentsOnly === undefined) return presentItem(item);
      await repo.setParentsOnly(auth.familyId, id, parentsOnly);
      if (item.mediaId) await media.setParentsOnly(auth.familyId, item.mediaId, parentsOnly);
      return presentItem({ ...item, parentsOnly });
    },

    async remove(auth: AuthContext, id: string): Promise<void> {
      const item = await visible(auth, id);
      // The item's row goes with its picture (a foreign key on media_id).
      if (item.mediaId) await media.removeOf(auth.familyId, item.mediaId);
      await repo.remove(auth.familyId, id);
    },

    /** A drawing's picture, to whoever may see the item. */
    async file(auth: AuthContext, id: string, which: 'file' | 'thumbnail') {
      const item = await visible(auth, id);
      if (!item.mediaId) throw notFound();
      return media.fileOf(auth.familyId, item.mediaId, which);
    },
  };
}

export type MemoryBoxService = ReturnType<typeof memoryBoxService>;
