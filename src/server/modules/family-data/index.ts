import { join } from 'node:path';
import { defineModule } from '../module.js';
import { archiveRepository } from './archive.repository.js';
import { makeExportJob } from './export.job.js';
import { exportsRepository } from './exports.repository.js';
import { familyDataRoutes } from './family-data.routes.js';
import { familyDataService } from './family-data.service.js';
import { archiveLimits } from './limits.js';

export type { FamilyDataService } from './family-data.service.js';
export { MAKE_EXPORT_QUEUE } from './export.job.js';

/**
 * Your family's data: the whole family as one archive (a zip of documented JSON, every photo, voice
 * note and PDF, and a page to read it with no app), made by a background job and downloaded by its
 * asker; and an archive brought in as a new family, after checks that refuse a hostile one whole.
 */
export const familyDataModule = defineModule({
  name: 'family-data',
  needs: ['accounts', 'family', 'notifications', 'travel-rules'],
  build({ db, clock, queue, changes, config }, use) {
    const accounts = use('accounts');
    const mailer = use('notifications');
    const travelRules = use('travel-rules');
    const archive = archiveRepository(db);
    const exports = exportsRepository(db);
    const data = familyDataService({
      exports,
      clock,
      queue,
      accounts,
      uploadsDir: join(config.dataDir, 'uploads'),
      importing: {
        archive,
        changes,
        invites: use('family').invites,
        mailer,
        clock,
        limits: archiveLimits,
        quotaBytes: config.mediaQuotaBytes,
      },
    });
    return {
      services: data,
      routes: [(app) => app.register(familyDataRoutes, { data })],
      jobs: [
        makeExportJob({ exports, archive, clock, accounts, travelRules, mailer, baseUrl: config.baseUrl }),
      ],
      every: [{ name: 'family-data.expire', everyMs: 3_600_000, run: () => data.removeExpired() }],
    };
  },
});
