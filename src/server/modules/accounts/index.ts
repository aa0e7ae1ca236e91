import { defineModule } from '../module.js';
import { accountLinksService } from './account-links.service.js';
import { accountsRepository } from './accounts.repository.js';
import { accountsRoutes } from './accounts.routes.js';
import { accountsService } from './accounts.service.js';
import { deviceSessionsService } from './device-sessions.service.js';
import { selfServiceRoutes } from './self-service.routes.js';
import { signUpService } from './sign-up.service.js';

export { csrfTokenFor, type AccountsService } from './accounts.service.js';
export type { AuthContext } from './auth-context.js';
export type { Family, FamilyMember, FamilyMemberWithEmail, User } from './accounts.records.js';

/**
 * Families, members and roles, sessions (and the list of where one is signed in), the sign-in
 * throttle, the family revision, and the links sent by e-mail to finish a sign-up, reset a password
 * or confirm a new address.
 */
export const accountsModule = defineModule({
  name: 'accounts',
  needs: ['notifications'],
  build({ database, clock, config, secrets }, use) {
    const repo = accountsRepository(database);
    const accounts = accountsService({
      repo,
      clock,
      deviceKey: () => secrets.secret('device-key'),
    });
    const sessions = deviceSessionsService({ repo, clock });
    const mailer = use('notifications');
    const links = accountLinksService({ repo, clock, mailer, baseUrl: config.baseUrl });
    const signUps = signUpService({ repo, clock, mailer, baseUrl: config.baseUrl, accounts });
    const attemptsPerMinute = config.authAttemptsPerMinute;
    return {
      services: accounts,
      routes: [
        (app) => app.register(accountsRoutes, { accounts, signUps, attemptsPerMinute }),
        (app) => app.register(selfServiceRoutes, { sessions, links, attemptsPerMinute }),
      ],
      every: [
        { name: 'sessions.prune', everyMs: 3_600_000, run: () => accounts.pruneSessions() },
        { name: 'account-tokens.prune', everyMs: 3_600_000, run: () => links.pruneTokens() },
        { name: 'sign-up-requests.prune', everyMs: 3_600_000, run: () => signUps.pruneRequests() },
      ],
    };
  },
});
