import type { Kysely } from 'kysely';
import { leads } from '../../../contracts/remembrance.js';
import { storedEnum } from '../../enums.js';
import { instantToLocal, reminderKey } from '../../../domain/remembrance/index.js';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';
import { dayFromRow } from './day-rows.js';
import { defaultPreference, preferenceFromRow } from './preferences.js';
import { nextDue } from './schedule.js';
import { tickRepository } from './tick.repository.js';
import { reminderWords } from './wording.js';

export const IN_APP_QUEUE = 'reminder.in_app';
export const EMAIL_QUEUE = 'reminder.email';

export interface DeliveryPayload {
  reminderId: string;
  familyId: string;
  membershipId: string;
  key: string;
  title: string;
  body: string;
  to: string;
}

/**
 * One tick of the scheduler: turns every reminder that is due into delivery jobs (one per channel,
 * each with a dedupe key naming the reminder, the occurrence and the lead) and moves the reminder
 * on to its next time, in the same transaction. A tick that dies part-way leaves nothing behind;
 * one that completes can never be repeated for the same occurrence.
 */
export function reminderTick(deps: {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  queue: JobQueue;
  clock: Clock;
  emailEnabled: boolean;
}) {
  return async function tick(batchSize = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const now = deps.clock.now();
      const nowIso = new Date(now).toISOString();
      const taken = await deps.db.transaction().execute(async (trx) => {
        const repo = tickRepository(trx, deps.dialect);
        const due = await repo.takeDue(now, batchSize);
        const jobs: NewJob[] = [];
        const advanced: Parameters<typeof repo.advance>[0] = [];
        for (const item of due) {
          const { reminder } = item;
          const day = dayFromRow(item.day, item.familyZone);
          const preference = item.preference
            ? preferenceFromRow(item.preference)
            : defaultPreference(day.kind);
          const lead = storedEnum(leads, reminder.lead, 'reminders.lead');
          const occurrenceDate = reminder.occurrence_date ?? day.anchorDate;
          const key = reminderKey({ reminderId: reminder.id, occurrenceDate, lead });
          const words = reminderWords({
            day,
            lovedOneName: item.lovedOneName,
            occurrenceDate,
            today: instantToLocal(reminder.next_due_utc ?? now, item.familyZone).date,
          });
          const payload = {
            reminderId: reminder.id,
            familyId: reminder.family_id,
            membershipId: reminder.membership_id,
            key,
            ...words,
            to: item.email,
          };
          const runAt = Math.max(now, reminder.next_due_utc ?? now);
          if (preference.inApp)
            jobs.push({ queue: IN_APP_QUEUE, dedupeKey: `${key}:in_app`, payload, runAt });
          if (preference.email && deps.emailEnabled)
            jobs.push({ queue: EMAIL_QUEUE, dedupeKey: `${key}:email`, payload, runAt });
          const next = nextDue(
            {
              membershipId: reminder.membership_id,
              dayId: reminder.day_id,
              day,
              preference,
              lead,
              zone: item.familyZone,
            },
            reminder.next_due_utc ?? now,
          );
          advanced.push({
            id: reminder.id,
            next_due_utc: next?.dueUtcMs ?? null,
            occurrence_date: next?.occurrenceDate ?? null,
          });
        }
        await repo.advance(advanced, nowIso);
        await deps.queue.enqueue(jobs, trx);
        return due.length;
      });
      total += taken;
      if (taken < batchSize) return total;
    }
  };
}
