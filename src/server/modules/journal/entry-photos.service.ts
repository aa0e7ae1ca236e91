import { ENTRY_PHOTOS_MAX, entryPhotoUrlsOf, type EntryPhoto } from '../../../contracts/journal.js';
import { isoNow, type Clock } from '../../clock.js';
import { conflict, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import { keyedUpload, pictureColumns, type KeyedUpload, type MediaService } from '../media/index.js';
import type { EntryPhotoFile, EntryPhotoRecord, EntryPhotosRepository } from './entry-photos.repository.js';
import type { JournalRepository } from './journal.repository.js';

interface Deps {
  repo: EntryPhotosRepository;
  entries: JournalRepository;
  media: MediaService;
  clock: Clock;
  /** Runs `work` as one change to the family's data (family-changes.ts `within`). */
  changeFamily: <T>(familyId: string, work: () => Promise<T>) => Promise<T>;
}

export const presentEntryPhoto = (p: EntryPhotoRecord): EntryPhoto => ({
  id: p.id,
  width: p.width,
  height: p.height,
  ...entryPhotoUrlsOf(p.id),
  createdAt: p.createdAt,
});

/** An upload: the photo's bytes and the phone's upload key, if it sent one. */
export interface EntryPhotoUpload {
  bytes: Buffer;
  key?: string;
}

/**
 * Photos on entries. Only the writer adds or removes them; they are read exactly as their entry is
 * (the writer's own, or shared with the family's adults): another member's private entry's photo
 * answers "not found", as the entry does.
 */
export function entryPhotosService({ repo, entries, media, clock, changeFamily }: Deps) {
  async function ownEntry(auth: AuthContext, entryId: string): Promise<void> {
    if (!(await entries.findOwn(auth.familyId, auth.memberId, entryId))) throw notFound();
  }

  /** The photo an upload key already made on this entry, if any; other bytes with the key are refused. */
  async function sentBefore(
    auth: AuthContext,
    entryId: string,
    keyed: KeyedUpload | null,
  ): Promise<EntryPhoto | undefined> {
    const earlier = keyed && (await repo.keyed(auth.familyId, keyed.hash));
    if (!earlier) return undefined;
    if (
      earlier.uploadDigest !== keyed.digest ||
      earlier.entryId !== entryId ||
      earlier.authorId !== auth.memberId
    )
      throw conflict('This upload key was already used for another photo. Please choose the photo again.');
    const photo = (await repo.onEntries(auth.familyId, [entryId])).find((p) => p.id === earlier.id);
    if (!photo) throw notFound();
    return presentEntryPhoto(photo);
  }

  return {
    /** Photos on these entries, by entry (the entries already read as their reader may). */
    async byEntry(familyId: string, entryIds: readonly string[]): Promise<Map<string, EntryPhoto[]>> {
      const byEntry = new Map<string, EntryPhoto[]>();
      for (const photo of await repo.onEntries(familyId, entryIds))
        byEntry.set(photo.entryId, [...(byEntry.get(photo.entryId) ?? []), presentEntryPhoto(photo)]);
      return byEntry;
    },

    /**
     * Adds a photo to one of the writer's own entries. The media pipeline re-encodes it first (no
     * location or camera tags, the same limits), outside the family's change; then, within it, the
     * entry is checked again, the family's room, and the photo is kept beside the entry. With an
     * upload key, sending it again answers the photo the key first made.
     */
    async add(auth: AuthContext, entryId: string, upload: EntryPhotoUpload): Promise<EntryPhoto> {
      const keyed = keyedUpload(upload.key, upload.bytes);
      await ownEntry(auth, entryId);
      const earlier = await sentBefore(auth, entryId, keyed);
      if (earlier) return earlier;
      const image = await media.prepare(upload.bytes);
      const id = newId();
      const saved = await changeFamily(auth.familyId, async () => {
        await ownEntry(auth, entryId);
        if ((await repo.countOn(auth.familyId, entryId)) >= ENTRY_PHOTOS_MAX)
          throw conflict(
            `An entry can hold ${ENTRY_PHOTOS_MAX} photos. To add this one, remove another first.`,
          );
        await media.ensureRoom(auth.familyId, image);
        return repo.insert({
          id,
          family_id: auth.familyId,
          entry_id: entryId,
          author_id: auth.memberId,
          ...pictureColumns(image),
          upload_key_hash: keyed?.hash ?? null,
          upload_digest: keyed?.digest ?? null,
          created_at: isoNow(clock),
        });
      });
      if (saved === 'taken') return (await sentBefore(auth, entryId, keyed))!;
      const photo = (await repo.onEntries(auth.familyId, [entryId])).find((p) => p.id === id)!;
      return presentEntryPhoto(photo);
    },

    /** Removes one of the writer's own photos; another member's is not found, shared or not. */
    async remove(auth: AuthContext, photoId: string): Promise<void> {
      if (!(await repo.entryOfOwn(auth.familyId, auth.memberId, photoId))) throw notFound();
      await repo.remove(auth.familyId, auth.memberId, photoId);
    },

    /** A photo's file or thumbnail, to whoever may read its entry. */
    async file(auth: AuthContext, photoId: string, which: 'file' | 'thumbnail'): Promise<EntryPhotoFile> {
      const file = await repo.file(auth.familyId, auth.memberId, photoId, which);
      if (!file) throw notFound();
      return file;
    },

    usedBytes: (familyId: string): Promise<number> => repo.usedBytes(familyId),
  };
}

export type EntryPhotosService = ReturnType<typeof entryPhotosService>;
