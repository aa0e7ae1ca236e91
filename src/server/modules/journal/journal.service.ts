import { DateTime } from 'luxon';
import { countryName } from '../../../contracts/country-names.js';
import type {
  Entry,
  EntryBody,
  EntryPhoto,
  JournalResponse,
  JournalSettings,
  JournalSettingsBody,
} from '../../../contracts/journal.js';
import { isoNow, type Clock } from '../../clock.js';
import { notFound } from '../../errors.js';
import { newId } from '../../secrets.js';
import type { AccountsServices, AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from '../loved-ones/index.js';
import type { EntryPhotosService } from './entry-photos.service.js';
import type { EntryFields, EntryRecord, JournalRepository } from './journal.repository.js';
import { promptFor } from './prompts.js';

interface Deps {
  repo: JournalRepository;
  clock: Clock;
  accounts: AccountsServices;
  lovedOnes: LovedOnesService;
  photos: EntryPhotosService;
}

/** An entry as its reader sees it. `mine` decides who may change, share or delete it. */
export const presentEntry = (reader: AuthContext, e: EntryRecord, photos: EntryPhoto[]): Entry => ({
  id: e.id,
  lovedOneId: e.lovedOneId,
  kind: e.kind,
  title: e.title,
  text: e.text,
  writtenFor: e.writtenFor,
  mine: e.authorId === reader.memberId,
  authorName: e.authorName,
  sharedAt: e.sharedAt,
  photos,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

/**
 * Entries and letters. Every read and write names the reader, and the repository only ever returns
 * the reader's own entries and those shared: another member's private entry answers "not found",
 * exactly like one that does not exist, so its existence is not told either.
 */
export function journalService({ repo, clock, accounts, lovedOnes, photos }: Deps) {
  /** Entries as their reader sees them, each with its photos. */
  async function present(auth: AuthContext, entries: EntryRecord[]): Promise<Entry[]> {
    const byEntry = await photos.byEntry(
      auth.familyId,
      entries.map((e) => e.id),
    );
    return entries.map((e) => presentEntry(auth, e, byEntry.get(e.id) ?? []));
  }

  const presentOne = async (auth: AuthContext, e: EntryRecord): Promise<Entry> =>
    (await present(auth, [e]))[0]!;

  async function familyZone(familyId: string): Promise<string> {
    const context = await accounts.familyForJobs(familyId);
    if (!context) throw notFound();
    return context.family.homeZone;
  }

  async function today(familyId: string): Promise<string> {
    return DateTime.fromMillis(clock.now(), { zone: await familyZone(familyId) }).toISODate()!;
  }

  async function fieldsOf(auth: AuthContext, body: EntryBody): Promise<EntryFields> {
    return {
      kind: body.kind,
      title: body.title ?? null,
      text: body.text,
      writtenFor: body.writtenFor ?? (await today(auth.familyId)),
    };
  }

  async function own(auth: AuthContext, entryId: string): Promise<EntryRecord> {
    const entry = await repo.findOwn(auth.familyId, auth.memberId, entryId);
    if (!entry) throw notFound();
    return entry;
  }

  async function settingsOf(auth: AuthContext): Promise<JournalSettings> {
    const { prompts, acrossYearsHidden } = await repo.settings(auth.familyId, auth.memberId);
    return { prompts, acrossYearsHidden };
  }

  return {
    today,
    settingsOf,

    async list(auth: AuthContext, lovedOneId: string): Promise<JournalResponse> {
      const { lovedOne } = await lovedOnes.get(auth, lovedOneId);
      const settings = await repo.settings(auth.familyId, auth.memberId);
      const date = await today(auth.familyId);
      const showPrompt = settings.prompts && settings.promptRestedOn !== date;
      return {
        lovedOneName: lovedOne.name,
        entries: await present(auth, await repo.list(auth.familyId, auth.memberId, lovedOneId)),
        prompt: showPrompt ? promptFor(date, lovedOne.name) : null,
        settings: { prompts: settings.prompts, acrossYearsHidden: settings.acrossYearsHidden },
      };
    },

    async write(auth: AuthContext, lovedOneId: string, body: EntryBody): Promise<Entry> {
      await lovedOnes.get(auth, lovedOneId);
      const id = newId();
      await repo.insert(auth.familyId, {
        ...(await fieldsOf(auth, body)),
        id,
        lovedOneId,
        authorId: auth.memberId,
        createdAt: isoNow(clock),
      });
      return presentOne(auth, await own(auth, id));
    },

    async update(auth: AuthContext, entryId: string, body: EntryBody): Promise<Entry> {
      await own(auth, entryId);
      await repo.update(auth.familyId, auth.memberId, entryId, await fieldsOf(auth, body), isoNow(clock));
      return presentOne(auth, await own(auth, entryId));
    },

    /** Shares an entry with the family's adults, or takes it back; sharing again keeps the first time. */
    async share(auth: AuthContext, entryId: string, shared: boolean): Promise<Entry> {
      const entry = await own(auth, entryId);
      const sharedAt = shared ? (entry.sharedAt ?? isoNow(clock)) : null;
      await repo.setShared(auth.familyId, auth.memberId, entryId, sharedAt);
      return presentOne(auth, await own(auth, entryId));
    },

    async remove(auth: AuthContext, entryId: string): Promise<void> {
      await own(auth, entryId);
      await repo.remove(auth.familyId, auth.memberId, entryId);
    },

    async setSettings(auth: AuthContext, body: JournalSettingsBody): Promise<JournalSettings> {
      const current = await repo.settings(auth.familyId, auth.memberId);
      const next = {
        prompts: body.prompts ?? current.prompts,
        acrossYearsHidden: body.acrossYearsHidden ?? current.acrossYearsHidden,
        promptRestedOn: current.promptRestedOn,
      };
      await repo.saveSettings(auth.familyId, auth.memberId, next, isoNow(clock));
      return { prompts: next.prompts, acrossYearsHidden: next.acrossYearsHidden };
    },

    /** "Not today": no prompt until tomorrow in the family's zone. Nothing is counted. */
    async restPrompt(auth: AuthContext): Promise<void> {
      const current = await repo.settings(auth.familyId, auth.memberId);
      await repo.saveSettings(
        auth.familyId,
        auth.memberId,
        { ...current, promptRestedOn: await today(auth.familyId) },
        isoNow(clock),
      );
    },

    /** Readable entries for these loved ones written for any of these dates, with their photos. */
    async onDates(
      auth: AuthContext,
      lovedOneIds: readonly string[],
      dates: readonly string[],
    ): Promise<Entry[]> {
      return present(auth, await repo.onDates(auth.familyId, auth.memberId, lovedOneIds, dates));
    },

    /**
     * The bytes of an entry's photo, to a reader who may read the entry (their own, or one shared
     * with the adults); another member's private entry's photo is not found.
     */
    photoFile: async (auth: AuthContext, photoId: string): Promise<Buffer> =>
      (await photos.file(auth, photoId, 'file')).data,

    familyZone,
  };
}

export type JournalService = ReturnType<typeof journalService>;

/** A place a leg reached, in words: the town when one was given, else the country's name. */
export const placeOf = (toPlace: string | null, toCountry: string): string =>
  toPlace ?? countryName(toCountry);
