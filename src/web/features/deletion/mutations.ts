import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfirmDeletionBody } from '../../../contracts/deletion.js';
import { call, endpoints } from '../../lib/client.js';
import { keys } from '../../lib/queries.js';

// Deleting the family or one's account (Settings): what is asked for, asking, and cancelling. Each
// answer is the new state, so it replaces what the page shows at once.

export const deletionKeys = {
  family: ['deletion', 'family'] as const,
  account: ['deletion', 'account'] as const,
};

export const useFamilyDeletion = () =>
  useQuery({ queryKey: deletionKeys.family, queryFn: () => call(endpoints.deletion.family) });

export const useAccountDeletion = () =>
  useQuery({ queryKey: deletionKeys.account, queryFn: () => call(endpoints.deletion.account) });

export function useDeleteFamily() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmDeletionBody) => call(endpoints.deletion.deleteFamily, { body }),
    onSuccess: (answer) => client.setQueryData(deletionKeys.family, answer),
  });
}

export function useKeepFamily() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.deletion.keepFamily),
    onSuccess: (answer) => client.setQueryData(deletionKeys.family, answer),
  });
}

export function useDeleteAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmDeletionBody) => call(endpoints.deletion.deleteAccount, { body }),
    onSuccess: (answer) => client.setQueryData(deletionKeys.account, answer),
    // Whether another owner may step down now depends on it.
    onSettled: () => client.invalidateQueries({ queryKey: keys.members }),
  });
}

export function useKeepAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.deletion.keepAccount),
    onSuccess: (answer) => client.setQueryData(deletionKeys.account, answer),
  });
}
