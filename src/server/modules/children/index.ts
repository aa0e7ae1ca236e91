import { defineModule } from '../module.js';
import { childrenRepository } from './children.repository.js';
import { childrenRoutes } from './children.routes.js';
import { childrenService, type ChildrenService } from './children.service.js';

export type { ChildrenService } from './children.service.js';

/**
 * Children: child profiles (no e-mail, no password) managed by the family's adults, child mode on a
 * handed-over phone (its session is the accounts module's), and a child's help with a keepsake
 * check, which an adult always confirms.
 */
export const childrenModule = defineModule({
  name: 'children',
  needs: ['accounts', 'trips'],
  build({ db, clock, config }, use) {
    const accounts = use('accounts');
    const children: ChildrenService = childrenService({
      repo: childrenRepository(db),
      clock,
      accounts,
      trips: use('trips'),
    });
    return {
      services: children,
      routes: [
        (app) =>
          app.register(childrenRoutes, {
            children,
            accounts,
            attemptsPerMinute: config.authAttemptsPerMinute,
          }),
      ],
    };
  },
});
