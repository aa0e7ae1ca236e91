import { defineModule } from '../module.js';
import { supporterEmailDelivery, supportersSync, supportersTick } from './jobs.js';
import { supporterLinks } from './links.js';
import { supporterLinksService } from './public.service.js';
import { supporterLinkRoutes, supporterOneClickRoutes } from './public.routes.js';
import { replyPhotosRepository } from './reply-photos.repository.js';
import { supportersRepository } from './supporters.repository.js';
import { supportersRoutes } from './supporters.routes.js';
import { supportersService, type SupportersService } from './supporters.service.js';

export { SUPPORTER_EMAIL_QUEUE } from './jobs.js';

export interface SupportersServices {
  service: SupportersService;
  /** Takes supporters' e-mails that are due and queues them. */
  tick: ReturnType<typeof supportersTick>;
}

/**
 * Supporters: people without an account whom the family adds by e-mail. After they confirm, they
 * get a short e-mail with the family's suggestion before each chosen day, may answer through a link
 * (held until a parent accepts it), and can stop with one click. After a family's data changed,
 * the days whose date or time moved are scheduled again.
 */
export const supportersModule = defineModule({
  name: 'supporters',
  needs: ['accounts', 'remembrance', 'notifications', 'media'],
  build({ db, database, clock, config, queue, changes, secrets }, use) {
    const repo = supportersRepository(db, database.dialect);
    const accounts = use('accounts');
    const remembrance = use('remembrance');
    const mailer = use('notifications');
    const media = use('media');
    const photos = replyPhotosRepository(db);
    // Signed with the unsubscribe links' key, each kind under its own prefix (links.ts).
    const links = supporterLinks(() => secrets.secret('unsubscribe-key'), config.baseUrl);
    const service = supportersService({
      repo,
      clock,
      accounts,
      remembrance,
      mailer,
      links,
      changes,
      photos,
      media,
    });
    const linksService = supporterLinksService({
      repo,
      clock,
      accounts,
      remembrance,
      links,
      changes,
      photos,
      media,
    });
    const tick = supportersTick({ repo, queue, clock, remembrance, emailEnabled: mailer.enabled });
    const attemptsPerMinute = config.authAttemptsPerMinute;
    return {
      services: { service, tick },
      routes: [
        (app) => app.register(supportersRoutes, { supporters: service }),
        (app) => app.register(supporterLinkRoutes, { links: linksService, attemptsPerMinute }),
        (app) => app.register(supporterOneClickRoutes, { links: linksService }),
      ],
      jobs: [supporterEmailDelivery({ repo, mailer, accounts, links, baseUrl: config.baseUrl })],
      every: [{ name: 'supporters.tick', everyMs: config.reminderTickMs, run: () => tick() }],
      listens: { familyChanged: supportersSync({ repo, clock, remembrance }) },
    };
  },
});
