import type { ReminderPreference } from '../../../contracts/remembrance.js';
import { leadsForDay } from '../../../domain/remembrance/index.js';
import { isoNow, type Clock } from '../../clock.js';
import { newId } from '../../secrets.js';
import type { AccountsService } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { Questions } from '../module.js';
import type { TripsServices } from '../trips/index.js';
import type { NewRemembranceDay } from './days.repository.js';
import { dayOf, fieldsOf, sameDay } from './days.js';
import { familyDays } from './family-days.js';
import { preferencesOf } from './preferences.js';
import type { RemembranceStore, StillCurrent } from './remembrance.store.js';
import { reconcile, type PlannedReminder } from './schedule.js';
import { visibleDays } from './visible-days.js';

export interface SyncDeps {
  store: RemembranceStore;
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  trips: TripsServices['trips'];
  /** The family's rituals as days (asked of the rituals module, which is built after this one). */
  ritualDays: Questions['ritualDays'];
}

/**
 * Brings a family's remembrance days and reminder schedule in line with its data: run by the
 * family-changed job after every change to a family (see jobs/family-changed.ts), so a moved flight
 * or a new loved one shows in the calendar and the reminders within moments. Reads from other
 * modules happen first; the writes then run in one transaction. Two syncs of one family at the same
 * moment (two instances) may collide on a unique key; the loser simply runs again.
 */
export function familySync({ store, clock, accounts, lovedOnes, trips, ritualDays }: SyncDeps) {
  async function once(familyId: string, stillCurrent: StillCurrent | undefined): Promise<void> {
    const context = await accounts.familyForJobs(familyId);
    if (!context) return;
    const { family, members } = context;
    const [lovedOneList, tripViews, rituals] = await Promise.all([
      lovedOnes.listOfFamily(familyId),
      trips.listOfFamily(familyId),
      ritualDays(familyId),
    ]);
    const desired = [
      ...familyDays({
        familyId,
        zone: family.homeZone,
        country: family.country,
        lovedOnes: lovedOneList,
        trips: tripViews,
      }),
      ...rituals,
    ];
    const now = clock.now();
    const nowIso = isoNow(clock);

    await store.transaction(async (tx) => {
      const stored = await tx.days.listDays(familyId);
      const derived = new Map(
        stored.filter((d) => !d.sourceKey.startsWith('custom:')).map((d) => [d.sourceKey, d]),
      );
      const wanted = new Set(desired.map((d) => d.key));
      await tx.days.deleteDays(
        familyId,
        [...derived.values()].filter((d) => !wanted.has(d.sourceKey)).map((d) => d.id),
      );
      const fresh: NewRemembranceDay[] = [];
      for (const day of desired) {
        const known = derived.get(day.key);
        if (!known)
          fresh.push({
            id: newId(),
            familyId,
            ...fieldsOf(day),
            createdAt: nowIso,
            updatedAt: nowIso,
          });
        else if (!sameDay(known, day))
          await tx.days.updateDay(familyId, known.id, { ...fieldsOf(day), updatedAt: nowIso });
      }
      await tx.days.insertDays(fresh);

      const days = await tx.days.listDays(familyId);
      const saved = await tx.reminders.listPreferences(familyId);
      const plans: PlannedReminder[] = [];
      for (const member of members) {
        const preferences = new Map<string, ReminderPreference>(
          preferencesOf(saved, member.id).map((p) => [p.dayKind, p]),
        );
        for (const stored of visibleDays(member.role, days)) {
          const preference = preferences.get(stored.kind);
          if (!preference || (!preference.inApp && !preference.email)) continue;
          const day = dayOf(stored, family.homeZone);
          for (const lead of leadsForDay(day, preference.leads)) {
            plans.push({
              membershipId: member.id,
              dayId: stored.id,
              day,
              preference,
              lead,
              zone: family.homeZone,
            });
          }
        }
      }
      const changes = reconcile(await tx.reminders.listReminders(familyId), plans, { familyId, now, nowIso });
      await tx.reminders.deleteReminders(familyId, changes.remove);
      for (const { id, ...next } of changes.update)
        await tx.reminders.reschedule(id, { ...next, updatedAt: nowIso });
      await tx.reminders.insertReminders(changes.insert);
      if (stillCurrent) await tx.checkStillCurrent(stillCurrent);
    });
  }

  return async function syncFamily(familyId: string, stillCurrent?: StillCurrent): Promise<void> {
    try {
      await once(familyId, stillCurrent);
    } catch (error) {
      if (!store.isUniqueViolation(error)) throw error;
      await once(familyId, stillCurrent);
    }
  };
}
