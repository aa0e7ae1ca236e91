import { defineModule } from '../module.js';
import { ticksRepository } from './travel-rules.repository.js';
import { travelRulesRoutes } from './travel-rules.routes.js';
import { travelRulesService } from './travel-rules.service.js';

export type { TravelRulesService } from './travel-rules.service.js';

/** "Carrying <name>": the rules for a trip, ticks on requirements and documents, the packet PDF. */
export const travelRulesModule = defineModule({
  name: 'travel-rules',
  needs: ['accounts', 'loved-ones', 'trips'],
  build({ db, clock }, use) {
    const travelRules = travelRulesService({
      ticks: ticksRepository(db),
      clock,
      accounts: use('accounts'),
      lovedOnes: use('loved-ones'),
      trips: use('trips').trips,
    });
    return {
      services: travelRules,
      routes: [(app) => app.register(travelRulesRoutes, { travelRules })],
    };
  },
});
