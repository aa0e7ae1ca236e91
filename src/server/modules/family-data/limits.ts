import { mediaLimits } from '../../../contracts/media-limits.js';
import { voiceNoteLimits } from '../../../contracts/memory-box.js';
import { archiveFiles } from '../../../contracts/family-archive.js';

/** What one import may hold; the caps a hostile archive meets before anything is unpacked. */
export interface ArchiveLimits {
  /** The zip as uploaded. */
  maxUploadBytes: number;
  /** All its files unpacked together. */
  maxTotalBytes: number;
  maxEntries: number;
  /** A file larger than `ratioFloorBytes` may unpack to at most this many times its packed size. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** The most one file may unpack to, by where it is in the archive. */
  capFor(name: string): number;
}

const MB = 1 << 20;

/** The largest a file may be, by its folder: as large as the app itself ever keeps one, no larger. */
const folderCaps: Record<string, number> = {
  media: mediaLimits.maxUploadBytes,
  'reply-photos': mediaLimits.maxUploadBytes,
  voice: voiceNoteLimits.maxBytes,
  books: 500 * MB,
  'travel-packets': 50 * MB,
};

export const archiveLimits: ArchiveLimits = {
  maxUploadBytes: 2048 * MB,
  maxTotalBytes: 4096 * MB,
  maxEntries: 200_000,
  // Family data compresses about ten times at most (JSON); photos, sound and PDFs hardly at all.
  maxRatio: 100,
  ratioFloorBytes: MB,
  capFor(name) {
    if (name === archiveFiles.data) return 256 * MB;
    const folder = name.includes('/') ? name.slice(0, name.indexOf('/')) : '';
    return folderCaps[folder] ?? 16 * MB;
  },
};
