import { defineModule } from '../module.js';
import { memoryBoxRepository } from './memory-box.repository.js';
import { memoryBoxRoutes } from './memory-box.routes.js';
import { memoryBoxService } from './memory-box.service.js';

export type { MemoryBoxService } from './memory-box.service.js';
export { readVoiceNote } from './audio.js';

/**
 * The children's memory box: a loved one's drawings (through the media pipeline, labelled with the
 * child's name, age and the date), letters begun from the charities' prompts, and voice notes. A
 * child in child mode and a teen add to it; parents see everything and can keep an item for
 * themselves, which then no other route reveals.
 */
export const memoryBoxModule = defineModule({
  name: 'memory-box',
  needs: ['loved-ones', 'media', 'children'],
  build({ db, clock, changes, config }, use) {
    const repo = memoryBoxRepository(db);
    const memoryBox = memoryBoxService({
      repo,
      clock,
      media: use('media'),
      children: use('children'),
      lovedOnes: use('loved-ones'),
      changeFamily: (familyId, work) => changes.within(familyId, work),
      quotaBytes: config.mediaQuotaBytes,
    });
    return {
      services: memoryBox,
      routes: [(app) => app.register(memoryBoxRoutes, { memoryBox })],
      answers: {
        voiceNoteBytes: (familyId) => repo.audioBytes(familyId),
        memoryBoxOf: (familyId, lovedOneId) => repo.countsOf(familyId, lovedOneId),
      },
    };
  },
});
