import { DateTime } from 'luxon';
import type {
  SupporterConfirmResponse,
  SupporterReplyBody,
  SupporterReplyPreviewResponse,
} from '../../../contracts/supporters.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, conflict } from '../../errors.js';
import type { FamilyChanges } from '../../family-changes.js';
import { newId } from '../../secrets.js';
import type { AccountsServices } from '../accounts/index.js';
import type { MediaService } from '../media/index.js';
import type { RemembranceServices } from '../remembrance/index.js';
import { confirmTokenHash, REPLY_DAYS_AFTER, type SupporterLinks } from './links.js';
import { planFor } from './supporters.service.js';
import type { SupporterRecord } from './supporters.records.js';
import type { ReplyPhotosRepository } from './reply-photos.repository.js';
import type { SupportersRepository } from './supporters.repository.js';

// What a supporter can do from an e-mail, without an account: say yes, answer one day's e-mail,
// and stop. Each link shows nothing of the family but what the family wrote to them.

const GONE =
  'This link no longer works. If you were expecting to hear from the family, they can add you again.';
const CONFIRM_ENDED =
  'This link has ended. If you would still like to hear from the family, please ask them to send it again.';
const STOPPED =
  'You asked not to get these e-mails, so this link no longer works. Nothing more will be sent.';

const ALREADY_SENT = 'You have already sent a message for this day. Thank you; it has reached the family.';

const gone = (message = GONE) => new AppError('not_found', message);

export function supporterLinksService(deps: {
  repo: SupportersRepository;
  clock: Clock;
  accounts: AccountsServices;
  remembrance: RemembranceServices;
  links: SupporterLinks;
  changes: FamilyChanges;
  photos: ReplyPhotosRepository;
  media: MediaService;
}) {
  const { repo, clock, accounts, remembrance, links, changes, photos, media } = deps;

  const addedBy = async (s: SupporterRecord) =>
    (await accounts.memberships.namesOf(s.familyId)).get(s.addedBy) ?? 'the family';

  /** The day's occurrence a reply link names, while its supporter is still there and listening. */
  async function replyTarget(token: string) {
    const read = await links.readReply(token);
    if (!read) throw gone();
    const row = await repo.findDay(read.supporterDayId);
    if (!row) throw gone();
    const s = await repo.findSupporterById(row.supporterId);
    if (!s) throw gone();
    if (s.status === 'unsubscribed') throw gone(STOPPED);
    if (s.status !== 'confirmed') throw gone();
    const today = DateTime.fromMillis(clock.now(), { zone: s.zone }).toISODate()!;
    const lastDay = DateTime.fromISO(read.occurrenceDate, { zone: 'UTC' })
      .plus({ days: REPLY_DAYS_AFTER })
      .toISODate()!;
    if (today > lastDay)
      throw gone('This link has ended. Thank you for thinking of them; the next e-mail will have a new one.');
    return { row, supporter: s, occurrenceDate: read.occurrenceDate };
  }

  /** The photo through the media pipeline; a refusal names the reply's `photo` field. */
  async function prepared(photo: string) {
    try {
      return await media.prepare(Buffer.from(photo, 'base64'));
    } catch (error) {
      if (error instanceof AppError && error.fields?.file)
        throw new AppError(error.code, error.message, { photo: error.fields.file });
      throw error;
    }
  }

  return {
    /** Says yes: from now on the supporter hears before each chosen day. Saying yes twice is fine. */
    async confirm(token: string): Promise<SupporterConfirmResponse> {
      const s = await repo.findByConfirmHash(confirmTokenHash(token));
      if (!s) throw gone();
      if (s.status === 'unsubscribed') throw gone(STOPPED);
      if (s.status === 'pending' && Date.parse(s.confirmExpiresAt ?? '') <= clock.now())
        throw gone(CONFIRM_ENDED);
      const rows = await repo.listDays(s.familyId, s.id);
      if (s.status === 'pending') {
        const days = new Map((await remembrance.familyDays(s.familyId)).map((d) => [d.id, d.day]));
        const now = clock.now();
        const nowIso = isoNow(clock);
        await changes.within(s.familyId, async () => {
          await repo.setStatus(s.id, 'confirmed', nowIso);
          await repo.reschedule(
            rows.flatMap((row) => {
              const day = days.get(row.dayId);
              return day ? [planFor(row, day, s.zone, now)] : [];
            }),
            nowIso,
          );
        });
      }
      return { name: s.name, addedBy: await addedBy(s), days: rows.length };
    },

    async replyPreview(token: string): Promise<SupporterReplyPreviewResponse> {
      const { row, supporter, occurrenceDate } = await replyTarget(token);
      return {
        name: supporter.name,
        suggestion: row.suggestion,
        alreadyReplied: await repo.hasReply(row.id, occurrenceDate),
      };
    },

    /**
     * Keeps the supporter's words, and their photo if they sent one, as waiting: the family sees
     * them only once a parent accepts. The photo goes through the media pipeline first (re-encoded
     * with no location or camera tags, refused by content when it is not a photo), outside the
     * family's transaction; then the reply and its photo are stored together, or neither is. A link
     * already used, or stopped, takes nothing (the photo is not even decoded).
     */
    async reply(body: SupporterReplyBody): Promise<void> {
      const { row, supporter, occurrenceDate } = await replyTarget(body.token);
      if (await repo.hasReply(row.id, occurrenceDate)) throw conflict(ALREADY_SENT);
      const photo = body.photo === undefined ? null : await prepared(body.photo);
      const days = await remembrance.familyDays(supporter.familyId);
      const title = days.find((d) => d.id === row.dayId)?.day.title ?? 'A day';
      const id = newId();
      const createdAt = isoNow(clock);
      await changes.within(supporter.familyId, async () => {
        const added = await repo.insertReply({
          id,
          familyId: supporter.familyId,
          supporterId: supporter.id,
          supporterDayId: row.id,
          occurrenceDate,
          dayTitle: title,
          message: body.message,
          status: 'pending',
          createdAt,
          decidedAt: null,
          decidedBy: null,
          mediaId: null,
        });
        if (added === 'taken') throw conflict(ALREADY_SENT);
        if (photo) await photos.insert(supporter.familyId, id, photo, createdAt);
      });
    },

    /** Stops every e-mail to this supporter at once. Stopping twice is fine. */
    async stop(token: string): Promise<boolean> {
      const supporterId = await links.readStop(token);
      if (!supporterId) return false;
      const s = await repo.findSupporterById(supporterId);
      if (!s) return false;
      if (s.status === 'unsubscribed') return true;
      await changes.within(s.familyId, async () => {
        await repo.setStatus(s.id, 'unsubscribed', isoNow(clock));
        await repo.clearSchedule(s.id, isoNow(clock));
      });
      return true;
    },
  };
}

export type SupporterLinksService = ReturnType<typeof supporterLinksService>;
