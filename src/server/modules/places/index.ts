import { defineModule } from '../module.js';
import { gazetteer } from './gazetteer.js';
import { placesRoutes } from './places.routes.js';
import { placesService, type PlacesService } from './places.service.js';

export type { PlacesService } from './places.service.js';

/**
 * The packaged gazetteer (searched on the server) and "Places <name> has been". Answers the trips
 * module's question whether a leg's picked place lies in its country (trips cannot need this module:
 * this one reads trips).
 */
export const placesModule = defineModule({
  name: 'places',
  needs: ['accounts', 'loved-ones', 'trips', 'rituals'],
  build(_context, use) {
    const places: PlacesService = placesService({
      gazetteer,
      accounts: use('accounts'),
      lovedOnes: use('loved-ones'),
      trips: use('trips').trips,
      rituals: use('rituals'),
    });
    return {
      services: places,
      routes: [(app) => app.register(placesRoutes, { places })],
      answers: { placeInCountry: (placeId, country) => places.placeInCountry(placeId, country) },
    };
  },
});
