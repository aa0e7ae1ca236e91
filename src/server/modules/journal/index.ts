import { defineModule } from '../module.js';
import { acrossYearsService } from './across-years.service.js';
import { journalRepository } from './journal.repository.js';
import { journalRoutes } from './journal.routes.js';
import { journalService } from './journal.service.js';

export type { JournalService } from './journal.service.js';

/**
 * The journal: entries and letters to a loved one, private to the writer until shared with the
 * family's adults; gentle, optional prompts; and "<name>'s day across the years", opened on request.
 */
export const journalModule = defineModule({
  name: 'journal',
  needs: ['accounts', 'loved-ones', 'trips', 'remembrance', 'rituals'],
  build({ db, clock }, use) {
    const journal = journalService({
      repo: journalRepository(db),
      clock,
      accounts: use('accounts'),
      lovedOnes: use('loved-ones'),
    });
    const acrossYears = acrossYearsService({
      journal,
      lovedOnes: use('loved-ones'),
      remembrance: use('remembrance'),
      rituals: use('rituals'),
      trips: use('trips'),
    });
    return {
      services: journal,
      routes: [(app) => app.register(journalRoutes, { journal, acrossYears })],
    };
  },
});
