import { defineModule } from '../module.js';
import { emailDelivery, inAppDelivery } from './deliveries.js';
import { publicRemembranceRoutes } from './public.routes.js';
import { remembranceRoutes } from './remembrance.routes.js';
import { remembranceService, type RemembranceService } from './remembrance.service.js';
import { remembranceStore } from './remembrance.store.js';
import { familySync } from './sync.js';
import { reminderTick } from './tick.js';
import { unsubscribeSigner } from './unsubscribe.js';

export type { RemembranceService } from './remembrance.service.js';
export { EMAIL_QUEUE, IN_APP_QUEUE } from './tick.js';

export interface RemembranceServices {
  service: RemembranceService;
  /** Brings a family's days and reminders in line with its data (the family-changed listener). */
  syncFamily: ReturnType<typeof familySync>;
  /** Takes due reminders and queues their deliveries. */
  tick: ReturnType<typeof reminderTick>;
}

/**
 * Remembrance days, reminder preferences and schedule, the tick, deliveries, the inbox, calendar
 * feeds and one-click unsubscribe. After every change to a family it recomputes the family's days
 * and reminders, in the family-changed job.
 */
export const remembranceModule = defineModule({
  name: 'remembrance',
  needs: ['accounts', 'loved-ones', 'trips', 'notifications'],
  build({ db, database, clock, config, queue, changes, secrets }, use) {
    const mailer = use('notifications');
    const store = remembranceStore(db, database.dialect);
    const syncFamily = familySync({
      store,
      clock,
      accounts: use('accounts'),
      lovedOnes: use('loved-ones'),
      trips: use('trips').trips,
    });
    const unsubscribe = unsubscribeSigner(() => secrets.secret('unsubscribe-key'), clock);
    const service = remembranceService({
      store,
      clock,
      accounts: use('accounts'),
      lovedOnes: use('loved-ones'),
      unsubscribe,
      emailAvailable: mailer.enabled,
      baseUrl: config.baseUrl,
      changeFamily: (familyId, work) => changes.within(familyId, work),
    });
    const tick = reminderTick({
      store,
      queue,
      clock,
      emailEnabled: mailer.enabled,
    });
    return {
      services: { service, syncFamily, tick },
      routes: [
        (app) => app.register(remembranceRoutes, { remembrance: service }),
        (app) => app.register(publicRemembranceRoutes, { remembrance: service }),
      ],
      jobs: [inAppDelivery(store, clock), emailDelivery({ mailer, baseUrl: config.baseUrl, unsubscribe })],
      every: [{ name: 'reminders.tick', everyMs: config.reminderTickMs, run: () => tick() }],
      listens: { familyChanged: (familyId, stillCurrent) => syncFamily(familyId, stillCurrent) },
    };
  },
});
