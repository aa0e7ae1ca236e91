import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { AccountsService } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { Mailer } from '../notifications/mailer.js';
import type { TripsModule } from '../trips/index.js';
import { emailDelivery, inAppDelivery } from './deliveries.js';
import { remembranceService } from './remembrance.service.js';
import { familySync } from './sync.js';
import { reminderTick } from './tick.js';
import { unsubscribeSigner } from './unsubscribe.js';

export { remembranceRoutes } from './remembrance.routes.js';
export { publicRemembranceRoutes } from './public.routes.js';
export type { RemembranceService } from './remembrance.service.js';
export { EMAIL_QUEUE, IN_APP_QUEUE } from './tick.js';

export function remembranceModule(deps: {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  trips: TripsModule;
  queue: JobQueue;
  mailer: Mailer;
  baseUrl: string;
}) {
  const syncFamily = familySync({
    db: deps.db,
    clock: deps.clock,
    accounts: deps.accounts,
    lovedOnes: deps.lovedOnes,
    trips: deps.trips.trips,
  });
  const unsubscribe = unsubscribeSigner(deps.db);
  const service = remembranceService({
    db: deps.db,
    clock: deps.clock,
    accounts: deps.accounts,
    lovedOnes: deps.lovedOnes,
    unsubscribe,
    emailAvailable: deps.mailer.enabled,
    baseUrl: deps.baseUrl,
    syncFamily,
  });
  return {
    service,
    syncFamily,
    tick: reminderTick({
      db: deps.db,
      dialect: deps.dialect,
      queue: deps.queue,
      clock: deps.clock,
      emailEnabled: deps.mailer.enabled,
    }),
    jobs: [
      inAppDelivery(deps.db, deps.clock),
      emailDelivery({ mailer: deps.mailer, baseUrl: deps.baseUrl, unsubscribe }),
    ],
  };
}

export type RemembranceModule = ReturnType<typeof remembranceModule>;
