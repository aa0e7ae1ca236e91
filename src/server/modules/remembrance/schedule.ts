import { createHash } from 'node:crypto';
import type { ReminderPreference } from '../../../contracts/remembrance.js';
import { nextDueInstant, type Day } from '../../../domain/remembrance/index.js';
import type { NewRow } from '../../../db/schema.js';
import { newId } from '../../secrets.js';
import type { ReminderRow } from './remembrance.repository.js';

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
 * Works out which reminder rows to add, recompute or remove so that the schedule matches the plan.
 * A row whose inputs have not changed is left alone, even when it is already due and waiting for
 * the next tick: recomputing it from "now" would skip it, and a reminder must never be lost.
 */
export function reconcile(
  existing: ReminderRow[],
  plans: PlannedReminder[],
  input: { familyId: string; now: number; nowIso: string },
) {
  const byKey = new Map(existing.map((r) => [`${r.membership_id}|${r.day_id}|${r.lead}`, r]));
  const insert: NewRow<'reminders'>[] = [];
  const update: Array<{
    id: string;
    next_due_utc: number | null;
    occurrence_date: string | null;
    signature: string;
  }> = [];
  const keep = new Set<string>();
  for (const plan of plans) {
    const key = `${plan.membershipId}|${plan.dayId}|${plan.lead}`;
    const signature = signatureOf(plan);
    const row = byKey.get(key);
    if (row) keep.add(row.id);
    if (row?.signature === signature) continue;
    const due = nextDue(plan, input.now);
    const values = {
      next_due_utc: due?.dueUtcMs ?? null,
      occurrence_date: due?.occurrenceDate ?? null,
      signature,
    };
    if (row) update.push({ id: row.id, ...values });
    else {
      insert.push({
        id: newId(),
        family_id: input.familyId,
        membership_id: plan.membershipId,
        day_id: plan.dayId,
        lead: plan.lead,
        ...values,
        updated_at: input.nowIso,
      });
    }
  }
  const remove = existing.filter((r) => !keep.has(r.id)).map((r) => r.id);
  return { insert, update, remove };
}
