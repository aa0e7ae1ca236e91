import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FamilyExport, FamilyImport } from '../../../contracts/family-archive.js';
import { chunkSink } from '../../chunk-sink.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { hashToken, newId, newToken } from '../../secrets.js';
import type { AccountsServices, AuthContext } from '../accounts/index.js';
import { MAKE_EXPORT_QUEUE, type MakeExportPayload } from './export.job.js';
import type { ExportRecord, ExportsRepository } from './exports.repository.js';
import { IMPORT_QUEUE, importJobKey, type ImportPayload } from './import.job.js';
import { checkUpload, type ArchiveCheckLimits } from './import.js';
import type { ImportRecord, ImportsRepository } from './imports.repository.js';
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

export function presentImport(row: ImportRecord): FamilyImport {
  return {
    id: row.id,
    state: row.state,
    familyName: row.familyName,
    filesDone: row.filesDone,
    filesTotal: row.filesTotal,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    message: row.state === 'failed' ? row.message : null,
    result:
      row.state === 'done' && row.result && row.madeFamilyId
        ? { family: { id: row.madeFamilyId, name: row.familyName }, ...row.result }
        : null,
  };
}

/**
 * An upload's folder with no import waiting for it (a request cut short, a job's process that died),
 * or an upload a request never finished storing, is removed once it is this old.
 */
const UPLOAD_LEFT_MS = 6 * 3_600_000;

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
  imports: ImportsRepository;
  importing: ArchiveCheckLimits;
  /** Where an upload is checked before it is stored (never in memory: an archive may be gigabytes). */
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

    /** Removes archives whose week is over, and uploads no import waits for any more. */
    async removeExpired(): Promise<number> {
      const removed = await exports.removeExpired(isoNow(clock));
      await deps.imports.removeUnstored(new Date(clock.now() - UPLOAD_LEFT_MS).toISOString());
      await removeStrayUploads();
      return removed;
    },

    /**
     * Receives an archive to bring in as a new family, the signed-in person its owner: streams it to
     * a file, checks what can be checked at once (import.ts; a refusal says why, and nothing is
     * kept), stores it in the database in pieces of about 1 MB (each on its own, read one at a time
     * from the file), and only then queues the job that brings it in (import.job.ts), which any
     * instance may run. The file is removed before the answer. Answers the import, queued.
     */
    async importUpload(auth: AuthContext, upload: Readable): Promise<FamilyImport> {
      const { user } = await deps.accounts.sessionView(auth);
      const id = newId();
      const dir = join(deps.uploadsDir, `import-${id}`);
      const path = join(dir, 'archive.zip');
      await mkdir(dir, { recursive: true });
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
        const { familyName } = await checkUpload(deps.importing, path);
        await deps.imports.insert({ id, askedBy: user.id, familyName, createdAt: isoNow(clock) });
        try {
          const sink = chunkSink((seq, data) => deps.imports.addChunk(id, seq, data));
          for await (const piece of createReadStream(path) as AsyncIterable<Buffer>) {
            sink.write(piece);
            await sink.settle();
          }
          await sink.end();
          const payload: ImportPayload = { importId: id, askedBy: user.id };
          const job = { queue: IMPORT_QUEUE, dedupeKey: importJobKey(id), payload, runAt: clock.now() };
          // (Gone meanwhile only if the asker's account was deleted as they sent it.)
          if (!(await deps.imports.stored(id, isoNow(clock), queue, job))) throw notFound();
        } catch (error) {
          await deps.imports.remove(id);
          throw error;
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      return presentImport((await deps.imports.find(user.id, id))!);
    },

    /** The person's own imports, newest first (another's, even in their family, never). */
    async listImports(auth: AuthContext): Promise<FamilyImport[]> {
      return (await deps.imports.list(auth.userId)).map(presentImport);
    },

    async getImport(auth: AuthContext, id: string): Promise<FamilyImport> {
      const row = await deps.imports.find(auth.userId, id);
      if (!row) throw notFound();
      return presentImport(row);
    },
  };

  /**
   * Folders (`import-<id>` of a request, `import-<id>.try-<n>` of a job's try) that no waiting import
   * names, left by a request cut short, a process that died, or an account deleted.
   */
  async function removeStrayUploads(): Promise<void> {
    const names = await readdir(deps.uploadsDir).catch(() => [] as string[]);
    if (names.length === 0) return;
    const wanted = await deps.imports.pending();
    for (const name of names) {
      const dir = join(deps.uploadsDir, name);
      if (wanted.has(name.replace(/^import-/, '').split('.')[0]!)) continue;
      const made = await stat(dir).catch(() => undefined);
      if (made && clock.now() - made.mtimeMs > UPLOAD_LEFT_MS)
        await rm(dir, { recursive: true, force: true });
    }
  }
}

export type FamilyDataService = ReturnType<typeof familyDataService>;
