import type { MediaItem, MediaUsage } from '../../../contracts/media.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AuthContext } from '../accounts/index.js';
import { processImage } from './images.js';
import type { MediaRepository, StoredFile } from './media.repository.js';

interface Deps {
  repo: MediaRepository;
  clock: Clock;
  /** Runs `work` as one change to the family's data (family-changes.ts `within`). */
  changeFamily: <T>(familyId: string, work: () => Promise<T>) => Promise<T>;
  quotaBytes: number;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-GB')} MB`;

/** A database that has run out of disk: SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100). */
const isDiskFull = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100';
};

export function mediaService({ repo, clock, changeFamily, quotaBytes }: Deps) {
  return {
    /**
     * Keeps a photo. The upload is decoded and re-encoded first, on sharp's own threads and outside
     * the family's transaction (a 12-megapixel photo takes a good part of a second; no other change
     * should wait on it); then the row, the quota check and the family's revision commit together.
     * The upload itself is never stored.
     */
    async add(auth: AuthContext, upload: Buffer): Promise<MediaItem> {
      const image = await processImage(upload);
      const size = image.data.length + image.thumbnail.data.length;
      const id = newId();
      try {
        await changeFamily(auth.familyId, async () => {
          const used = await repo.usedBytes(auth.familyId);
          if (used + size > quotaBytes)
            throw new AppError(
              'payload_too_large',
              `Your family's room for photos is full (${megabytes(quotaBytes)}). Everything you have saved is safe. To add more, remove some photos, or ask whoever runs your Alongside for more room.`,
            );
          await repo.insert({
            id,
            family_id: auth.familyId,
            kind: 'photo',
            content_type: image.contentType,
            width: image.width,
            height: image.height,
            byte_size: image.data.length,
            data: image.data,
            thumbnail_content_type: image.thumbnail.contentType,
            thumbnail: image.thumbnail.data,
            thumbnail_byte_size: image.thumbnail.data.length,
            digest: image.digest,
            added_by: auth.memberId,
            created_at: isoNow(clock),
          });
        });
      } catch (error) {
        if (isDiskFull(error))
          throw new AppError(
            'unavailable',
            'The server has run out of room, so this photo was not saved. Everything saved before is safe. Please tell whoever runs your Alongside.',
          );
        throw error;
      }
      return (await repo.find(auth.familyId, id))!;
    },

    list: (auth: AuthContext): Promise<MediaItem[]> => repo.list(auth.familyId),

    async get(auth: AuthContext, id: string): Promise<MediaItem> {
      const item = await repo.find(auth.familyId, id);
      if (!item) throw notFound();
      return item;
    },

    async file(auth: AuthContext, id: string, which: 'file' | 'thumbnail'): Promise<StoredFile> {
      const file = await repo.file(auth.familyId, id, which);
      if (!file) throw notFound();
      return file;
    },

    /**
     * A photo by its family, for a page that is the family's by a share link (tributes): the
     * caller has checked the link, and only ever passes the id the family chose for it.
     */
    fileOfFamily: (familyId: string, id: string): Promise<StoredFile | undefined> =>
      repo.file(familyId, id, 'file'),

    async remove(auth: AuthContext, id: string): Promise<void> {
      if (!(await repo.remove(auth.familyId, id))) throw notFound();
    },

    async usage(auth: AuthContext): Promise<MediaUsage> {
      return { usedBytes: await repo.usedBytes(auth.familyId), quotaBytes };
    },
  };
}

export type MediaService = ReturnType<typeof mediaService>;
