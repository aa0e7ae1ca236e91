import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import type { AccountsService } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { TripsModule } from '../trips/index.js';
import { ticksRepository } from './travel-rules.repository.js';
import { travelRulesService } from './travel-rules.service.js';

export { travelRulesRoutes } from './travel-rules.routes.js';
export type { TravelRulesService } from './travel-rules.service.js';

export function travelRulesModule(deps: {
  db: Kysely<Database>;
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  trips: TripsModule;
}) {
  return travelRulesService({
    ticks: ticksRepository(deps.db),
    clock: deps.clock,
    accounts: deps.accounts,
    lovedOnes: deps.lovedOnes,
    trips: deps.trips.trips,
  });
}
