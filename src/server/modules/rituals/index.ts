import { defineModule } from '../module.js';
import { ritualsRepository } from './rituals.repository.js';
import { ritualsRoutes } from './rituals.routes.js';
import { ritualsService } from './rituals.service.js';

export type { RitualCalendarDay, RitualsService } from './rituals.service.js';

/**
 * Rituals: what a family does for a loved one, on a schedule (RFC 5545, in the family's zone) or on
 * a trip's event, the cards due now, and the marks (done, or "not today", never counted).
 */
export const ritualsModule = defineModule({
  name: 'rituals',
  needs: ['accounts', 'loved-ones', 'trips', 'media', 'children'],
  build({ db, clock }, use) {
    const rituals = ritualsService({
      repo: ritualsRepository(db),
      clock,
      accounts: use('accounts'),
      lovedOnes: use('loved-ones'),
      trips: use('trips'),
      media: use('media'),
      children: use('children'),
    });
    return {
      services: rituals,
      routes: [(app) => app.register(ritualsRoutes, { rituals })],
      answers: {
        ritualDays: rituals.calendarDays,
        ritualOccurrenceMarked: (familyId, ritualId, key) =>
          rituals.occurrenceMarked(familyId, ritualId, key),
      },
    };
  },
});
