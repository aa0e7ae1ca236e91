import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  CreateKeepsakeBody,
  CreateLovedOneBody,
  Keepsake,
  UpdateLovedOneBody,
} from '../../../contracts/loved-ones.js';
import { call, endpoints } from '../../lib/client.js';
import { keys, refreshList } from '../../lib/queries.js';

// Every change made to loved ones and their keepsakes, as TanStack Query mutations: what each sends
// (through the endpoint table) and what it refreshes.

/** Keys grouping a page's changes, so one notice shows the latest one's problem (lib/problems.ts). */
export const changeKeys = {
  lovedOne: (lovedOneId: string) => ['change', 'loved-one', lovedOneId] as const,
};

/** A keepsake changed: its loved one, the lists, and trips (they show its name; what to carry
 * depends on what it is made of). */
const keepsakeChanged = (client: QueryClient, lovedOneId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: keys.lovedOne(lovedOneId) }),
    refreshList(client, keys.lovedOnes),
    client.invalidateQueries({ queryKey: keys.keepsakes }),
    client.invalidateQueries({ queryKey: keys.trips }),
  ]);

/** Adds a loved one, or saves their details. */
export function useSaveLovedOne(lovedOneId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLovedOneBody) =>
      lovedOneId
        ? call(endpoints.lovedOnes.update, { params: { lovedOneId }, body })
        : call(endpoints.lovedOnes.create, { body }),
    onSuccess: async (answer) => {
      client.setQueryData(keys.lovedOne(answer.lovedOne.id), answer);
      await refreshList(client, keys.lovedOnes);
      // What to carry on a trip depends on who the keepsakes are of (a baby lost in pregnancy…).
      void client.invalidateQueries({ queryKey: keys.trips });
    },
  });
}

/**
 * Answers one thing the rules asked about a loved one (was the baby born alive?), from wherever it
 * was asked; what to carry on every trip is then worked out again.
 */
export function useAnswerAboutLovedOne(lovedOneId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateLovedOneBody) =>
      call(endpoints.lovedOnes.update, { params: { lovedOneId }, body }),
    onSuccess: async (answer) => {
      client.setQueryData(keys.lovedOne(lovedOneId), answer);
      await client.invalidateQueries({ queryKey: keys.trips });
    },
  });
}

export function useRemoveLovedOne(lovedOneId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKeys.lovedOne(lovedOneId),
    mutationFn: () => call(endpoints.lovedOnes.remove, { params: { lovedOneId } }),
    onSuccess: async () => {
      client.removeQueries({ queryKey: keys.lovedOne(lovedOneId) });
      await refreshList(client, keys.lovedOnes);
      // Their memory box, rituals, tributes and pictures went too, and with them some of the room.
      for (const queryKey of [['memory-box'], ['rituals'], ['tributes'], keys.mediaUsage, keys.calendar])
        void client.invalidateQueries({ queryKey });
    },
  });
}

/** What deleting a loved one would remove besides their profile, read afresh when asked. */
export const fetchRemoval = (client: QueryClient, lovedOneId: string) =>
  client.fetchQuery({
    queryKey: keys.lovedOneRemoval(lovedOneId),
    queryFn: () => call(endpoints.lovedOnes.removal, { params: { lovedOneId } }),
    staleTime: 0,
  });

/** Adds a keepsake to a loved one, or saves one. */
export function useSaveKeepsake(lovedOneId: string, keepsakeId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateKeepsakeBody) =>
      keepsakeId
        ? call(endpoints.lovedOnes.updateKeepsake, { params: { keepsakeId }, body })
        : call(endpoints.lovedOnes.createKeepsake, { params: { lovedOneId }, body }),
    onSuccess: () => keepsakeChanged(client, lovedOneId),
  });
}

export function useRemoveKeepsake(lovedOneId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKeys.lovedOne(lovedOneId),
    mutationFn: (keepsake: Keepsake) =>
      call(endpoints.lovedOnes.removeKeepsake, { params: { keepsakeId: keepsake.id } }),
    onSuccess: () => keepsakeChanged(client, lovedOneId),
  });
}
