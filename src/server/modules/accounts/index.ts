import { defineModule } from '../module.js';
import { accountsRepository } from './accounts.repository.js';
import { accountsRoutes } from './accounts.routes.js';
import { accountsService } from './accounts.service.js';

export { csrfTokenFor, type AccountsService } from './accounts.service.js';
export type { AuthContext } from './auth-context.js';

/** Families, members and roles, sessions, the sign-in throttle, the family revision. */
export const accountsModule = defineModule({
  name: 'accounts',
  needs: [],
  build({ database, clock, config, secrets }) {
    const accounts = accountsService({
      repo: accountsRepository(database),
      clock,
      deviceKey: () => secrets.secret('device-key'),
    });
    return {
      services: accounts,
      routes: [
        (app) => app.register(accountsRoutes, { accounts, attemptsPerMinute: config.authAttemptsPerMinute }),
      ],
      every: [{ name: 'sessions.prune', everyMs: 3_600_000, run: () => accounts.pruneSessions() }],
    };
  },
});
