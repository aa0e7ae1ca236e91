import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDayBody,
  InboxItem,
  Occurrence,
  PreferencesBody,
} from '../../../contracts/remembrance.js';
import { call, endpoints } from '../../lib/client.js';
import { keys } from '../../lib/queries.js';

// Every change made to the calendar, reminders and the calendar address, as TanStack Query
// mutations: what each sends (through the endpoint table) and what it refreshes.

/** Keys grouping a page's changes, so one notice shows the latest one's problem (lib/problems.ts). */
export const changeKeys = {
  inbox: ['change', 'inbox'] as const,
};

export function useAddDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDayBody) => call(endpoints.remembrance.addDay, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.calendar }),
  });
}

/** Removes a day of the family's own; `variables` names it once it is gone. */
export function useRemoveDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (day: Occurrence) => call(endpoints.remembrance.removeDay, { params: { dayId: day.dayId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.calendar }),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesBody) => call(endpoints.remembrance.setPreferences, { body }),
    onSuccess: (next) => client.setQueryData(keys.reminderPreferences, next),
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKeys.inbox,
    mutationFn: (item: InboxItem) =>
      call(endpoints.remembrance.markRead, { params: { inboxItemId: item.id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.inbox }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKeys.inbox,
    mutationFn: () => call(endpoints.remembrance.markAllRead),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.inbox }),
  });
}

/** Makes a new private calendar address (the old one stops); its answer is shown only this once. */
export function useMakeFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.remembrance.makeFeed),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.feed }),
  });
}

export function useStopFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.remembrance.stopFeed),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.feed }),
  });
}
