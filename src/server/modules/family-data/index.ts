import { join } from 'node:path';
import { defineModule } from '../module.js';
import { archiveRepository } from './archive.repository.js';
import { makeExportJob } from './export.job.js';
import { exportsRepository } from './exports.repository.js';
import { makeImportJob, type ImportJobDeps } from './import.job.js';
import { importsRepository } from './imports.repository.js';
import { familyDataRoutes } from './family-data.routes.js';
import { familyDataService } from './family-data.service.js';
import { archiveLimits } from './limits.js';

export type { FamilyDataService } from './family-data.service.js';
export { MAKE_EXPORT_QUEUE } from './export.job.js';
export { IMPORT_QUEUE } from './import.job.js';

/**
 * Your family's data: the whole family as one archive (a zip of documented JSON, every photo, voice
 * note and PDF, and a page to read it with no app), made by a background job and downloaded by its
 * asker; and an archive brought in as a new family, after checks that refuse a hostile one whole.
 */
export const familyDataModule = defineModule({
  name: 'family-data',
  needs: ['accounts', 'family', 'notifications', 'travel-rules', 'deletions'],
  build({ db, database, clock, queue, changes, config }, use) {
    const accounts = use('accounts');
    const mailer = use('notifications');
    const travelRules = use('travel-rules');
    const archive = archiveRepository(db);
    const exports = exportsRepository(db);
    const imports = importsRepository(db, database.dialect);
    const checks = { limits: archiveLimits, quotaBytes: config.mediaQuotaBytes };
    const uploadsDir = join(config.dataDir, 'uploads');
    const importing: ImportJobDeps = {
      ...checks,
      db,
      archive,
      imports,
      changes,
      invites: use('family').invites,
      deletions: use('deletions'),
      mailer,
      clock,
      baseUrl: config.baseUrl,
      uploadsDir,
    };
    const data = familyDataService({
      exports,
      clock,
      queue,
      accounts,
      imports,
      importing: checks,
      uploadsDir,
    });
    return {
      services: Object.assign(data, {
        /** The import job with a test's hook after each file (to fail, or lose the lease, midway). */
        importJobWith: (afterFile: NonNullable<ImportJobDeps['afterFile']>) =>
          makeImportJob({ ...importing, afterFile }),
      }),
      routes: [(app) => app.register(familyDataRoutes, { data })],
      jobs: [
        makeExportJob({ exports, archive, clock, accounts, travelRules, mailer, baseUrl: config.baseUrl }),
        makeImportJob(importing),
      ],
      every: [{ name: 'family-data.expire', everyMs: 3_600_000, run: () => data.removeExpired() }],
    };
  },
});
