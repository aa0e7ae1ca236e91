import { z } from 'zod';
import { messageIdFor } from '../../../domain/remembrance/index.js';
import type { Clock } from '../../clock.js';
import type { JobDefinition } from '../../jobs/runner.js';
import { newId } from '../../secrets.js';
import type { Mailer } from '../notifications/index.js';
import type { RemembranceStore } from './remembrance.store.js';
import { EMAIL_QUEUE, IN_APP_QUEUE, type DeliveryPayload } from './tick.js';
import type { UnsubscribeSigner } from './unsubscribe.js';

const payload: z.ZodType<DeliveryPayload> = z.object({
  reminderId: z.string(),
  familyId: z.string(),
  membershipId: z.string(),
  key: z.string(),
  title: z.string(),
  body: z.string(),
  to: z.string(),
  ritual: z.object({ ritualId: z.string(), occurrenceKey: z.string() }).optional(),
});

/** Whether a ritual's time is already marked (asked of the rituals module). */
export type RitualMarked = (familyId: string, ritualId: string, occurrenceKey: string) => Promise<boolean>;

/**
 * The deliveries still worth sending: a ritual's reminder for a time the family already marked,
 * done or "not today", stays quiet. Asked before any transaction opens (SQLite has one connection).
 */
async function stillWanted<T extends { payload: DeliveryPayload }>(
  jobs: readonly T[],
  ritualMarked: RitualMarked,
): Promise<T[]> {
  const wanted: T[] = [];
  for (const job of jobs) {
    const { ritual, familyId } = job.payload;
    if (ritual && (await ritualMarked(familyId, ritual.ritualId, ritual.occurrenceKey))) continue;
    wanted.push(job);
  }
  return wanted;
}

/**
 * In-app reminders: the inbox row and "job done" are written in one transaction, and the inbox row
 * is unique per reminder key, so each reminder appears exactly once, however often it is retried.
 */
export function inAppDelivery(
  store: RemembranceStore,
  clock: Clock,
  ritualMarked: RitualMarked,
): JobDefinition<DeliveryPayload> {
  return {
    queue: IN_APP_QUEUE,
    version: 1,
    payload,
    batchSize: 200,
    maxAttempts: 10,
    async handle(jobs, complete) {
      if (jobs.length === 0) return;
      const nowIso = new Date(clock.now()).toISOString();
      const wanted = await stillWanted(jobs, ritualMarked);
      await store.transaction(async (tx) => {
        await tx.inbox.addDelivered(
          wanted.map(({ payload: p }) => ({
            id: newId(),
            familyId: p.familyId,
            membershipId: p.membershipId,
            reminderKey: p.key,
            title: p.title,
            body: p.body,
            link: p.ritual ? '/' : '/calendar',
            createdAt: nowIso,
          })),
        );
        await tx.completeJobs(
          complete,
          jobs.map((j) => j.row.id),
        );
      });
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * E-mail reminders. An e-mail cannot be exactly-once across a crash between the mail server's
 * "accepted" and our commit, so each carries a Message-ID derived from the reminder and its date:
 * a repeat is recognisably the same message, and only messages in flight at a crash can repeat.
 */
export function emailDelivery(deps: {
  mailer: Mailer;
  baseUrl: string;
  unsubscribe: UnsubscribeSigner;
  ritualMarked: RitualMarked;
}): JobDefinition<DeliveryPayload> {
  const host = new URL(deps.baseUrl).hostname;
  return {
    queue: EMAIL_QUEUE,
    version: 1,
    payload,
    batchSize: 100,
    maxAttempts: 8,
    async handle(jobs, complete) {
      const wanted = await stillWanted(jobs, deps.ritualMarked);
      const quiet = jobs.filter((j) => !wanted.includes(j)).map((j) => j.row.id);
      if (quiet.length > 0) await complete(quiet);
      const results = await Promise.allSettled(
        wanted.map(async ({ row, payload: p }) => {
          const unsubscribeUrl = `${deps.baseUrl}/unsubscribe/${await deps.unsubscribe.tokenFor(p.membershipId)}`;
          const link = `${deps.baseUrl}${p.ritual ? '/' : '/calendar'}`;
          await deps.mailer.send({
            to: p.to,
            subject: p.ritual ? 'A ritual you asked us to remember' : 'A day you asked us to remember',
            text: `${p.title}\n\n${p.body}\n\nSee it in Alongside: ${link}\n\nYou are getting this because you asked for reminders by e-mail. To stop them: ${unsubscribeUrl}\n`,
            html: `<!doctype html><html><body style="font-family:Georgia,serif;color:#2b2a33;line-height:1.5">
<p style="font-size:18px">${escapeHtml(p.title)}</p><p>${escapeHtml(p.body)}</p>
<p><a href="${escapeHtml(link)}">See it in Alongside</a></p>
<p style="font-size:13px;color:#5b5866">You are getting this because you asked for reminders by e-mail. <a href="${escapeHtml(unsubscribeUrl)}">Stop e-mail reminders</a>.</p>
</body></html>`,
            messageId: messageIdFor(p.key, host),
            unsubscribeUrl,
          });
          // Marked done as soon as the mail server has it, so a crash can repeat only the few
          // messages in flight at that moment, not the whole batch.
          await complete([row.id]);
        }),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
    },
  };
}
