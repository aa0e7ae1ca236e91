import { defineModule } from '../module.js';
import { acrossYearsService } from './across-years.service.js';
import { entryPhotosRepository } from './entry-photos.repository.js';
import { entryPhotosService } from './entry-photos.service.js';
import { journalRepository } from './journal.repository.js';
import { journalRoutes } from './journal.routes.js';
import { journalService } from './journal.service.js';

export type { JournalService } from './journal.service.js';

/**
 * The journal: entries and letters to a loved one, private to the writer until shared with the
 * family's adults, with their photos (re-encoded by the media pipeline, as private as the entry);
 * gentle, optional prompts; and "<name>'s day across the years", opened on request.
 */
export const journalModule = defineModule({
  name: 'journal',
  needs: ['accounts', 'loved-ones', 'trips', 'remembrance', 'rituals', 'media'],
  build({ db, clock, changes }, use) {
    const repo = journalRepository(db);
    const photos = entryPhotosService({
      repo: entryPhotosRepository(db),
      entries: repo,
      media: use('media'),
      clock,
      changeFamily: (familyId, work) => changes.within(familyId, work),
    });
    const journal = journalService({
      repo,
      clock,
      accounts: use('accounts'),
      lovedOnes: use('loved-ones'),
      photos,
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
      routes: [(app) => app.register(journalRoutes, { journal, acrossYears, photos })],
      answers: { journalPhotoBytes: (familyId) => photos.usedBytes(familyId) },
    };
  },
});
