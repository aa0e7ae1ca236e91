import { hashPassword, verifyPassword } from '../accounts/index.js';
import { defineModule } from '../module.js';
import { tributeLinksService } from './links.service.js';
import { sharedTributeApiRoutes, sharedTributePageRoutes } from './shared.routes.js';
import { tributesRepository } from './tributes.repository.js';
import { tributesRoutes } from './tributes.routes.js';
import { tributesService } from './tributes.service.js';

export type { TributesService } from './tributes.service.js';

/**
 * Tributes: a picture and a few words for a loved one on a day that matters, drawn to PNG in the
 * three sizes people post (render.ts, sharp with packaged fonts), and unlisted pages by share link
 * (revocable at once, optional expiry and password, never indexed).
 */
export const tributesModule = defineModule({
  name: 'tributes',
  needs: ['accounts', 'loved-ones', 'media'],
  build({ db, clock, config, changes }, use) {
    const repo = tributesRepository(db);
    const media = use('media');
    const tributes = tributesService({ repo, clock, lovedOnes: use('loved-ones'), media });
    const links = tributeLinksService({
      repo,
      clock,
      media,
      baseUrl: config.baseUrl,
      changeFamily: (familyId, work) => changes.within(familyId, work),
      hashPassword,
      verifyPassword,
    });
    const attemptsPerMinute = config.authAttemptsPerMinute;
    return {
      services: tributes,
      routes: [
        (app) => app.register(tributesRoutes, { tributes, links }),
        (app) => app.register(sharedTributeApiRoutes, { links, attemptsPerMinute }),
        (app) =>
          app.register(sharedTributePageRoutes, {
            links,
            attemptsPerMinute,
            secureCookies: config.secureCookies,
          }),
      ],
    };
  },
});
