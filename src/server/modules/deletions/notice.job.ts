import { z } from 'zod';
import { messageIdFor } from '../../../domain/remembrance/index.js';
import type { JobDefinition } from '../../jobs/runner.js';
import type { AccountsServices } from '../accounts/index.js';
import type { Mailer } from '../notifications/index.js';
import type { RemembranceServices } from '../remembrance/index.js';

// A deletion's notice by e-mail, after the same words reached the member's inbox. The job names only
// the inbox item and the member: the words and the address are read when it is sent, so a notice
// whose family or person has gone since is simply not sent, and the queue keeps no name.

export const DELETION_NOTICE_QUEUE = 'deletion.notice';

export interface NoticePayload {
  familyId: string;
  membershipId: string;
  key: string;
}

const payload: z.ZodType<NoticePayload> = z.object({
  familyId: z.string(),
  membershipId: z.string(),
  key: z.string(),
});

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export function deletionNoticeJob(deps: {
  mailer: Mailer;
  baseUrl: string;
  accounts: AccountsServices;
  remembrance: RemembranceServices;
}): JobDefinition<NoticePayload> {
  const host = new URL(deps.baseUrl).hostname;
  return {
    queue: DELETION_NOTICE_QUEUE,
    version: 1,
    payload,
    batchSize: 20,
    maxAttempts: 8,
    async handle(jobs, complete) {
      for (const { row, payload: p } of jobs) {
        const item = await deps.remembrance.inboxItem(p.key);
        const family = await deps.accounts.familyForJobs(p.familyId);
        const to = family?.members.find((m) => m.id === p.membershipId)?.email;
        if (item && to) {
          const link = `${deps.baseUrl}/settings`;
          await deps.mailer.send({
            to,
            subject: item.title,
            text: `${item.body}\n\nSee it in Alongside: ${link}\n`,
            html: `<!doctype html><html><body style="font-family:Georgia,serif;color:#2b2a33;line-height:1.5">
<p style="font-size:18px">${escapeHtml(item.title)}</p><p>${escapeHtml(item.body)}</p>
<p><a href="${escapeHtml(link)}">See it in Alongside</a></p>
</body></html>`,
            messageId: messageIdFor(p.key, host),
          });
        }
        await complete([row.id]);
      }
    },
  };
}
