import { z } from 'zod';
import type { Clock } from '../../clock.js';
import { isoNow } from '../../clock.js';
import { chunkedFileJob } from '../../jobs/chunked-file-job.js';
import type { JobDefinition } from '../../jobs/runner.js';
import type { AccountsServices } from '../accounts/index.js';
import type { Mailer } from '../notifications/index.js';
import type { TravelRulesService } from '../travel-rules/index.js';
import type { ArchiveRepository } from './archive.repository.js';
import { archiveContents } from './export.js';
import type { ExportsRepository } from './exports.repository.js';
import { exportReadyMail } from './mail.js';
import { writeZip } from './zip-writer.js';

export const MAKE_EXPORT_QUEUE = 'family-data.export';
/** How long a made archive is kept for its asker to download. */
export const EXPORT_KEPT_MS = 7 * 86_400_000;

const payload = z.object({ familyId: z.string(), exportId: z.string() });
export type MakeExportPayload = z.infer<typeof payload>;

/**
 * Makes one archive (`jobs/chunked-file-job.ts`): reads the family as the member who asked (their
 * role now, read afresh: one who has since left or become a viewer gets nothing), writes the zip
 * into pieces as it goes with the files done so far for the app to show, and tells the asker by e-mail when it is ready (where this
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

  return chunkedFileJob({
    queue: MAKE_EXPORT_QUEUE,
    payload,
    clock,
    store: exports,
    fileId: (job) => job.exportId,
    asker: (familyId, memberId) =>
      accounts.memberships.actingFor(familyId, memberId, 'family.export', 'family-export'),
    async gather(_row, auth) {
      const startedAt = isoNow(clock);
      const { sources } = await archiveContents(
        { repo: deps.archive, travelRules: deps.travelRules },
        auth,
        startedAt,
      );
      return { contents: sources, total: sources.length };
    },
    write: (_row, { id, attempt, contents: sources, sink, progress }) =>
      writeZip(sources, {
        mtime: new Date(clock.now()),
        async write(chunk) {
          sink.write(chunk);
          await sink.settle();
        },
        progress: (done) => progress(() => exports.progress(id, attempt, done)),
      }),
    async finish(row, { id, attempt, contents: sources }, { bytes }) {
      const finished = await exports.finish(id, attempt, {
        files: sources.length,
        bytes,
        readyAt: isoNow(clock),
        expiresAt: new Date(clock.now() + EXPORT_KEPT_MS).toISOString(),
      });
      // The archive is there whatever the mail does; a mail that fails is not tried again.
      if (finished) await tell(row.familyId, row.askedBy).catch(() => undefined);
    },
  });
}
