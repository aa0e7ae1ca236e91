import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EntryBody, JournalSettingsBody } from '../../../contracts/journal.js';
import { call, endpoints } from '../../lib/client.js';
import { addToBox } from '../../lib/uploads.js';

// The journal: a loved one's entries as the reader may read them, writing, sharing and deleting,
// the one gentle prompt and its "not today", the member's own settings, the day across the years.

export const journalKeys = {
  all: ['journal'] as const,
  ofLovedOne: (lovedOneId: string) => ['journal', 'loved-one', lovedOneId] as const,
  days: (lovedOneId: string) => ['journal', 'across-years', 'days', lovedOneId] as const,
  acrossYears: (dayId: string) => ['journal', 'across-years', dayId] as const,
};

export const useJournal = (lovedOneId: string) =>
  useQuery({
    queryKey: journalKeys.ofLovedOne(lovedOneId),
    queryFn: () => call(endpoints.journal.list, { params: { lovedOneId } }),
  });

export const useAcrossYearsDays = (lovedOneId: string) =>
  useQuery({
    queryKey: journalKeys.days(lovedOneId),
    queryFn: () => call(endpoints.journal.acrossYearsDays, { params: { lovedOneId } }),
  });

/** Asked for only when a member opens the day: never fetched ahead, never shown as a surprise. */
export const useAcrossYears = (dayId: string) =>
  useQuery({
    queryKey: journalKeys.acrossYears(dayId),
    queryFn: () => call(endpoints.journal.acrossYears, { params: { dayId } }),
  });

/** Anything in the journal changed: its lists and the day across the years refetch (they are small). */
const journalChanged = (client: QueryClient) => client.invalidateQueries({ queryKey: journalKeys.all });

/** Writes an entry for a loved one, or (with `entryId`) saves one of the writer's own. */
export function useSaveEntry(lovedOneId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['journal', 'save', lovedOneId],
    mutationFn: ({ entryId, body }: { entryId?: string; body: EntryBody }) =>
      entryId
        ? call(endpoints.journal.update, { params: { entryId }, body })
        : call(endpoints.journal.write, { params: { lovedOneId }, body }),
    onSuccess: () => journalChanged(client),
  });
}

export function useShareEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['journal', 'share'],
    mutationFn: ({ entryId, shared }: { entryId: string; shared: boolean }) =>
      call(endpoints.journal.share, { params: { entryId }, body: { shared } }),
    onSuccess: () => journalChanged(client),
  });
}

export function useRemoveEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['journal', 'remove'],
    mutationFn: (entryId: string) => call(endpoints.journal.remove, { params: { entryId } }),
    onSuccess: () => journalChanged(client),
  });
}

const NO_ROOM_FOR_PHOTO =
  'This phone has no room to keep the photo until it can be sent. What you wrote is saved. You can add the photo again later.';

/**
 * Adds photos to one of the writer's entries through the upload queue: each is kept on this phone
 * and sent with its own key, so one chosen with no signal waits and arrives once. Answers how many
 * are still waiting on this phone.
 */
export function useAddEntryPhotos(memberId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['journal', 'photos', 'add'],
    mutationFn: async ({ entryId, files }: { entryId: string; files: File[] }) => {
      let waiting = 0;
      for (const file of files)
        if ((await addToBox(memberId, file, { kind: 'entryPhoto', entryId }, NO_ROOM_FOR_PHOTO)) === 'kept')
          waiting += 1;
      return waiting;
    },
    onSettled: () => journalChanged(client),
  });
}

export function useRemoveEntryPhoto() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['journal', 'photos', 'remove'],
    mutationFn: (journalPhotoId: string) =>
      call(endpoints.journal.removePhoto, { params: { journalPhotoId } }),
    onSuccess: () => journalChanged(client),
  });
}

export function useJournalSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['journal', 'settings'],
    mutationFn: (body: JournalSettingsBody) => call(endpoints.journal.settings, { body }),
    onSuccess: () => journalChanged(client),
  });
}

/** "Not today": the prompt goes until tomorrow. */
export function useRestPrompt() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['journal', 'not-today'],
    mutationFn: () => call(endpoints.journal.restPrompt),
    onSuccess: () => journalChanged(client),
  });
}
