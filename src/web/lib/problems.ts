import { useMutationState, useQueryClient, type MutationKey } from '@tanstack/react-query';
import { messageOf } from './api.js';

/**
 * One notice for a group of changes (the ticks and removals of one packing list, say): the problem
 * of the latest change under `mutationKey`, if that one failed, and a way to put the notice away
 * (as each action does when it starts). The changes themselves are TanStack Query mutations
 * declaring that key; nothing here keeps its own state.
 */
export function useProblem(mutationKey: MutationKey): { problem: string | null; clear: () => void } {
  const client = useQueryClient();
  const states = useMutationState({ filters: { mutationKey }, select: (m) => m.state });
  const latest = states.at(-1);
  const clear = () => {
    const cache = client.getMutationCache();
    for (const failed of cache.findAll({ mutationKey, status: 'error' })) cache.remove(failed);
  };
  return { problem: latest?.status === 'error' ? messageOf(latest.error) : null, clear };
}
