import { instantToLocal, reminderKey } from '../../../domain/remembrance/index.js';
import { ritualOccurrenceOf } from '../../../domain/rituals/index.js';
import type { Clock } from '../../clock.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';
import { dayOf } from './days.js';
import { defaultPreference, preferenceOf } from './preferences.js';
import type { NextDue } from './reminders.repository.js';
import type { RemembranceStore } from './remembrance.store.js';
import { nextDue } from './schedule.js';
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
  /** A ritual's reminder: which ritual and which of its times (a time already marked sends nothing). */
  ritual?: { ritualId: string; occurrenceKey: string } | undefined;
}

/**
 * One tick of the scheduler: turns every reminder that is due into delivery jobs (one per channel,
 * each with a dedupe key naming the reminder, the occurrence and the lead) and moves the reminder
 * on to its next time, in the same transaction. A tick that dies part-way leaves nothing behind;
 * one that completes can never be repeated for the same occurrence.
 */
export function reminderTick(deps: {
  store: RemembranceStore;
  queue: JobQueue;
  clock: Clock;
  emailEnabled: boolean;
}) {
  return async function tick(batchSize = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const now = deps.clock.now();
      const nowIso = new Date(now).toISOString();
      const taken = await deps.store.transaction(async (tx) => {
        const due = await tx.tick.takeDue(now, batchSize);
        const jobs: NewJob[] = [];
        const movedOn: Array<NextDue & { id: string }> = [];
        for (const item of due) {
          const { reminder } = item;
          const day = dayOf(item.day, item.familyZone);
          const preference = item.preference ? preferenceOf(item.preference) : defaultPreference(day.kind);
          const { lead } = reminder;
          const occurrenceDate = reminder.occurrenceDate ?? day.anchorDate;
          const key = reminderKey({ reminderId: reminder.id, occurrenceDate, lead });
          const words = reminderWords({
            day,
            lovedOneName: item.lovedOneName,
            occurrenceDate,
            today: instantToLocal(reminder.nextDueUtc ?? now, item.familyZone).date,
          });
          const ritual = day.kind === 'ritual' ? ritualOccurrenceOf(day.key, occurrenceDate) : null;
          const payload: DeliveryPayload = {
            reminderId: reminder.id,
            familyId: reminder.familyId,
            membershipId: reminder.membershipId,
            key,
            ...words,
            to: item.email,
            ...(ritual && { ritual }),
          };
          const runAt = Math.max(now, reminder.nextDueUtc ?? now);
          if (preference.inApp)
            jobs.push({ queue: IN_APP_QUEUE, dedupeKey: `${key}:in_app`, payload, runAt });
          if (preference.email && deps.emailEnabled)
            jobs.push({ queue: EMAIL_QUEUE, dedupeKey: `${key}:email`, payload, runAt });
          const next = nextDue(
            {
              membershipId: reminder.membershipId,
              dayId: reminder.dayId,
              day,
              preference,
              lead,
              zone: item.familyZone,
            },
            reminder.nextDueUtc ?? now,
          );
          movedOn.push({
            id: reminder.id,
            nextDueUtc: next?.dueUtcMs ?? null,
            occurrenceDate: next?.occurrenceDate ?? null,
          });
        }
        await tx.reminders.moveOn(movedOn, nowIso);
        await tx.enqueueJobs(deps.queue, jobs);
        return due.length;
      });
      total += taken;
      if (taken < batchSize) return total;
    }
  };
}
