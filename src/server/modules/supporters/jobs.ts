import { z } from 'zod';
import { messageIdFor, type Day } from '../../../domain/remembrance/index.js';
import type { Clock } from '../../clock.js';
import type { FamilyChangedListener } from '../../jobs/family-changed.js';
import type { JobQueue, NewJob } from '../../jobs/queue.js';
import type { JobDefinition } from '../../jobs/runner.js';
import type { AccountsServices } from '../accounts/index.js';
import type { Mailer } from '../notifications/index.js';
import type { RemembranceServices } from '../remembrance/index.js';
import type { SupporterLinks } from './links.js';
import { dayMail } from './mail.js';
import { nextSupporterEmail, scheduleSignature } from './schedule.js';
import { planFor } from './supporters.service.js';
import type { Reschedule, SupportersRepository } from './supporters.repository.js';

// The supporters' e-mails, as the reminders do theirs: a tick takes the days whose e-mail is due
// (locked with SKIP LOCKED on PostgreSQL), queues one job per (supporter's day, occurrence) under
// the dedupe key `supporter:<supporter day id>:<date>`, and moves each day on to its next e-mail,
// all in one transaction. So two instances cannot both queue it, and a tick that dies leaves
// nothing behind. The job reads the supporter afresh: one removed or stopped since gets nothing.

export const SUPPORTER_EMAIL_QUEUE = 'supporters.email';

export interface SupporterEmailPayload {
  supporterDayId: string;
  occurrenceDate: string;
  key: string;
}

const payload: z.ZodType<SupporterEmailPayload> = z.object({
  supporterDayId: z.string(),
  occurrenceDate: z.string(),
  key: z.string(),
});

async function daysOfFamilies(remembrance: RemembranceServices, familyIds: string[]) {
  const entries = await Promise.all(
    [...new Set(familyIds)].map(
      async (familyId) =>
        [familyId, new Map((await remembrance.familyDays(familyId)).map((d) => [d.id, d.day]))] as const,
    ),
  );
  return new Map<string, Map<string, Day>>(entries);
}

export function supportersTick(deps: {
  repo: SupportersRepository;
  queue: JobQueue;
  clock: Clock;
  remembrance: RemembranceServices;
  emailEnabled: boolean;
}) {
  const { repo, queue, clock, remembrance } = deps;
  return async function tick(batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const now = clock.now();
      const nowIso = new Date(now).toISOString();
      // What the work needs is read before the write transaction opens (ARCHITECTURE.md, Data).
      const candidates = await repo.takeDue(now, batchSize);
      if (candidates.length === 0) return total;
      const days = await daysOfFamilies(
        remembrance,
        candidates.map((c) => c.familyId),
      );
      const zones = new Map<string, string>();
      for (const c of candidates) {
        const s = await repo.findSupporterById(c.supporterId);
        if (s) zones.set(s.id, s.zone);
      }
      const taken = await repo.transaction(async (tx) => {
        const due = await tx.takeDue(
          now,
          batchSize,
          candidates.map((c) => c.id),
        );
        const jobs: NewJob[] = [];
        const moves: Reschedule[] = [];
        for (const row of due) {
          const day = days.get(row.familyId)?.get(row.dayId);
          const zone = zones.get(row.supporterId);
          const at = row.nextDueUtc ?? now;
          if (row.occurrenceDate && day && zone && deps.emailEnabled) {
            const key = `supporter:${row.id}:${row.occurrenceDate}`;
            jobs.push({
              queue: SUPPORTER_EMAIL_QUEUE,
              dedupeKey: key,
              payload: { supporterDayId: row.id, occurrenceDate: row.occurrenceDate, key },
              runAt: Math.max(now, at),
            });
          }
          const next = day && zone ? nextSupporterEmail(day, zone, at) : null;
          moves.push({
            id: row.id,
            nextDueUtc: next?.dueUtcMs ?? null,
            occurrenceDate: next?.occurrenceDate ?? null,
            signature: day && zone ? scheduleSignature(day, zone) : row.signature,
          });
        }
        await tx.reschedule(moves, nowIso);
        await tx.enqueueJobs(queue, jobs);
        return due.length;
      });
      total += taken;
      if (taken === 0 || candidates.length < batchSize) return total;
    }
  };
}

/**
 * Sends one supporter's e-mail for one occurrence. Marked done as soon as the mail server has it;
 * the Message-ID comes from the job's key, so a repeat after a crash is recognisably the same.
 */
export function supporterEmailDelivery(deps: {
  repo: SupportersRepository;
  mailer: Mailer;
  accounts: AccountsServices;
  links: SupporterLinks;
  baseUrl: string;
}): JobDefinition<SupporterEmailPayload> {
  const host = new URL(deps.baseUrl).hostname;
  return {
    queue: SUPPORTER_EMAIL_QUEUE,
    version: 1,
    payload,
    batchSize: 50,
    maxAttempts: 8,
    async handle(jobs, complete) {
      const results = await Promise.allSettled(
        jobs.map(async ({ row: job, payload: p }) => {
          const row = await deps.repo.findDay(p.supporterDayId);
          const s = row && (await deps.repo.findSupporterById(row.supporterId));
          if (!row || !s || s.status !== 'confirmed') {
            await complete([job.id]); // removed or stopped since: nothing is sent
            return;
          }
          const addedBy =
            (await deps.accounts.memberships.namesOf(s.familyId)).get(s.addedBy) ?? 'the family';
          const stop = await deps.links.stopToken(s.id);
          await deps.mailer.send(
            dayMail({
              to: s.email,
              name: s.name,
              addedBy,
              suggestion: row.suggestion,
              occurrenceDate: p.occurrenceDate,
              replyUrl: deps.links.replyUrl(await deps.links.replyToken(row.id, p.occurrenceDate)),
              stopUrl: deps.links.stopUrl(stop),
              oneClickUrl: deps.links.oneClickUrl(stop),
              messageId: messageIdFor(p.key, host),
            }),
          );
          await complete([job.id]);
        }),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
    },
  };
}

/**
 * After a family's data changed: a confirmed supporter's day whose date, time or zone changed is
 * scheduled again from now. One whose inputs did not change keeps its instant, even when it is due
 * and waiting for the tick (recomputing it from now would skip it).
 */
export function supportersSync(deps: {
  repo: SupportersRepository;
  clock: Clock;
  remembrance: RemembranceServices;
}): FamilyChangedListener {
  return async (familyId, stillCurrent) => {
    const rows = await deps.repo.listDays(familyId);
    if (rows.length === 0) return;
    const supporters = new Map((await deps.repo.listSupporters(familyId)).map((s) => [s.id, s]));
    const days = new Map((await deps.remembrance.familyDays(familyId)).map((d) => [d.id, d.day]));
    const now = deps.clock.now();
    const changed = rows.flatMap((row) => {
      const s = supporters.get(row.supporterId);
      const day = days.get(row.dayId);
      if (!s || s.status !== 'confirmed' || !day) return [];
      return row.signature === scheduleSignature(day, s.zone) ? [] : [planFor(row, day, s.zone, now)];
    });
    if (changed.length === 0) return;
    await deps.repo.transaction(async (tx) => {
      await tx.reschedule(changed, new Date(now).toISOString());
      await tx.checkStillCurrent(stillCurrent);
    });
  };
}
