import { defineModule } from '../module.js';
import type { SessionResponse } from '../../../contracts/accounts.js';
import { accountLinksService } from './account-links.service.js';
import { presentSession } from './accounts.presenter.js';
import type { AuthContext } from './auth-context.js';
import { accountsRepository } from './accounts.repository.js';
import { accountsRoutes } from './accounts.routes.js';
import { accountsService, type AccountsService } from './accounts.service.js';
import { childModeService, type ChildModeService } from './child-mode.service.js';
import { deviceSessionsService } from './device-sessions.service.js';
import { membershipsService, type MembershipsService } from './memberships.service.js';
import { selfServiceRoutes } from './self-service.routes.js';
import { signUpService } from './sign-up.service.js';

export { csrfTokenFor, type AccountsService, type Browser, type SignInFrom } from './accounts.service.js';
export type { MembershipsService } from './memberships.service.js';
export type { ChildModeService } from './child-mode.service.js';
export type { NewSession as NewChildSession } from './accounts.service.js';
export { actingFor, type AuthContext } from './auth-context.js';
/** Argon2id, as for passwords: other modules' secrets a person types (a tribute link's password). */
export { hashPassword, verifyPassword } from './passwords.js';
export type {
  Family,
  FamilyChoiceRecord,
  FamilyMember,
  FamilyMemberWithEmail,
  Membership,
  User,
} from './accounts.records.js';

/** What accounts offers other modules: its service, and memberships for the `family` module. */
export type AccountsServices = AccountsService & {
  memberships: MembershipsService;
  /** Child-mode sessions: handing a phone over to a child profile, and leaving with the PIN. */
  childMode: ChildModeService;
  /** The answer to GET /api/session for this session (after joining or switching families). */
  sessionAnswer(auth: AuthContext): Promise<SessionResponse>;
};

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
      services: Object.assign(accounts, {
        memberships: membershipsService({ repo, clock }),
        childMode: childModeService({ repo, clock, accounts }),
        async sessionAnswer(auth: AuthContext) {
          const { user, family } = await accounts.sessionView(auth);
          return presentSession(auth, user, family);
        },
      }),
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
