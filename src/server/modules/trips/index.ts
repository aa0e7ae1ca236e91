import { defineModule } from '../module.js';
import { checklistRoutes } from './checklist.routes.js';
import { checklistService, type ChecklistService } from './checklist.service.js';
import { legsRoutes } from './legs.routes.js';
import { legsService, type LegsService } from './legs.service.js';
import { tripsRoutes } from './trips.routes.js';
import { tripsService, type TripsService } from './trips.service.js';
import { tripsStore } from './trips.store.js';

export type { TripView } from './trips.reader.js';

export interface TripsServices {
  trips: TripsService;
  legs: LegsService;
  checklist: ChecklistService;
}

/** Trips, travellers, legs, departure checks, confirmations and the packing checklist. */
export const tripsModule = defineModule({
  name: 'trips',
  needs: ['accounts', 'loved-ones'],
  asks: ['placeInCountry'],
  build({ db, clock, config }, use, ask) {
    const store = tripsStore(db);
    const trips = tripsService({ store, clock, lovedOnes: use('loved-ones'), accounts: use('accounts') });
    const legs = legsService({ store, clock, placeInCountry: ask('placeInCountry') });
    const checklist = checklistService({ store, clock });
    return {
      services: { trips, legs, checklist },
      routes: [
        (app) => app.register(tripsRoutes, { trips, checkContracts: config.validateResponses }),
        (app) => app.register(legsRoutes, { legs, trips }),
        (app) => app.register(checklistRoutes, { checklist, checkContracts: config.validateResponses }),
      ],
      answers: { keepsakeInUse: trips.tripsWithKeepsakes },
    };
  },
});
