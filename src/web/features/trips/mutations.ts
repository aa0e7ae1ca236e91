import { useMutation, useQueryClient, type MutationKey, type QueryClient } from '@tanstack/react-query';
import type {
  AddTripKeepsakeBody,
  CheckpointKind,
  ChecklistItem,
  CreateChecklistItemBody,
  CreateLegBody,
  CreateTravellerBody,
  CreateTripBody,
  SaveTemplateBody,
  TripDetail,
  UpdateTripKeepsakeBody,
} from '../../../contracts/trips.js';
import { call, endpoints } from '../../lib/client.js';
import { sendOrKeep } from '../../lib/outbox-sync.js';
import { keys, putTrip, refreshList } from '../../lib/queries.js';

// Every change made on a trip's pages, as TanStack Query mutations: what each sends (through the
// endpoint table) and what it refreshes. Changes that answer with the whole trip put it in the
// cache as the one truth (putTrip); ticks and confirmations go through the outbox (sendOrKeep).

/** Keys grouping a page's changes, so one notice shows the latest one's problem (lib/problems.ts). */
export const changeKeys = {
  checklist: (tripId: string) => ['change', 'checklist', tripId] as const,
  leg: (legId: string) => ['change', 'leg', legId] as const,
};

const refreshChecklist = (client: QueryClient, tripId: string) =>
  Promise.all([
    client.invalidateQueries({ queryKey: keys.checklist(tripId) }),
    client.invalidateQueries({ queryKey: keys.trip(tripId), exact: true }),
    client.invalidateQueries({ queryKey: keys.trips, exact: true }),
  ]);

/** A change that answers with the whole trip, which goes into the cache as the one truth. */
function useTripChange<V>(mutationFn: (variables: V) => Promise<TripDetail>, mutationKey?: MutationKey) {
  const client = useQueryClient();
  return useMutation({
    ...(mutationKey && { mutationKey }),
    mutationFn,
    onSuccess: (detail: TripDetail) => putTrip(client, detail),
  });
}

/** Plans a trip, or saves the details of one. */
export function useSaveTrip(tripId?: string) {
  return useTripChange((body: CreateTripBody) =>
    tripId
      ? call(endpoints.trips.update, { params: { tripId }, body })
      : call(endpoints.trips.create, { body }),
  );
}

export function useRemoveTrip() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tripId: string) => call(endpoints.trips.remove, { params: { tripId } }),
    onSuccess: async (_, tripId) => {
      client.removeQueries({ queryKey: keys.trip(tripId) });
      await refreshList(client, keys.trips);
    },
  });
}

/** Adds a part of the journey, or saves one. */
export function useSaveLeg(tripId: string, legId?: string) {
  return useTripChange((body: CreateLegBody) =>
    legId
      ? call(endpoints.legs.update, { params: { legId }, body })
      : call(endpoints.legs.create, { params: { tripId }, body }),
  );
}

/** Switches a leg's checkpoints; the switch shows the choice while it is sent (`variables`). */
export function useChooseCheckpoints(legId: string) {
  return useTripChange(
    (choice: { kind: CheckpointKind; wanted: boolean; checkpoints: CheckpointKind[] }) =>
      call(endpoints.legs.update, { params: { legId }, body: { checkpoints: choice.checkpoints } }),
    changeKeys.leg(legId),
  );
}

export function useRemoveLeg(legId: string) {
  return useTripChange(() => call(endpoints.legs.remove, { params: { legId } }), changeKeys.leg(legId));
}

export function useAddTraveller(tripId: string) {
  return useTripChange((body: CreateTravellerBody) =>
    call(endpoints.trips.addTraveller, { params: { tripId }, body }),
  );
}

/** A traveller added without an account who has joined the family since: they become that member. */
export function useLinkTraveller() {
  return useTripChange(({ travellerId, memberId }: { travellerId: string; memberId: string }) =>
    call(endpoints.trips.linkTraveller, { params: { travellerId }, body: { memberId } }),
  );
}

export function useRemoveTraveller() {
  return useTripChange((travellerId: string) =>
    call(endpoints.trips.removeTraveller, { params: { travellerId } }),
  );
}

export function useBringKeepsake(tripId: string) {
  return useTripChange((body: AddTripKeepsakeBody) =>
    call(endpoints.trips.addKeepsake, { params: { tripId }, body }),
  );
}

export function useUpdateTripKeepsake(tripKeepsakeId: string) {
  return useTripChange((body: UpdateTripKeepsakeBody) =>
    call(endpoints.trips.updateKeepsake, { params: { tripKeepsakeId }, body }),
  );
}

export function useLeaveKeepsake(tripKeepsakeId: string) {
  return useTripChange(() => call(endpoints.trips.removeKeepsake, { params: { tripKeepsakeId } }));
}

export function useAddChecklistItem(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChecklistItemBody) =>
      call(endpoints.checklist.add, { params: { tripId }, body }),
    onSuccess: () => refreshChecklist(client, tripId),
  });
}

export function useRemoveChecklistItem(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKeys.checklist(tripId),
    mutationFn: (item: ChecklistItem) => call(endpoints.checklist.remove, { params: { itemId: item.id } }),
    onSuccess: () => refreshChecklist(client, tripId),
  });
}

/**
 * Ticks or unticks one item, as an end state: sent at once with signal, otherwise kept in the outbox
 * (resolving 'kept'). The row shows the tick while it is sent (`variables`).
 */
export function useTickItem(tripId: string, memberId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: changeKeys.checklist(tripId),
    mutationFn: ({
      item,
      checked,
      confirmUntick,
    }: {
      item: ChecklistItem;
      checked: boolean;
      confirmUntick: boolean;
    }) =>
      sendOrKeep(client, memberId, {
        kind: 'checklist',
        tripId,
        itemId: item.id,
        checked,
        confirmUntick,
        label: item.label,
      }),
    onSuccess: async (done) => {
      if (done === 'saved') await refreshChecklist(client, tripId);
    },
    onError: () => refreshChecklist(client, tripId),
  });
}

export function useSaveAsList(tripId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTemplateBody) =>
      call(endpoints.checklist.saveTemplate, { params: { tripId }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.templates }),
  });
}
