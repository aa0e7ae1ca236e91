import { defineModule } from '../module.js';
import { deletionsRepository } from './deletions.repository.js';
import { deletionsRoutes } from './deletions.routes.js';
import { deletionsService, type DeletionsService } from './deletions.service.js';
import { deletionNoticeJob } from './notice.job.js';
import { eraseRepository } from './erase.repository.js';

export type { DeletionsService } from './deletions.service.js';
export { DELETION_NOTICE_QUEUE } from './notice.job.js';

/** How often an instance looks for deletions that are due. */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Deleting a family or one's own account: asked for with the password, cancellable for seven days,
 * the other adults told (inbox and e-mail) when asked and when cancelled; then carried out in one
 * transaction each (erase.repository.ts).
 */
export const deletionsModule = defineModule({
  name: 'deletions',
  needs: ['accounts', 'remembrance', 'notifications'],
  build({ db, database, clock, config, queue, changes }, use) {
    const mailer = use('notifications');
    const accounts = use('accounts');
    const remembrance = use('remembrance');
    const deletions: DeletionsService = deletionsService({
      repo: deletionsRepository(db),
      erase: eraseRepository(db, database.dialect),
      accounts,
      remembrance,
      queue,
      clock,
      emailOn: mailer.enabled,
      changeFamily: (familyId, work) => changes.within(familyId, work),
    });
    return {
      services: deletions,
      routes: [
        (app) =>
          app.register(deletionsRoutes, { deletions, attemptsPerMinute: config.authAttemptsPerMinute }),
      ],
      jobs: [deletionNoticeJob({ mailer, baseUrl: config.baseUrl, accounts, remembrance })],
      every: [{ name: 'deletions.sweep', everyMs: SWEEP_EVERY_MS, run: () => deletions.runDue() }],
    };
  },
});
