import type {
  CreateSupporterBody,
  Supporter,
  SupporterDaysBody,
  SupporterReply,
  SupportersResponse,
} from '../../../contracts/supporters.js';
import { mediaUrlsOf } from '../../../contracts/media.js';
import { can } from '../../../contracts/permissions.js';
import type { Day } from '../../../domain/remembrance/index.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import type { FamilyChanges } from '../../family-changes.js';
import { newId } from '../../secrets.js';
import type { AccountsServices, AuthContext } from '../accounts/index.js';
import type { MediaService, StoredFile } from '../media/index.js';
import type { Mailer } from '../notifications/index.js';
import type { RemembranceServices } from '../remembrance/index.js';
import { CONFIRM_DAYS, confirmTokenHash, newConfirmToken, type SupporterLinks } from './links.js';
import { confirmMail } from './mail.js';
import { nextSupporterEmail, scheduleSignature } from './schedule.js';
import type { ReplyRecord, SupporterDayRecord, SupporterRecord } from './supporters.records.js';
import type { ReplyPhotosRepository } from './reply-photos.repository.js';
import type { Reschedule, SupportersRepository } from './supporters.repository.js';

// The family's side: adding supporters, choosing their days and words, removing them, and
// accepting or declining what they send. Owners and adults only ('family.invite', as inviting).

const DAY_MS = 86_400_000;

export interface SupportersDeps {
  repo: SupportersRepository;
  clock: Clock;
  accounts: AccountsServices;
  remembrance: RemembranceServices;
  mailer: Mailer;
  links: SupporterLinks;
  changes: FamilyChanges;
  photos: ReplyPhotosRepository;
  media: MediaService;
}

type FamilyDays = Map<string, { id: string; day: Day }>;

/** The days a family may choose for supporters: all but a trip's moments. */
async function choosableDays(remembrance: RemembranceServices, familyId: string): Promise<FamilyDays> {
  const days = await remembrance.familyDays(familyId);
  return new Map(
    days.filter((d) => d.day.kind !== 'trip_moment' && d.day.kind !== 'ritual').map((d) => [d.id, d]),
  );
}

/** The schedule of one of a confirmed supporter's days, worked out from `after`. */
export function planFor(row: SupporterDayRecord, day: Day, zone: string, after: number): Reschedule {
  const next = nextSupporterEmail(day, zone, after);
  return {
    id: row.id,
    nextDueUtc: next?.dueUtcMs ?? null,
    occurrenceDate: next?.occurrenceDate ?? null,
    signature: scheduleSignature(day, zone),
  };
}

export function supportersService(deps: SupportersDeps) {
  const { repo, clock, accounts, remembrance, mailer, links, changes, photos, media } = deps;

  function present(s: SupporterRecord, rows: SupporterDayRecord[], days: FamilyDays): Supporter {
    return {
      id: s.id,
      name: s.name,
      email: s.email,
      timeZone: s.zone,
      status: s.status,
      createdAt: s.createdAt,
      confirmedAt: s.confirmedAt,
      days: rows
        .filter((r) => r.supporterId === s.id)
        .map((r) => ({
          dayId: r.dayId,
          title: days.get(r.dayId)?.day.title ?? 'A day',
          suggestion: r.suggestion,
          nextEmailAt:
            s.status === 'confirmed' && r.nextDueUtc !== null ? new Date(r.nextDueUtc).toISOString() : null,
        })),
    };
  }

  async function presentOne(familyId: string, supporterId: string): Promise<Supporter> {
    const [s, rows, days] = await Promise.all([
      repo.findSupporter(familyId, supporterId),
      repo.listDays(familyId, supporterId),
      choosableDays(remembrance, familyId),
    ]);
    if (!s) throw notFound();
    return present(s, rows, days);
  }

  function checkDays(choices: SupporterDaysBody['days'], days: FamilyDays): void {
    const unknown = choices.findIndex((c) => !days.has(c.dayId));
    if (unknown !== -1) throw invalid(`days.${unknown}.dayId`, 'Please choose the days from the list.');
  }

  async function addedByName(s: SupporterRecord): Promise<string> {
    return (await accounts.memberships.namesOf(s.familyId)).get(s.addedBy) ?? 'Someone in the family';
  }

  /** A new confirmation link for a supporter who has not confirmed; sends it when e-mail is on. */
  async function sendConfirmation(s: SupporterRecord, dayCount: number, token: string): Promise<void> {
    if (!mailer.enabled) return;
    try {
      await mailer.send(
        confirmMail({
          to: s.email,
          name: s.name,
          addedBy: await addedByName(s),
          link: links.confirmUrl(token),
          days: dayCount,
        }),
      );
    } catch {
      throw new AppError(
        'unavailable',
        `${s.name} is on your list, but we could not send the e-mail just now. Please use "Send the e-mail again" in a little while.`,
      );
    }
  }

  return {
    async list(auth: AuthContext): Promise<SupportersResponse> {
      const [context, supporters, rows, days] = await Promise.all([
        accounts.familyForJobs(auth.familyId),
        repo.listSupporters(auth.familyId),
        repo.listDays(auth.familyId),
        choosableDays(remembrance, auth.familyId),
      ]);
      return {
        supporters: supporters.map((s) => present(s, rows, days)),
        days: [...days.values()].map(({ id, day }) => ({
          id,
          title: day.title,
          kind: day.kind,
          time: day.startTime ?? null,
        })),
        familyZone: context?.family.homeZone ?? 'UTC',
        emailAvailable: mailer.enabled,
      };
    },

    /** Adds a supporter, waiting for them to confirm; the confirmation e-mail is all they get before. */
    async add(auth: AuthContext, body: CreateSupporterBody): Promise<Supporter> {
      const days = await choosableDays(remembrance, auth.familyId);
      checkDays(body.days, days);
      const context = await accounts.familyForJobs(auth.familyId);
      if (!context) throw notFound();
      const token = newConfirmToken();
      const now = clock.now();
      const nowIso = new Date(now).toISOString();
      const supporter: SupporterRecord = {
        id: newId(),
        familyId: auth.familyId,
        name: body.name,
        email: body.email,
        zone: body.timeZone ?? context.family.homeZone,
        status: 'pending',
        confirmTokenHash: confirmTokenHash(token),
        confirmExpiresAt: new Date(now + CONFIRM_DAYS * DAY_MS).toISOString(),
        confirmedAt: null,
        unsubscribedAt: null,
        addedBy: auth.memberId,
        createdAt: nowIso,
      };
      await changes.within(auth.familyId, async () => {
        if ((await repo.insertSupporter(supporter)) === 'taken')
          throw invalid('email', `${body.email} is already on your list of supporters.`);
        await repo.insertDays(
          body.days.map((choice) => ({
            id: newId(),
            familyId: auth.familyId,
            supporterId: supporter.id,
            dayId: choice.dayId,
            suggestion: choice.suggestion,
            nextDueUtc: null,
            occurrenceDate: null,
            signature: '',
            updatedAt: nowIso,
          })),
        );
      });
      await sendConfirmation(supporter, body.days.length, token);
      return presentOne(auth.familyId, supporter.id);
    },

    /** Sends a new confirmation link to a supporter who has not confirmed (the old one stops working). */
    async resend(auth: AuthContext, supporterId: string): Promise<Supporter> {
      const s = await repo.findSupporter(auth.familyId, supporterId);
      if (!s) throw notFound();
      if (s.status !== 'pending')
        throw conflict(
          s.status === 'confirmed'
            ? `${s.name} has already said yes.`
            : `${s.name} asked not to get these e-mails, so we will not write to them again.`,
        );
      const token = newConfirmToken();
      await changes.within(auth.familyId, () =>
        repo.setConfirmToken(
          s.id,
          confirmTokenHash(token),
          new Date(clock.now() + CONFIRM_DAYS * DAY_MS).toISOString(),
        ),
      );
      const rows = await repo.listDays(auth.familyId, s.id);
      await sendConfirmation(s, rows.length, token);
      return presentOne(auth.familyId, s.id);
    },

    /** Replaces the days a supporter hears about and the words for each. */
    async setDays(auth: AuthContext, supporterId: string, body: SupporterDaysBody): Promise<Supporter> {
      const s = await repo.findSupporter(auth.familyId, supporterId);
      if (!s) throw notFound();
      const days = await choosableDays(remembrance, auth.familyId);
      checkDays(body.days, days);
      const existing = await repo.listDays(auth.familyId, s.id);
      const now = clock.now();
      const nowIso = new Date(now).toISOString();
      const wanted = new Map(body.days.map((c) => [c.dayId, c.suggestion]));
      await repo.deleteDays(
        auth.familyId,
        existing.filter((r) => !wanted.has(r.dayId)).map((r) => r.id),
      );
      for (const row of existing) {
        const suggestion = wanted.get(row.dayId);
        if (suggestion !== undefined && suggestion !== row.suggestion)
          await repo.setSuggestion(row.id, suggestion, nowIso);
      }
      const fresh = body.days
        .filter((c) => !existing.some((r) => r.dayId === c.dayId))
        .map((c): SupporterDayRecord => {
          const row: SupporterDayRecord = {
            id: newId(),
            familyId: auth.familyId,
            supporterId: s.id,
            dayId: c.dayId,
            suggestion: c.suggestion,
            nextDueUtc: null,
            occurrenceDate: null,
            signature: '',
            updatedAt: nowIso,
          };
          if (s.status !== 'confirmed') return row;
          const plan = planFor(row, days.get(c.dayId)!.day, s.zone, now);
          return { ...row, ...plan };
        });
      await repo.insertDays(fresh);
      return presentOne(auth.familyId, s.id);
    },

    /** Removes a supporter at once: their rows, links and waiting e-mails go with them. */
    async remove(auth: AuthContext, supporterId: string): Promise<void> {
      const s = await repo.findSupporter(auth.familyId, supporterId);
      if (!s) throw notFound();
      await repo.deleteSupporter(auth.familyId, supporterId);
    },

    async replies(auth: AuthContext): Promise<SupporterReply[]> {
      const [replies, supporters] = await Promise.all([
        repo.listReplies(auth.familyId),
        repo.listSupporters(auth.familyId),
      ]);
      const waiting = await photos.waiting(
        auth.familyId,
        replies.filter((r) => r.status === 'pending').map((r) => r.id),
      );
      const names = new Map(supporters.map((s) => [s.id, s.name]));
      return replies.map((r) =>
        presentReply(r, names.get(r.supporterId) ?? 'A supporter', waiting.has(r.id)),
      );
    },

    /** A waiting reply's photo, for the parents reviewing it (once decided, there is none here). */
    async photo(auth: AuthContext, replyId: string, which: 'file' | 'thumbnail'): Promise<StoredFile> {
      const file = await photos.file(auth.familyId, replyId, which);
      if (!file) throw notFound();
      return file;
    },

    /**
     * Accepts a waiting reply: it reaches the inbox of every member who may read the family's loved
     * ones (parents and teen logins), once. A supporter writes to the household about Jack; a viewer
     * (another grandparent, a friend) sees only what the family shares with viewers, and a parent
     * accepting "to share with the family" has not chosen to pass it on to them.
     *
     * Its photo, if any, becomes one of the family's photos ("From Grandma Ann"), counted in the
     * family's room from now on: if that room is full, nothing is accepted and the parent is told
     * why. Declining deletes the photo at once; the words stay, declined, for the parents' list.
     */
    async decide(
      auth: AuthContext,
      replyId: string,
      decision: 'accepted' | 'declined',
    ): Promise<SupporterReply> {
      const reply = await repo.findReply(auth.familyId, replyId);
      if (!reply) throw notFound();
      const s = await repo.findSupporter(auth.familyId, reply.supporterId);
      const name = s?.name ?? 'A supporter';
      const nowIso = isoNow(clock);
      if (!(await repo.decideReply(auth.familyId, replyId, decision, auth.memberId, nowIso))) {
        if (reply.status === decision) return presentReply(reply, name, false);
        throw conflict(`This message was already ${reply.status === 'accepted' ? 'accepted' : 'declined'}.`);
      }
      const photo = await photos.find(auth.familyId, replyId);
      await photos.remove(auth.familyId, replyId);
      if (decision === 'accepted') {
        const kept = photo && (await media.adopt(auth.familyId, photo, { addedBy: null, fromName: name }));
        if (kept) await repo.setReplyMedia(auth.familyId, replyId, kept.id);
        const context = await accounts.familyForJobs(auth.familyId);
        await remembrance.addToInbox(
          (context?.members ?? [])
            .filter((member) => can(member.role, 'lovedOnes.read'))
            .map((member) => ({
              id: newId(),
              familyId: auth.familyId,
              membershipId: member.id,
              reminderKey: `supporter-reply:${reply.id}:${member.id}`,
              title: `A message from ${name}`,
              body: reply.message,
              link: null,
              mediaId: kept?.id ?? null,
              createdAt: nowIso,
            })),
        );
      }
      const decided = await repo.findReply(auth.familyId, replyId);
      return presentReply(decided!, name, false);
    },
  };
}

function presentReply(r: ReplyRecord, supporterName: string, photoWaiting: boolean): SupporterReply {
  return {
    id: r.id,
    supporterId: r.supporterId,
    supporterName,
    dayTitle: r.dayTitle,
    occurrenceDate: r.occurrenceDate,
    message: r.message,
    status: r.status,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    photo: r.mediaId
      ? mediaUrlsOf(r.mediaId)
      : photoWaiting
        ? {
            url: `/api/supporter-replies/${r.id}/photo`,
            thumbnailUrl: `/api/supporter-replies/${r.id}/photo/thumbnail`,
          }
        : null,
  };
}

export type SupportersService = ReturnType<typeof supportersService>;
