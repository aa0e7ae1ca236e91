import { defineModule } from '../module.js';
import { familyRoutes } from './family.routes.js';
import { invitesRepository } from './invites.repository.js';
import { invitesService, type InvitesService } from './invites.service.js';
import { joinRoutes } from './join.routes.js';
import { membersService, type MembersService } from './members.service.js';

export type { InvitesService } from './invites.service.js';
export type { MembersService } from './members.service.js';

export interface FamilyServices {
  invites: InvitesService;
  members: MembersService;
}

/**
 * The family together: invites (a link and a short code, kept hashed), joining as someone new or
 * with an account, members' roles, leaving, handing over, and switching between one's families.
 * Memberships stay the accounts module's rows, reached through its services.
 */
export const familyModule = defineModule({
  name: 'family',
  needs: ['accounts'],
  build({ database, clock, config, changes, secrets }, use) {
    const accounts = use('accounts');
    const invites = invitesService({
      repo: invitesRepository(database),
      accounts,
      changes,
      clock,
      baseUrl: config.baseUrl,
      inviteKey: () => secrets.secret('invite-key'),
    });
    const members = membersService({ accounts });
    const attemptsPerMinute = config.authAttemptsPerMinute;
    return {
      services: { invites, members },
      routes: [
        (app) => app.register(familyRoutes, { invites, members, accounts }),
        (app) => app.register(joinRoutes, { invites, members, accounts, attemptsPerMinute }),
      ],
    };
  },
});
