import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '../../../contracts/accounts.js';
import type { CreateInviteBody, JoinAsNewBody, JoinWithAccountBody } from '../../../contracts/family.js';
import type { Role } from '../../../contracts/permissions.js';
import { forgetOfflineCopy } from '../../app/session.js';
import { call, endpoints } from '../../lib/client.js';
import { keys, rememberSession } from '../../lib/queries.js';

// The family together: invites, joining, members and moving between one's families, as TanStack
// Query mutations that say what they refresh.

export const familyKeys = {
  invites: ['family', 'invites'] as const,
  families: ['family', 'choices'] as const,
  preview: (secret: string) => ['family', 'invite-preview', secret] as const,
};

export const useInvites = () =>
  useQuery({ queryKey: familyKeys.invites, queryFn: () => call(endpoints.family.invites) });

export const useFamilies = () =>
  useQuery({
    queryKey: familyKeys.families,
    queryFn: () => call(endpoints.family.families),
    staleTime: 5 * 60_000,
  });

/** What an invite offers, before joining; a secret that names no invite answers 404. */
export const useInvitePreview = (secret: string | null) =>
  useQuery({
    queryKey: familyKeys.preview(secret ?? ''),
    queryFn: () => call(endpoints.family.previewInvite, { body: { invite: secret! } }),
    enabled: secret !== null,
    retry: false,
  });

export function useCreateInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInviteBody) => call(endpoints.family.createInvite, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: familyKeys.invites }),
  });
}

export function useRevokeInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => call(endpoints.family.revokeInvite, { params: { inviteId } }),
    onSettled: () => client.invalidateQueries({ queryKey: familyKeys.invites }),
  });
}

export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, role }: { memberId: string; role: Role }) =>
      call(endpoints.family.changeRole, { params: { memberId }, body: { role } }),
    onSuccess: (answer) => client.setQueryData(keys.members, answer),
    // One's own role may have changed: the session says what this person may do now.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.members }),
        client.invalidateQueries({ queryKey: keys.session }),
      ]),
  });
}

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => call(endpoints.family.removeMember, { params: { memberId } }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.members }),
  });
}

export function useHandOver() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => call(endpoints.family.handOver, { params: { memberId } }),
    onSuccess: (answer) => client.setQueryData(keys.members, answer),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.members }),
        client.invalidateQueries({ queryKey: keys.session }),
      ]),
  });
}

/**
 * This browser now holds a session in another family: nothing of the family it showed before may
 * stay (the offline copy included), and the app opens on the new one.
 */
async function enterFamily(client: QueryClient, session: SessionResponse | null): Promise<void> {
  await forgetOfflineCopy();
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
  rememberSession(client, session);
}

/** Ticks made without signal belong to the family they were made in: they go out before moving. */
async function flushOutbox(client: QueryClient): Promise<void> {
  const { flushOutbox: flush } = await import('../../lib/outbox-sync.js');
  await flush(client);
}

export function useSwitchFamily() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (familyId: string) => {
      await flushOutbox(client);
      return call(endpoints.family.switchFamily, { body: { familyId } });
    },
    onSuccess: (session) => enterFamily(client, session),
  });
}

export function useJoin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (invite: string) => {
      await flushOutbox(client);
      return call(endpoints.family.join, { body: { invite } });
    },
    onSuccess: (session) => enterFamily(client, session),
  });
}

export function useJoinAsNew() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: JoinAsNewBody) => call(endpoints.family.joinAsNew, { body }),
    onSuccess: (session) => enterFamily(client, session),
  });
}

export function useJoinWithAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: JoinWithAccountBody) => call(endpoints.family.joinWithAccount, { body }),
    onSuccess: (session) => enterFamily(client, session),
  });
}

export function useLeaveFamily() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await flushOutbox(client);
      return call(endpoints.family.leave);
    },
    onSuccess: async (answer) => {
      // With another family, the session moved there; with none, it has ended.
      const session = answer.family ? await call(endpoints.accounts.session) : null;
      await enterFamily(client, session);
    },
  });
}
