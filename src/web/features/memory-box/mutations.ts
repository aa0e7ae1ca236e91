import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AddLetterBody } from '../../../contracts/memory-box.js';
import { call, endpoints } from '../../lib/client.js';
import { uploadToBox } from './upload.js';

// The memory box: every loved one's box as this session may see it, and its changes. Each change
// refreshes the box.

export const memoryBoxKeys = { box: ['memory-box'] as const };

export const useMemoryBox = () =>
  useQuery({ queryKey: memoryBoxKeys.box, queryFn: () => call(endpoints.memoryBox.list) });

function useBoxChange<V, R>(change: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => client.invalidateQueries({ queryKey: memoryBoxKeys.box }),
  });
}

export const useAddDrawing = () =>
  useBoxChange(({ lovedOneId, file }: { lovedOneId: string; file: File }) =>
    uploadToBox(endpoints.memoryBox.addDrawing, lovedOneId, file),
  );

export const useAddVoiceNote = () =>
  useBoxChange(({ lovedOneId, recording }: { lovedOneId: string; recording: Blob }) =>
    uploadToBox(endpoints.memoryBox.addVoiceNote, lovedOneId, recording),
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
