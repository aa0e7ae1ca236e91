import { defineModule } from '../module.js';
import { lovedOnesRepository } from './loved-ones.repository.js';
import { lovedOnesRoutes } from './loved-ones.routes.js';
import { lovedOnesService } from './loved-ones.service.js';

export type { LovedOnesService, KeepsakeInUse } from './loved-ones.service.js';
export type { Keepsake, LovedOne } from '../../../contracts/loved-ones.js';
export type { LovedOneInList } from './loved-ones.repository.js';

/**
 * Loved ones and their keepsakes. Asks trips whether a keepsake is travelling before it is deleted;
 * deleting a loved one removes the pictures only they used (media) and says first what goes,
 * their memory box included (asked of the memory box, built later).
 */
export const lovedOnesModule = defineModule({
  name: 'loved-ones',
  needs: ['media'],
  asks: ['keepsakeInUse', 'memoryBoxOf'],
  build({ db, clock }, use, ask) {
    const lovedOnes = lovedOnesService({
      repo: lovedOnesRepository(db),
      clock,
      keepsakeInUse: ask('keepsakeInUse'),
      media: use('media'),
      memoryBoxOf: ask('memoryBoxOf'),
    });
    return {
      services: lovedOnes,
      routes: [(app) => app.register(lovedOnesRoutes, { lovedOnes })],
    };
  },
});
