import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddLetterBody } from '../../../contracts/memory-box.js';
import { call, endpoints } from '../../lib/client.js';
import { addToBox } from '../../lib/uploads.js';

// The memory box: every loved one's box as this session may see it, and its changes. Each change
// refreshes the box.

export const memoryBoxKeys = { box: ['memory-box'] as const };

export const useMemoryBox = () =>
  useQuery({ queryKey: memoryBoxKeys.box, queryFn: () => call(endpoints.memoryBox.list) });

function useBoxChange<V, R>(change: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    // Kept on this phone for now: nothing changed on the server, and with no signal a read would fail.
    onSuccess: (answer) =>
      answer === 'kept' ? undefined : client.invalidateQueries({ queryKey: memoryBoxKeys.box }),
  });
}

/** The phone would not keep it (full, or a private window that keeps nothing). */
const NO_ROOM_FOR = (what: string) =>
  `This phone has no room to keep the ${what} until it can be sent. Please free some space and try again.`;

/**
 * A drawing or a voice note goes through the phone's upload queue (lib/uploads.ts): 'saved' in the
 * box, or 'kept' on this phone until signal returns. `owner` is whose it is on this phone (the
 * member, or `child:<id>` in child mode), so only that session sends it.
 */
export const useAddDrawing = (owner: string) =>
  useBoxChange(({ lovedOneId, file }: { lovedOneId: string; file: File }) =>
    addToBox(owner, file, { kind: 'drawing', lovedOneId }, NO_ROOM_FOR('drawing')),
  );

export const useAddVoiceNote = (owner: string) =>
  useBoxChange(({ lovedOneId, recording }: { lovedOneId: string; recording: Blob }) =>
    addToBox(owner, recording, { kind: 'voice', lovedOneId }, NO_ROOM_FOR('voice note')),
  );

export const useAddLetter = () =>
  useBoxChange(({ lovedOneId, body }: { lovedOneId: string; body: AddLetterBody }) =>
    call(endpoints.memoryBox.addLetter, { params: { lovedOneId }, body }),
  );

export const useKeepForParents = () =>
  useBoxChange(({ memoryItemId, parentsOnly }: { memoryItemId: string; parentsOnly: boolean }) =>
    call(endpoints.memoryBox.update, { params: { memoryItemId }, body: { parentsOnly } }),
  );

export const useRemoveItem = () =>
  useBoxChange((memoryItemId: string) => call(endpoints.memoryBox.remove, { params: { memoryItemId } }));
