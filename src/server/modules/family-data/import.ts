import type { ArchiveData } from '../../../contracts/family-archive.js';
import { checkedArchiveData } from './import-check.js';
import { importFiles } from './import-files.js';
import type { ArchiveLimits } from './limits.js';
import { openArchive, refusedArchive, type OpenArchive } from './zip-reader.js';

// Bringing a family's archive in as a new family happens in two places. The request (this file's
// `checkUpload`) refuses at once, with words saying why, what is plainly not an archive to take: a
// zip that does not open or breaks a cap (zip-reader.ts), the wrong format version, records of the
// wrong shape, ids twice, references to what the archive does not hold (import-check.ts), files that
// are not what their records say by their headers (import-files.ts `glance`), more photos than the
// family's room. Nothing is written for a refused archive. The job (import.job.ts) then checks every
// file whole, and writes the family in short pieces, nobody's until its last step.

export interface ArchiveCheckLimits {
  limits: ArchiveLimits;
  /** The most a family's photos may take (the media module's quota). */
  quotaBytes: number;
}

/** An archive checked as far as the job will check it again before it writes: open, its data read. */
export interface CheckedArchive {
  zip: OpenArchive;
  data: ArchiveData;
  files: ReturnType<typeof importFiles>;
}

/** Opens and checks an archive; the caller closes `zip`. Throws a refusal (AppError) saying why. */
export async function openCheckedArchive(deps: ArchiveCheckLimits, zipPath: string): Promise<CheckedArchive> {
  const zip = await openArchive(zipPath, deps.limits);
  try {
    const data = await checkedArchiveData(zip);
    const files = importFiles(zip, data);
    if (files.pictureBytes() > deps.quotaBytes)
      throw refusedArchive(
        `This family's photos take more room than this server keeps for one family (${Math.round(deps.quotaBytes / (1 << 20))} MB). Please ask whoever runs this Alongside for more room. Nothing was imported.`,
      );
    return { zip, data, files };
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** The request's checks (see above); answers the family's name as the archive gives it. */
export async function checkUpload(
  deps: ArchiveCheckLimits,
  zipPath: string,
): Promise<{ familyName: string }> {
  const { zip, data, files } = await openCheckedArchive(deps, zipPath);
  try {
    await files.glance();
    return { familyName: data.family.name };
  } finally {
    zip.close();
  }
}
