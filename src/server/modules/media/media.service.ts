import type { MediaItem, MediaUsage } from '../../../contracts/media.js';
import { can } from '../../../contracts/permissions.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import { pictureColumns, processImage, type ProcessedImage } from './images.js';
import type { MediaUsesRepository } from './media-uses.repository.js';
import type { MediaRepository, StoredFile } from './media.repository.js';
import { keyedUpload, type KeyedUpload } from './upload-edge.js';

interface Deps {
  repo: MediaRepository;
  uses: MediaUsesRepository;
  clock: Clock;
  /** Runs `work` as one change to the family's data (family-changes.ts `within`). */
  changeFamily: <T>(familyId: string, work: () => Promise<T>) => Promise<T>;
  /** The family's room for photos, drawings and voice notes together. */
  quotaBytes: number;
  /** Bytes the family's voice notes take (kept by the memory box, counted in the same room). */
  voiceNoteBytes: (familyId: string) => Promise<number>;
  /** Bytes the photos on journal entries take (kept by the journal, counted in the same room). */
  journalPhotoBytes: (familyId: string) => Promise<number>;
}

/** The pictures kept only for one loved one (their drawings, ritual photos, tribute pictures). */
export interface KeptForLovedOne {
  photos: number;
  drawings: number;
  /** The room they take, thumbnails included. */
  bytes: number;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`;

/** A database that has run out of disk: SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100). */
const isDiskFull = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100';
};

/** Another request with the same upload key stored its photo first: this one's is rolled back. */
class KeyTaken extends Error {}

/** Whether this session may see what is kept for the parents only (a private drawing). */
const seesParentsOnly = (auth: AuthContext) => can(auth.role, 'parentsOnly.see');

export function mediaService({
  repo,
  uses,
  clock,
  changeFamily,
  quotaBytes,
  voiceNoteBytes,
  journalPhotoBytes,
}: Deps) {
  /**
   * What the family's room holds: photos and drawings with their thumbnails, voice notes, and the
   * photos on journal entries (counted as bytes only; no media route lists or serves them).
   */
  const usedBytes = async (familyId: string) =>
    (await repo.usedBytes(familyId)) + (await voiceNoteBytes(familyId)) + (await journalPhotoBytes(familyId));

  /** Refuses `size` more bytes when the family's room cannot hold them. */
  async function ensureRoom(familyId: string, size: number): Promise<void> {
    const used = await usedBytes(familyId);
    if (used + size > quotaBytes)
      throw new AppError(
        'payload_too_large',
        `Your family's room for photos is full (${megabytes(quotaBytes)}). Everything you have saved is safe. To add more, remove some photos, or ask whoever runs your Alongside for more room.`,
      );
  }

  async function keptOnlyFor(familyId: string, lovedOneId: string) {
    const kept = await uses.keptOnlyFor(familyId, lovedOneId);
    const summary: KeptForLovedOne = {
      photos: kept.filter((m) => m.kind !== 'drawing').length,
      drawings: kept.filter((m) => m.kind === 'drawing').length,
      bytes: kept.reduce((sum, m) => sum + m.bytes, 0),
    };
    return { ids: kept.map((m) => m.id), summary };
  }

  /** Stores a re-encoded photo as one of the family's, within the family's room (the quota). */
  async function keep(
    familyId: string,
    image: ProcessedImage,
    row: {
      id: string;
      kind: MediaItem['kind'];
      addedBy: string | null;
      fromName: string | null;
      createdAt: string;
    },
  ): Promise<void> {
    await ensureRoom(familyId, image.data.length + image.thumbnail.data.length);
    await repo.insert({
      id: row.id,
      family_id: familyId,
      kind: row.kind,
      ...pictureColumns(image),
      added_by: row.addedBy,
      from_name: row.fromName,
      created_at: row.createdAt,
    });
  }

  /**
   * The photo an upload key already made, if any. The same key with other bytes is refused: the
   * phone meant another photo, and answering the first one would silently lose it.
   */
  async function sentBefore(auth: AuthContext, keyed: KeyedUpload): Promise<MediaItem | undefined> {
    const earlier = await repo.keyed(auth.familyId, keyed.hash);
    if (!earlier) return undefined;
    if (earlier.uploadDigest !== keyed.digest)
      throw conflict('This upload key was already used for another photo. Please choose the photo again.');
    return repo.find(auth.familyId, earlier.mediaId, seesParentsOnly(auth));
  }

  return {
    /**
     * Keeps a photo. The upload is decoded and re-encoded first, on sharp's own threads and outside
     * the family's transaction (a 12-megapixel photo takes a good part of a second; no other change
     * should wait on it); then the row, the quota check and the family's revision commit together.
     * The upload itself is never stored.
     *
     * With an upload key (the `Idempotency-Key` a phone's upload queue sends), sending the same
     * photo again answers the photo the key first made and stores nothing: a retry after a lost
     * answer, or two retries at once, keep one photo. The key is kept only as its hash.
     */
    async add(
      auth: AuthContext,
      upload: Buffer,
      { key, kind = 'photo' }: { key?: string; kind?: MediaItem['kind'] } = {},
    ): Promise<MediaItem> {
      const keyed = keyedUpload(key, upload);
      const earlier = keyed && (await sentBefore(auth, keyed));
      if (earlier) return earlier;

      const image = await processImage(upload);
      const id = newId();
      try {
        const kept = await changeFamily(auth.familyId, async () => {
          // Checked again inside the change: a retry may have stored it while this one re-encoded.
          const meanwhile = keyed && (await repo.keyed(auth.familyId, keyed.hash));
          if (meanwhile) return meanwhile.mediaId;
          const createdAt = isoNow(clock);
          await keep(auth.familyId, image, { id, kind, addedBy: auth.memberId, fromName: null, createdAt });
          if (keyed) {
            const claimed = await repo.insertKey({
              family_id: auth.familyId,
              key_hash: keyed.hash,
              upload_digest: keyed.digest,
              media_id: id,
              created_at: createdAt,
            });
            if (claimed === 'taken') throw new KeyTaken();
          }
          return id;
        });
        if (kept !== id && keyed) return (await sentBefore(auth, keyed))!;
      } catch (error) {
        // A retry running alongside this one committed first: answer its photo, keep nothing here.
        if (error instanceof KeyTaken && keyed) {
          const first = await sentBefore(auth, keyed);
          if (first) return first;
        }
        if (isDiskFull(error))
          throw new AppError(
            'unavailable',
            'The server has run out of room, so this photo was not saved. Everything saved before is safe. Please tell whoever runs your Alongside.',
          );
        throw error;
      }
      return (await repo.find(auth.familyId, id, true))!;
    },

    list: (auth: AuthContext): Promise<MediaItem[]> => repo.list(auth.familyId, seesParentsOnly(auth)),

    async get(auth: AuthContext, id: string): Promise<MediaItem> {
      const item = await repo.find(auth.familyId, id, seesParentsOnly(auth));
      if (!item) throw notFound();
      return item;
    },

    async file(auth: AuthContext, id: string, which: 'file' | 'thumbnail'): Promise<StoredFile> {
      const file = await repo.file(auth.familyId, id, which, seesParentsOnly(auth));
      if (!file) throw notFound();
      return file;
    },

    /**
     * A photo by its family, for a page that is the family's by a share link (tributes): the
     * caller has checked the link, and only ever passes the id the family chose for it. A picture
     * kept for the parents only is given only when `seesParentsOnly` (a parent shared it by link).
     */
    fileOfFamily: (familyId: string, id: string, seesParentsOnly: boolean): Promise<StoredFile | undefined> =>
      repo.file(familyId, id, 'file', seesParentsOnly),

    /** Whether this session sees what is kept for the parents only. */
    seesParentsOnly,

    async remove(auth: AuthContext, id: string): Promise<void> {
      if (!(await repo.remove(auth.familyId, id, seesParentsOnly(auth)))) throw notFound();
    },

    /**
     * Keeps a file for the parents only, or opens it to the family again. Called by the memory box,
     * which has already checked that the caller may ('memoryBox.manage').
     */
    setParentsOnly: (familyId: string, id: string, parentsOnly: boolean): Promise<void> =>
      repo.setParentsOnly(familyId, id, parentsOnly),

    /** Removes a memory box item's picture (the memory box has checked who may). */
    removeOf: async (familyId: string, id: string): Promise<void> => {
      await repo.remove(familyId, id, true);
    },

    /** A file kept for a memory box item, read for that item's own routes (which check who may see it). */
    async fileOf(familyId: string, id: string, which: 'file' | 'thumbnail'): Promise<StoredFile> {
      const file = await repo.file(familyId, id, which, true);
      if (!file) throw notFound();
      return file;
    },

    /**
     * Decodes and re-encodes an upload exactly as `add` does (no location or camera tags, the same
     * limits, refused by content when not a photo), for a module that holds it elsewhere until
     * someone decides (a supporter's reply, until a parent accepts it). Stores nothing.
     */
    prepare: (upload: Buffer): Promise<ProcessedImage> => processImage(upload),

    /**
     * Refuses a photo the family's room cannot hold, for a module that keeps re-encoded photos in
     * its own table (the journal's photos on entries); called inside the caller's change.
     */
    ensureRoom: (familyId: string, image: ProcessedImage): Promise<void> =>
      ensureRoom(familyId, image.data.length + image.thumbnail.data.length),

    /**
     * Makes a photo `prepare` gave one of the family's, inside the caller's change to the family
     * (a parent accepting a supporter's reply), counted in the family's room like any other.
     * `fromName` says who outside the family sent it.
     */
    async adopt(
      familyId: string,
      image: ProcessedImage,
      { addedBy, fromName }: { addedBy: string | null; fromName: string },
    ): Promise<MediaItem> {
      const id = newId();
      await keep(familyId, image, { id, kind: 'photo', addedBy, fromName, createdAt: isoNow(clock) });
      return (await repo.find(familyId, id, true))!;
    },

    async usage(auth: AuthContext): Promise<MediaUsage> {
      return { usedBytes: await usedBytes(auth.familyId), quotaBytes };
    },

    /** The family's pictures only this loved one's rows use, which deleting them removes too. */
    keptOnlyFor: async (familyId: string, lovedOneId: string): Promise<KeptForLovedOne> =>
      (await keptOnlyFor(familyId, lovedOneId)).summary,

    /**
     * Removes the pictures only this loved one's rows use, inside the caller's change (deleting the
     * loved one, whose rows then go by their foreign keys); those something else uses stay.
     */
    async removeKeptOnlyFor(familyId: string, lovedOneId: string): Promise<KeptForLovedOne> {
      const { ids, summary } = await keptOnlyFor(familyId, lovedOneId);
      await repo.removeAll(familyId, ids);
      return summary;
    },
  };
}

export type MediaService = ReturnType<typeof mediaService>;
