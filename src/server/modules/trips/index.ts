import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import type { AccountsService } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import { checklistRoutes } from './checklist.routes.js';
import { checklistService } from './checklist.service.js';
import { legsRoutes } from './legs.routes.js';
import { legsService } from './legs.service.js';
import { tripsRoutes } from './trips.routes.js';
import { tripsService } from './trips.service.js';
import { tripsStore } from './trips.store.js';

export type { TripView } from './trips.reader.js';

export function tripsModule(deps: {
  db: Kysely<Database>;
  clock: Clock;
  lovedOnes: LovedOnesService;
  accounts: AccountsService;
  /** Check responses against their contracts (tests). */
  checkContracts: boolean;
}) {
  const store = tripsStore(deps.db);
  const trips = tripsService({
    store,
    clock: deps.clock,
    lovedOnes: deps.lovedOnes,
    accounts: deps.accounts,
  });
  const legs = legsService({ store, clock: deps.clock });
  const checklist = checklistService({ store, clock: deps.clock });
  deps.lovedOnes.setKeepsakeInUse(trips.tripsWithKeepsakes);

  const routes: FastifyPluginAsync = async (app) => {
    await app.register(tripsRoutes, { trips });
    await app.register(legsRoutes, { legs, trips });
    await app.register(checklistRoutes, { checklist, checkContracts: deps.checkContracts });
  };
  return { trips, legs, checklist, routes };
}

export type TripsModule = ReturnType<typeof tripsModule>;
