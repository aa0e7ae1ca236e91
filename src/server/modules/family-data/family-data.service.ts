import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FamilyExport, ImportResponse } from '../../../contracts/family-archive.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { hashToken, newId, newToken } from '../../secrets.js';
import type { AccountsServices, AuthContext } from '../accounts/index.js';
import { MAKE_EXPORT_QUEUE, type MakeExportPayload } from './export.job.js';
import type { ExportRecord, ExportsRepository } from './exports.repository.js';
import { importArchive, type ImportDeps } from './import.js';
import { refusedArchive } from './zip-reader.js';

/** How long a download link works once made: long enough to start a download, no longer. */
const LINK_MS = 10 * 60_000;

export function presentExport(row: ExportRecord): FamilyExport {
  return {
    id: row.id,
    state: row.state,
    filesDone: row.filesDone,
    filesTotal: row.filesTotal,
    byteSize: row.byteSize,
    createdAt: row.createdAt,
    readyAt: row.readyAt,
    expiresAt: row.expiresAt,
  };
}

const GONE_LINK =
  'This download link has been used already, or has ended. Please open “Your family’s data” and download again.';

/**
 * Your family's data: an owner or adult asks for an archive, a background job makes it
 * (export.job.ts), and they download it with a link made for them alone, which works once and for ten
 * minutes; the archive is kept a week. Anyone signed in brings an archive in as a new family.
 */
export function familyDataService(deps: {
  exports: ExportsRepository;
  clock: Clock;
  queue: JobQueue;
  accounts: AccountsServices;
  importing: ImportDeps;
  /** Where an upload waits while it is checked (never in memory: an archive may be gigabytes). */
  uploadsDir: string;
}) {
  const { exports, clock, queue } = deps;

  async function found(auth: AuthContext, id: string): Promise<ExportRecord> {
    const row = await exports.find(auth.familyId, auth.memberId, id);
    if (!row) throw notFound();
    return row;
  }

  return {
    async list(auth: AuthContext): Promise<FamilyExport[]> {
      return (await exports.list(auth.familyId, auth.memberId)).map(presentExport);
    },

    async ask(auth: AuthContext): Promise<FamilyExport> {
      const id = newId();
      await exports.insert(auth.familyId, { id, askedBy: auth.memberId, createdAt: isoNow(clock) });
      const payload: MakeExportPayload = { familyId: auth.familyId, exportId: id };
      await exports.enqueueJob(queue, {
        queue: MAKE_EXPORT_QUEUE,
        dedupeKey: `family-export:${id}`,
        payload,
        runAt: clock.now(),
      });
      return presentExport(await found(auth, id));
    },

    get: async (auth: AuthContext, id: string): Promise<FamilyExport> => presentExport(await found(auth, id)),

    async remove(auth: AuthContext, id: string): Promise<void> {
      await found(auth, id);
      await exports.remove(auth.familyId, id);
    },

    /** A new single-use link to download a ready archive (any earlier link stops working). */
    async link(auth: AuthContext, id: string): Promise<{ url: string; expiresAt: string }> {
      const row = await found(auth, id);
      if (row.state !== 'ready')
        throw new AppError('conflict', 'This archive is not ready yet. It will be soon.');
      const token = newToken();
      const expiresAt = new Date(clock.now() + LINK_MS).toISOString();
      await exports.setLink(auth.familyId, id, hashToken(token), expiresAt);
      return { url: `/api/family-exports/${id}/file?token=${token}`, expiresAt };
    },

    /** The archive, read piece by piece as it is sent, if the link is this asker's, unused and current. */
    async download(
      auth: AuthContext,
      id: string,
      token: string,
    ): Promise<{ row: ExportRecord; stream: Readable }> {
      const row = await found(auth, id);
      if (!(await exports.useLink(auth.familyId, auth.memberId, id, hashToken(token), isoNow(clock))))
        throw notFound(GONE_LINK);
      async function* pieces() {
        for (let seq = 0; ; seq++) {
          const piece = await exports.chunk(id, seq);
          if (!piece) return;
          yield piece;
        }
      }
      return { row, stream: Readable.from(pieces(), { objectMode: false }) };
    },

    /** Removes archives whose week is over. */
    removeExpired: () => exports.removeExpired(isoNow(clock)),

    /** Brings an uploaded archive in as a new family, the signed-in person its owner. */
    async importUpload(auth: AuthContext, upload: Readable): Promise<ImportResponse> {
      const { user } = await deps.accounts.sessionView(auth);
      await mkdir(deps.uploadsDir, { recursive: true });
      const dir = await mkdtemp(join(deps.uploadsDir, 'import-'));
      const path = join(dir, 'archive.zip');
      try {
        const cap = deps.importing.limits.maxUploadBytes;
        let bytes = 0;
        const counted = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            bytes += chunk.length;
            if (bytes > cap)
              done(
                refusedArchive(
                  `This archive is larger than this server takes (${Math.round(cap / (1 << 20))} MB). Nothing was imported.`,
                ),
              );
            else done(null, chunk);
          },
        });
        await pipeline(upload, counted, createWriteStream(path));
        if (bytes === 0) throw refusedArchive('Please choose the zip file of a family’s archive.');
        return await importArchive(deps.importing, { auth, email: user.email }, path);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

export type FamilyDataService = ReturnType<typeof familyDataService>;
