import { isUniqueViolation } from '../../../db/dialect.js';
import type { Kysely } from 'kysely';
import type { ReminderPreference } from '../../../contracts/remembrance.js';
import type { Database } from '../../../db/schema.js';
import { isoNow, type Clock } from '../../clock.js';
import { newId } from '../../secrets.js';
import type { AccountsService } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { TripsServices } from '../trips/index.js';
import { columnsOf, dayFromRow, sameDay } from './day-rows.js';
import { familyDays } from './family-days.js';
import { preferencesOf } from './preferences.js';
import { remembranceRepository } from './remembrance.repository.js';
import { reconcile, type PlannedReminder } from './schedule.js';

export interface SyncDeps {
  db: Kysely<Database>;
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  trips: TripsServices['trips'];
}

/** Called last inside the sync's write transaction; throws when a newer change superseded this run. */
export type StillCurrent = (trx: Kysely<Database>) => Promise<void>;

/**
 * Brings a family's remembrance days and reminder schedule in line with its data: run by the
 * family-changed job after every change to a family (see jobs/family-changed.ts), so a moved flight
 * or a new loved one shows in the calendar and the reminders within moments. Reads from other
 * modules happen first; the writes then run in one transaction. Two syncs of one family at the same
 * moment (two instances) may collide on a unique key; the loser simply runs again.
 */
export function familySync({ db, clock, accounts, lovedOnes, trips }: SyncDeps) {
  async function once(familyId: string, stillCurrent: StillCurrent | undefined): Promise<void> {
    const context = await accounts.familyForJobs(familyId);
    if (!context) return;
    const { family, members } = context;
    const [lovedOneRows, tripViews] = await Promise.all([
      lovedOnes.listOfFamily(familyId),
      trips.listOfFamily(familyId),
    ]);
    const desired = familyDays({
      familyId,
      zone: family.homeZone,
      country: family.country,
      lovedOnes: lovedOneRows,
      trips: tripViews,
    });
    const now = clock.now();
    const nowIso = isoNow(clock);

    await db.transaction().execute(async (trx) => {
      const repo = remembranceRepository(trx);
      const stored = await repo.listDays(familyId);
      const derived = new Map(
        stored.filter((d) => !d.source_key.startsWith('custom:')).map((d) => [d.source_key, d]),
      );
      const wanted = new Set(desired.map((d) => d.key));
      await repo.deleteDays(
        familyId,
        [...derived.values()].filter((d) => !wanted.has(d.source_key)).map((d) => d.id),
      );
      const fresh = [];
      for (const day of desired) {
        const row = derived.get(day.key);
        if (!row)
          fresh.push({
            id: newId(),
            family_id: familyId,
            ...columnsOf(day),
            created_at: nowIso,
            updated_at: nowIso,
          });
        else if (!sameDay(row, day))
          await repo.updateDay(familyId, row.id, { ...columnsOf(day), updated_at: nowIso });
      }
      await repo.insertDays(fresh);

      const days = await repo.listDays(familyId);
      const preferenceRows = await repo.listPreferences(familyId);
      const plans: PlannedReminder[] = [];
      for (const member of members) {
        const preferences = new Map<string, ReminderPreference>(
          preferencesOf(preferenceRows, member.id).map((p) => [p.dayKind, p]),
        );
        for (const row of days) {
          const preference = preferences.get(row.kind);
          if (!preference || (!preference.inApp && !preference.email)) continue;
          const day = dayFromRow(row, family.homeZone);
          for (const lead of preference.leads) {
            plans.push({
              membershipId: member.id,
              dayId: row.id,
              day,
              preference,
              lead,
              zone: family.homeZone,
            });
          }
        }
      }
      const changes = reconcile(await repo.listReminders(familyId), plans, { familyId, now, nowIso });
      await repo.deleteReminders(familyId, changes.remove);
      for (const u of changes.update) await repo.updateReminder(u.id, { ...u, updated_at: nowIso });
      await repo.insertReminders(changes.insert);
      if (stillCurrent) await stillCurrent(trx);
    });
  }

  return async function syncFamily(familyId: string, stillCurrent?: StillCurrent): Promise<void> {
    try {
      await once(familyId, stillCurrent);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await once(familyId, stillCurrent);
    }
  };
}
