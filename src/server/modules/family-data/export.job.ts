import { z } from 'zod';
import { can } from '../../../contracts/permissions.js';
import { chunkSink } from '../../chunk-sink.js';
import type { Clock } from '../../clock.js';
import { isoNow } from '../../clock.js';
import type { JobDefinition } from '../../jobs/runner.js';
import { actingFor, type AccountsServices, type AuthContext } from '../accounts/index.js';
import type { Mailer } from '../notifications/index.js';
import type { TravelRulesService } from '../travel-rules/index.js';
import type { ArchiveRepository } from './archive.repository.js';
import { archiveContents } from './export.js';
import type { ExportsRepository } from './exports.repository.js';
import { exportReadyMail } from './mail.js';
import { writeZip } from './zip-writer.js';

/** Thrown inside a try that is no longer the latest: it stops quietly. */
class Superseded extends Error {}

export const MAKE_EXPORT_QUEUE = 'family-data.export';
/** How long a made archive is kept for its asker to download. */
export const EXPORT_KEPT_MS = 7 * 86_400_000;

const payload = z.object({ familyId: z.string(), exportId: z.string() });
export type MakeExportPayload = z.infer<typeof payload>;

const PROGRESS_EVERY_MS = 500;

/**
 * Makes one archive: reads the family as the member who asked (their role now, read afresh: one who
 * has since left or become a viewer gets nothing), writes the zip into pieces as it goes with the
 * files done so far for the app to show, and tells the asker by e-mail when it is ready (where this
 * server sends e-mail). The e-mail holds no link that downloads anything: it says where in the app
 * to find the archive, where the download link is made for the signed-in asker alone.
 */
export function makeExportJob(deps: {
  exports: ExportsRepository;
  archive: ArchiveRepository;
  clock: Clock;
  accounts: AccountsServices;
  travelRules: TravelRulesService;
  mailer: Mailer;
  baseUrl: string;
}): JobDefinition<MakeExportPayload> {
  const { exports, clock, accounts } = deps;

  async function asker(familyId: string, memberId: string): Promise<AuthContext | undefined> {
    const member = await accounts.memberships.findActive(familyId, memberId);
    return member && can(member.role, 'family.export') ? actingFor(member, 'family-export') : undefined;
  }

  async function tell(familyId: string, memberId: string): Promise<void> {
    if (!deps.mailer.enabled) return;
    const context = await accounts.familyForJobs(familyId);
    const member = context?.members.find((m) => m.id === memberId);
    if (!context || !member) return;
    await deps.mailer.send(
      exportReadyMail({
        to: member.email,
        name: member.displayName,
        family: context.family.name,
        baseUrl: deps.baseUrl,
      }),
    );
  }

  async function make({ familyId, exportId }: MakeExportPayload): Promise<void> {
    const row = await exports.findForJob(familyId, exportId);
    if (!row || row.state === 'ready') return;
    const auth = await asker(familyId, row.askedBy);
    if (!auth) return exports.fail(exportId, null);
    const startedAt = isoNow(clock);
    const { sources } = await archiveContents(
      { repo: deps.archive, travelRules: deps.travelRules },
      auth,
      startedAt,
    );
    const attempt = await exports.begin(exportId, sources.length);
    if (attempt === undefined) return; // removed meanwhile
    const sink = chunkSink((seq, data) => exports.addChunk(exportId, attempt, seq, data));
    let reportedAt = 0;
    try {
      await writeZip(sources, {
        mtime: new Date(clock.now()),
        async write(chunk) {
          sink.write(chunk);
          await sink.settle();
        },
        async progress(done) {
          if (clock.now() - reportedAt < PROGRESS_EVERY_MS) return;
          reportedAt = clock.now();
          if (!(await exports.progress(exportId, attempt, done))) throw new Superseded();
        },
      });
      const bytes = await sink.end();
      const finished = await exports.finish(exportId, attempt, {
        files: sources.length,
        bytes,
        readyAt: isoNow(clock),
        expiresAt: new Date(clock.now() + EXPORT_KEPT_MS).toISOString(),
      });
      // The archive is there whatever the mail does; a mail that fails is not tried again.
      if (finished) await tell(familyId, row.askedBy).catch(() => undefined);
    } catch (error) {
      if (error instanceof Superseded) return;
      await exports.fail(exportId, attempt).catch(() => undefined);
      throw error;
    }
  }

  return {
    queue: MAKE_EXPORT_QUEUE,
    version: 1,
    payload,
    batchSize: 1,
    maxAttempts: 2,
    async handle(jobs, complete) {
      for (const { row, payload: job } of jobs) {
        await make(job);
        await complete([row.id]);
      }
    },
  };
}
