import { createHash } from 'node:crypto';
import type { ReminderPreference } from '../../../contracts/remembrance.js';
import { nextDueInstant, type Day } from '../../../domain/remembrance/index.js';
import { newId } from '../../secrets.js';
import type { NextDue, Reminder } from './reminders.repository.js';

export interface PlannedReminder {
  membershipId: string;
  dayId: string;
  day: Day;
  preference: ReminderPreference;
  lead: ReminderPreference['leads'][number];
  zone: string;
}

/** Everything a reminder's schedule depends on; a different signature means "compute again". */
export function signatureOf(plan: PlannedReminder): string {
  const { day, preference, lead, zone } = plan;
  return createHash('sha256')
    .update(
      JSON.stringify([day, lead, zone, preference.remindAt, preference.quietStart, preference.quietEnd]),
    )
    .digest('base64url');
}

export function nextDue(plan: PlannedReminder, after: number) {
  const { preference } = plan;
  return nextDueInstant({
    day: plan.day,
    lead: plan.lead,
    remindAt: preference.remindAt,
    zone: plan.zone,
    ...(preference.quietStart &&
      preference.quietEnd && { quietHours: { start: preference.quietStart, end: preference.quietEnd } }),
    after,
  });
}

/**
 * Works out which reminders to add, recompute or remove so that the schedule matches the plan.
 * A reminder whose inputs have not changed is left alone, even when it is already due and waiting for
 * the next tick: recomputing it from "now" would skip it, and a reminder must never be lost.
 */
export function reconcile(
  existing: Reminder[],
  plans: PlannedReminder[],
  input: { familyId: string; now: number; nowIso: string },
) {
  const byKey = new Map(existing.map((r) => [`${r.membershipId}|${r.dayId}|${r.lead}`, r]));
  const insert: Reminder[] = [];
  const update: Array<NextDue & { id: string; signature: string }> = [];
  const keep = new Set<string>();
  for (const plan of plans) {
    const key = `${plan.membershipId}|${plan.dayId}|${plan.lead}`;
    const signature = signatureOf(plan);
    const stored = byKey.get(key);
    if (stored) keep.add(stored.id);
    if (stored?.signature === signature) continue;
    const due = nextDue(plan, input.now);
    const values = {
      nextDueUtc: due?.dueUtcMs ?? null,
      occurrenceDate: due?.occurrenceDate ?? null,
      signature,
    };
    if (stored) update.push({ id: stored.id, ...values });
    else {
      insert.push({
        id: newId(),
        familyId: input.familyId,
        membershipId: plan.membershipId,
        dayId: plan.dayId,
        lead: plan.lead,
        ...values,
        updatedAt: input.nowIso,
      });
    }
  }
  const remove = existing.filter((r) => !keep.has(r.id)).map((r) => r.id);
  return { insert, update, remove };
}
