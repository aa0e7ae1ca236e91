import { defineModule } from '../module.js';
import { lovedOnesRepository } from './loved-ones.repository.js';
import { lovedOnesRoutes } from './loved-ones.routes.js';
import { lovedOnesService } from './loved-ones.service.js';

export type { LovedOnesService, KeepsakeInUse } from './loved-ones.service.js';
export type { Keepsake, LovedOne } from '../../../contracts/loved-ones.js';
export type { LovedOneInList } from './loved-ones.repository.js';

/** Loved ones and their keepsakes. Asks trips whether a keepsake is travelling before it is deleted. */
export const lovedOnesModule = defineModule({
  name: 'loved-ones',
  needs: [],
  asks: ['keepsakeInUse'],
  build({ db, clock }, _use, ask) {
    const lovedOnes = lovedOnesService({
      repo: lovedOnesRepository(db),
      clock,
      keepsakeInUse: ask('keepsakeInUse'),
    });
    return {
      services: lovedOnes,
      routes: [(app) => app.register(lovedOnesRoutes, { lovedOnes })],
    };
  },
});
