import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DueRitual, RitualBody } from '../../../contracts/rituals.js';
import { useSignedIn } from '../../app/session.js';
import { call, endpoints } from '../../lib/client.js';
import { sendOrKeep } from '../../lib/outbox-sync.js';
import { forgetUpload, keepUpload } from '../../lib/uploads.js';
import { putTrip } from '../../lib/queries.js';

// Rituals: a loved one's rituals, the cards due now (Home, a trip), marks, and "We've arrived".

export const ritualKeys = {
  all: ['rituals'] as const,
  ofLovedOne: (lovedOneId: string) => ['rituals', 'loved-one', lovedOneId] as const,
  done: (lovedOneId: string) => ['rituals', 'done', lovedOneId] as const,
  due: ['rituals', 'due'] as const,
  dueOnTrip: (tripId: string) => ['rituals', 'due', 'trip', tripId] as const,
  childMode: ['rituals', 'child-mode'] as const,
};

export const useRituals = (lovedOneId: string) =>
  useQuery({
    queryKey: ritualKeys.ofLovedOne(lovedOneId),
    queryFn: () => call(endpoints.rituals.list, { params: { lovedOneId } }),
  });

export const useRitualMarks = (lovedOneId: string, enabled: boolean) =>
  useQuery({
    queryKey: ritualKeys.done(lovedOneId),
    queryFn: () => call(endpoints.rituals.done, { params: { lovedOneId } }),
    enabled,
  });

export const useDueRituals = (tripId?: string) =>
  useQuery({
    queryKey: tripId ? ritualKeys.dueOnTrip(tripId) : ritualKeys.due,
    queryFn: () =>
      tripId ? call(endpoints.rituals.dueOnTrip, { params: { tripId } }) : call(endpoints.rituals.due),
  });

/** Anything about rituals changed: every list and card refetches (they are small). */
const ritualsChanged = (client: QueryClient) => client.invalidateQueries({ queryKey: ritualKeys.all });

/** Adds a ritual for a loved one, or (with `ritualId`) saves one. */
export function useSaveRitual(lovedOneId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ritualId, body }: { ritualId?: string; body: RitualBody }) =>
      ritualId
        ? call(endpoints.rituals.update, { params: { ritualId }, body })
        : call(endpoints.rituals.create, { params: { lovedOneId }, body }),
    onSuccess: async (answer) => {
      client.setQueryData(ritualKeys.ofLovedOne(lovedOneId), answer);
      await ritualsChanged(client);
    },
  });
}

export function useRemoveRitual(lovedOneId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ritualId: string) => call(endpoints.rituals.remove, { params: { ritualId } }),
    onSuccess: async (answer) => {
      client.setQueryData(ritualKeys.ofLovedOne(lovedOneId), answer);
      await ritualsChanged(client);
    },
  });
}

/** What a ritual card's mark is: done (who took part, a line, perhaps a photo) or not today. */
export interface MarkOnCard {
  card: DueRitual;
  outcome: 'done' | 'not_today';
  tookPart: string;
  line: string;
  photo: File | null;
}

/**
 * Marks a ritual card, with signal or without: the photo is kept in the upload queue (IndexedDB)
 * and the mark in the outbox, and both are sent when signal returns, the photo first and once
 * (outbox-sync.ts, `sendMark`). Answers 'saved', or 'kept' on this phone for now.
 */
export function useMarkRitual() {
  const client = useQueryClient();
  const { member } = useSignedIn();
  return useMutation({
    mutationFn: async ({ card, outcome, tookPart, line, photo }: MarkOnCard) => {
      const photoKey = outcome === 'done' && photo ? await keepUpload(member.id, photo) : null;
      try {
        return await sendOrKeep(client, member.id, {
          kind: 'ritualMark',
          tripId: card.tripId,
          ritualId: card.ritualId,
          occurrenceKey: card.occurrenceKey,
          outcome,
          tookPart: outcome === 'done' ? tookPart : '',
          line: outcome === 'done' ? line : '',
          photoKey,
          label: card.title,
        });
      } catch (error) {
        // Not saved, and the person is still looking at the card with the photo chosen.
        if (photoKey) await forgetUpload(photoKey);
        throw error;
      }
    },
  });
}

/** "We've arrived": the server records the arrival of the leg under way, by its own clock. */
export function useArrived(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.rituals.arrived, { params: { tripId } }),
    onSuccess: async (detail) => {
      putTrip(client, detail);
      await ritualsChanged(client);
    },
  });
}

/** Child mode's ritual cards: what to do and the children's part. */
export const useChildRituals = () =>
  useQuery({ queryKey: ritualKeys.childMode, queryFn: () => call(endpoints.rituals.childDue) });

/**
 * A child's "We did it" (their "Not today" is never sent). The card stays, with its thanks, until the
 * list is next read: it is not taken away the moment the child taps.
 */
export function useChildRitualDone() {
  return useMutation({
    mutationFn: ({ ritualId, occurrenceKey }: { ritualId: string; occurrenceKey: string }) =>
      call(endpoints.rituals.childDone, { params: { ritualId }, body: { occurrenceKey } }),
  });
}
