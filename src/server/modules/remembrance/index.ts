import { defineModule } from '../module.js';
import type { Day } from '../../../domain/remembrance/index.js';
import { dayOf } from './days.js';
import { emailDelivery, inAppDelivery } from './deliveries.js';
import type { InboxItem } from './inbox.repository.js';
import { publicRemembranceRoutes } from './public.routes.js';
import { remembranceRoutes } from './remembrance.routes.js';
import { remembranceService, type RemembranceService } from './remembrance.service.js';
import { remembranceStore } from './remembrance.store.js';
import { familySync } from './sync.js';
import { reminderTick } from './tick.js';
import { unsubscribeSigner } from './unsubscribe.js';

export type { RemembranceService } from './remembrance.service.js';
export type { InboxItem } from './inbox.repository.js';
export { EMAIL_QUEUE, IN_APP_QUEUE } from './tick.js';

export interface RemembranceServices {
  service: RemembranceService;
  /** Brings a family's days and reminders in line with its data (the family-changed listener). */
  syncFamily: ReturnType<typeof familySync>;
  /** Takes due reminders and queues their deliveries. */
  tick: ReturnType<typeof reminderTick>;
  /**
   * The family's days as the domain sees them, with their ids and the loved one each belongs to
   * (the supporters module chooses from them; the journal shows one across the years).
   */
  familyDays(familyId: string): Promise<Array<{ id: string; lovedOneId: string | null; day: Day }>>;
  /** Puts items in members' inboxes, unread; an item whose key is already there is skipped. */
  addToInbox(items: Array<Omit<InboxItem, 'readAt'>>): Promise<void>;
  /** The inbox item stored under a key, if it is still there (a notice e-mailed as well). */
  inboxItem(key: string): Promise<InboxItem | undefined>;
}

/**
 * Remembrance days, reminder preferences and schedule, the tick, deliveries, the inbox, calendar
 * feeds and one-click unsubscribe. After every change to a family it recomputes the family's days
 * and reminders, in the family-changed job.
 */
export const remembranceModule = defineModule({
  name: 'remembrance',
  needs: ['accounts', 'loved-ones', 'trips', 'notifications'],
  // Rituals are built after remembrance (they need trips and media): their days and marks are asked.
  asks: ['ritualDays', 'ritualOccurrenceMarked'],
  build({ db, database, clock, config, queue, changes, secrets }, use, ask) {
    const mailer = use('notifications');
    const store = remembranceStore(db, database.dialect);
    const syncFamily = familySync({
      store,
      clock,
      accounts: use('accounts'),
      lovedOnes: use('loved-ones'),
      trips: use('trips').trips,
      ritualDays: ask('ritualDays'),
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
    const accounts = use('accounts');
    const ritualMarked = ask('ritualOccurrenceMarked');
    async function familyDays(familyId: string) {
      const context = await accounts.familyForJobs(familyId);
      if (!context) return [];
      const stored = await store.days.listDays(familyId);
      return stored.map((entry) => ({
        id: entry.id,
        lovedOneId: entry.lovedOneId,
        day: dayOf(entry, context.family.homeZone),
      }));
    }
    return {
      services: {
        service,
        syncFamily,
        tick,
        familyDays,
        addToInbox: (items) => store.inbox.addDelivered(items),
        inboxItem: (key) => store.inbox.findByKey(key),
      },
      routes: [
        (app) => app.register(remembranceRoutes, { remembrance: service }),
        (app) => app.register(publicRemembranceRoutes, { remembrance: service }),
      ],
      jobs: [
        inAppDelivery(store, clock, ritualMarked),
        emailDelivery({ mailer, baseUrl: config.baseUrl, unsubscribe, ritualMarked }),
      ],
      every: [{ name: 'reminders.tick', everyMs: config.reminderTickMs, run: () => tick() }],
      listens: { familyChanged: (familyId, stillCurrent) => syncFamily(familyId, stillCurrent) },
    };
  },
});
