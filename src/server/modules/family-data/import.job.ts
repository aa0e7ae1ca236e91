import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { ImportResponse } from '../../../contracts/family-archive.js';
import type { InviteRole } from '../../../contracts/family.js';
import type { Role } from '../../../contracts/permissions.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { FamilyChanges } from '../../family-changes.js';
import type { JobDefinition } from '../../jobs/runner.js';
import { newId } from '../../secrets.js';
import { actingFor } from '../accounts/index.js';
import type { DeletionsService } from '../deletions/index.js';
import type { InvitesService } from '../family/index.js';
import type { Mailer } from '../notifications/index.js';
import { ArchiveConflict, type ArchiveRepository } from './archive.repository.js';
import { planImport } from './import-plan.js';
import { filesToWrite, writeFamily, type ImportTry } from './import-writer.repository.js';
import { openCheckedArchive, type ArchiveCheckLimits } from './import.js';
import {
  Superseded,
  type DbHandle,
  type ImportRecord,
  type ImportsRepository,
} from './imports.repository.js';
import { importDoneMail, importInviteMail } from './mail.js';
import { refusedArchive } from './zip-reader.js';

export const IMPORT_QUEUE = 'family-data.import';
export const importJobKey = (importId: string) => `family-import:${importId}`;
/** Tries before an import is given up (a refusal is final at once). */
const MAX_ATTEMPTS = 3;
/** Progress is written at most this often by the clock, and every PROGRESS_EVERY files regardless. */
const PROGRESS_EVERY_MS = 500;
const PROGRESS_EVERY = 20;

const payload = z.object({ importId: z.string(), askedBy: z.string() });
export type ImportPayload = z.infer<typeof payload>;

/** What an import that failed for a reason of ours says (a refusal says its own reason). */
export const IMPORT_FAILED =
  'We could not bring this family in. Nothing was imported, and your archive is unchanged: please try again in a little while.';

/** What an import whose upload is not in the database says (one sent before migration 032 kept it there). */
export const UPLOAD_MISSING =
  'We could not find the archive you sent, so nothing was imported. Please send it again: your archive is unchanged.';

const inviteRoleOf = (role: Role): InviteRole => (role === 'owner' ? 'adult' : role);

export interface ImportJobDeps extends ArchiveCheckLimits {
  /** The module's database handle (outside a change, the pool; inside one, its transaction). */
  db: DbHandle;
  /** The archive repository on that handle. */
  archive: ArchiveRepository;
  imports: ImportsRepository;
  changes: FamilyChanges;
  invites: InvitesService;
  deletions: Pick<DeletionsService, 'eraseImportLeftovers'>;
  mailer: Mailer;
  clock: Clock;
  baseUrl: string;
  /** Where a try writes the upload, read back from the database, while it works (this instance's disk). */
  uploadsDir: string;
  /** For tests: called after each file is in (to fail, or lose the lease, midway). */
  afterFile?: (done: number) => Promise<void>;
}

/**
 * Brings one uploaded archive in as a new family (`family-data.import`, key `family-import:<id>`):
 * starts a new try (the import row's `attempt`), first removing whatever an earlier try left (its
 * half-made family, deleted as any family is: deletions' erase), checks every file whole, writes the
 * family in pieces (import-writer.ts), and in one last short transaction, as a change to the new
 * family, makes the importer its owner, invites by e-mail the members whose address has an account
 * here, and marks the import done. Then the e-mails: those invites, and the importer's "it is here".
 * A refusal found only now (a picture that does not decode, records the database finds contradict
 * one another) fails the import at once with its words; any other failure removes what was written
 * and lets the runner try again, and after the last try the import says kindly that nothing came in.
 * Nothing of a failed import remains. The upload waits in the database (`family_import_chunks`), so
 * any instance may run the job: each try first writes it, piece by piece, to a file of its own on
 * this instance's disk (the zip is read where it ends, so not from a stream), removed when the try
 * ends however it ends; the pieces go once the import is done or failed.
 */
export function makeImportJob(deps: ImportJobDeps): JobDefinition<ImportPayload> {
  const { imports, clock } = deps;

  async function removeLeftovers(id: string): Promise<void> {
    const row = await imports.findForJob(id);
    if (row?.madeFamilyId) await deps.deletions.eraseImportLeftovers(id, row.madeFamilyId);
  }

  async function giveUp(row: ImportRecord, message: string): Promise<void> {
    await removeLeftovers(row.id);
    await imports.fail(row.id, message, isoNow(clock));
  }

  /** The upload, read back one piece at a time into this try's own file; false if none is stored. */
  async function materialise(id: string, path: string): Promise<boolean> {
    let pieces = 0;
    async function* read() {
      for (let seq = 0; ; seq++) {
        const piece = await imports.chunk(id, seq);
        if (!piece) return;
        pieces++;
        yield piece;
      }
    }
    await mkdir(join(path, '..'), { recursive: true });
    await pipeline(Readable.from(read(), { objectMode: false }), createWriteStream(path));
    return pieces > 0;
  }

  return {
    queue: IMPORT_QUEUE,
    version: 1,
    payload,
    batchSize: 1,
    maxAttempts: MAX_ATTEMPTS,
    async handle(jobs, complete, holdsLease) {
      for (const { row: job, payload: asked } of jobs) {
        const found = await imports.findForJob(asked.importId);
        if (!found || found.state === 'done' || found.state === 'failed') {
          await complete([job.id]);
          continue;
        }
        if (job.attempts > MAX_ATTEMPTS) {
          // A last try whose process died: what it left goes, and the import says so.
          await giveUp(found, IMPORT_FAILED);
          await complete([job.id]);
          continue;
        }
        const attempt = await imports.begin(found.id);
        if (attempt === undefined) {
          await complete([job.id]);
          continue;
        }
        const attemptTry = imports.tryOf(found.id, attempt, (trx) => holdsLease(job.id, trx));
        const dir = join(deps.uploadsDir, `import-${found.id}.try-${attempt}`);
        try {
          await removeLeftovers(found.id);
          if (!(await materialise(found.id, join(dir, 'archive.zip')))) {
            await giveUp(found, UPLOAD_MISSING);
            await complete([job.id]);
            continue;
          }
          const done = await bringIn(deps, found, attempt, attemptTry, join(dir, 'archive.zip'));
          await complete([job.id]);
          await tell(deps, found, done);
        } catch (error) {
          if (error instanceof Superseded) {
            // A newer try has it, or the import (its asker) is gone: nothing here to finish.
            if (!(await imports.findForJob(found.id))) await complete([job.id]);
            continue;
          }
          const refusal = error instanceof ArchiveConflict ? conflictRefusal(error) : error;
          if (refusal instanceof AppError && refusal.code === 'validation_failed') {
            await giveUp(found, refusal.message);
            await complete([job.id]);
            continue;
          }
          if (job.attempts >= MAX_ATTEMPTS) await giveUp(found, IMPORT_FAILED);
          else {
            await removeLeftovers(found.id);
            await imports.requeue(found.id, attempt);
          }
          throw error;
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
    },
  };
}

const conflictRefusal = (error: ArchiveConflict) => refusedArchive(`${error.message} Nothing was imported.`);

/** What the last step hands on to the e-mails once it has committed. */
interface Brought {
  familyId: string;
  familyName: string;
  importer: { email: string; displayName: string };
  invited: Array<{ email: string; link: string; index: number }>;
  result: Pick<ImportResponse, 'invited' | 'notes'>;
}

/** One try: checks the archive whole, writes the family, and makes it the importer's. */
async function bringIn(
  deps: ImportJobDeps,
  row: ImportRecord,
  attempt: number,
  attemptTry: ReturnType<ImportsRepository['tryOf']>,
  zipPath: string,
): Promise<Brought> {
  const { imports, clock, db, archive } = deps;
  const person = await archive.person(row.askedBy);
  // (Deleting an account removes its imports: this is a moment's race, tried again and then given up.)
  if (!person || person.deletedAt !== null) throw new Error('the importer’s account is gone');
  const { zip, data, files } = await openCheckedArchive(deps, zipPath);
  try {
    await files.check();
    const now = isoNow(clock);
    const importer = { auth: { userId: row.askedBy, displayName: person.displayName }, email: person.email };
    const plan = planImport(data, importer, now);
    const familyId = newId();
    let reportedAt = Number.NEGATIVE_INFINITY;
    const total = filesToWrite(plan);
    const step: ImportTry = {
      familyId,
      write: (work) => attemptTry.write(work),
      stillCurrent: () => attemptTry.stillCurrent(),
      async progress(done) {
        if (clock.now() - reportedAt >= PROGRESS_EVERY_MS || done % PROGRESS_EVERY === 0 || done === total) {
          reportedAt = clock.now();
          if (!(await imports.progress(row.id, attempt, done))) throw new Superseded();
        }
        await deps.afterFile?.(done);
      },
    };
    await writeFamily({
      outside: archive,
      attempt: step,
      data,
      plan,
      files,
      nameFamily: (trx) => imports.setFamily(trx, row.id, familyId, total),
    });

    // Who to invite by e-mail now: a member whose address has an account here, where e-mail is on.
    const accounts = await Promise.all(
      plan.invite.map(async (m) =>
        deps.mailer.enabled && m.email ? await archive.userByEmail(m.email) : undefined,
      ),
    );
    const owner = actingFor(
      {
        id: plan.importerId,
        userId: row.askedBy,
        familyId,
        role: 'owner',
        displayName: plan.importerName,
      },
      'family-import',
    );
    // The last short transaction, as a change to the new family (its calendar and reminders follow).
    return await deps.changes.within(familyId, async () => {
      // (Inside the change, `db` and the repositories on it are its transaction.)
      if (!(await attemptTry.current(db))) throw new Superseded();
      const alive = await archive.person(row.askedBy);
      if (!alive || alive.deletedAt !== null) throw new Superseded();
      await archive.adoptImporter(familyId, plan.importerId, row.askedBy);
      const invited: Brought['invited'] = [];
      for (const [index, m] of plan.invite.entries()) {
        if (!accounts[index] || !m.email) continue;
        const made = await deps.invites.create(owner, {
          role: inviteRoleOf(m.role),
          forName: m.displayName,
          maxUses: 1,
          expiresInDays: 14,
        });
        invited.push({ email: m.email, link: made.link, index });
      }
      const result = {
        // `emailed` once the e-mail has gone (after this commits); no link or code is ever kept.
        invited: plan.invite.map((m) => ({
          name: m.displayName,
          role: m.role,
          link: null,
          code: null,
          emailed: false,
        })),
        notes: plan.notes,
      };
      await imports.finish(db, row.id, { result, filesTotal: total, finishedAt: isoNow(clock) });
      return {
        familyId,
        familyName: data.family.name,
        importer: { email: person.email, displayName: plan.importerName },
        invited,
        result,
      };
    });
  } finally {
    zip.close();
  }
}

/** The e-mails once the family is made: each invite to its member, then the importer. */
async function tell(deps: ImportJobDeps, row: ImportRecord, done: Brought): Promise<void> {
  if (!deps.mailer.enabled) return;
  const sent = new Set<number>();
  for (const invite of done.invited) {
    const ok = await deps.mailer
      .send(
        importInviteMail({
          to: invite.email,
          family: done.familyName,
          inviter: done.importer.displayName,
          link: invite.link,
        }),
      )
      .then(
        () => true,
        () => false,
      );
    if (ok) sent.add(invite.index);
  }
  if (sent.size > 0)
    await deps.imports.markEmailed(row.id, {
      ...done.result,
      invited: done.result.invited.map((m, i) => ({ ...m, emailed: sent.has(i) })),
    });
  await deps.mailer
    .send(
      importDoneMail({
        to: done.importer.email,
        name: done.importer.displayName,
        family: done.familyName,
        baseUrl: deps.baseUrl,
      }),
    )
    .catch(() => undefined);
}
