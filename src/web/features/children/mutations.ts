import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeaveChildModeBody } from '../../../contracts/children.js';
import { forgetOfflineCopy } from '../../app/session.js';
import { call, endpoints } from '../../lib/client.js';
import { setCsrfToken } from '../../lib/api.js';

// Child profiles, handing the phone over in child mode, a child's help, and leaving child mode.

export const childKeys = {
  profiles: ['children', 'profiles'] as const,
  childMode: ['children', 'child-mode'] as const,
  helps: (tripId: string) => ['trips', tripId, 'helps'] as const,
};

export const useChildProfiles = (enabled = true) =>
  useQuery({ queryKey: childKeys.profiles, queryFn: () => call(endpoints.children.profiles), enabled });

export function useCreateChildProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (displayName: string) => call(endpoints.children.createProfile, { body: { displayName } }),
    onSuccess: (answer) => client.setQueryData(childKeys.profiles, answer),
  });
}

/** Sets or forgets the month a child was born (their age on their drawings). */
export function useUpdateChildProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ childProfileId, birthMonth }: { childProfileId: string; birthMonth: string | null }) =>
      call(endpoints.children.updateProfile, { params: { childProfileId }, body: { birthMonth } }),
    onSuccess: (answer) => client.setQueryData(childKeys.profiles, answer),
  });
}

export function useRemoveChildProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (childProfileId: string) =>
      call(endpoints.children.removeProfile, { params: { childProfileId } }),
    onSuccess: (answer) => client.setQueryData(childKeys.profiles, answer),
  });
}

/** Starts the app again from its first screen: nothing held for the last session stays in memory. */
const startAgain = (path: string) => window.location.assign(path);

/**
 * Hands this phone to a child: changes kept without signal go out first, the grown-up's session on
 * this phone ends, and the offline copy of the family's data is emptied, so child mode holds
 * nothing private.
 */
export function useHandOver() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ childProfileId, pin }: { childProfileId: string; pin: string }) => {
      const { flushOutbox } = await import('../../lib/outbox-sync.js');
      await flushOutbox(client);
      return call(endpoints.children.startChildMode, { params: { childProfileId }, body: { pin } });
    },
    onSuccess: async () => {
      await forgetOfflineCopy();
      client.clear();
      startAgain('/');
    },
  });
}

/** What child mode shows; its answer carries the child session's CSRF token. */
export const useChildMode = () =>
  useQuery({
    queryKey: childKeys.childMode,
    queryFn: async () => {
      const answer = await call(endpoints.children.childMode);
      setCsrfToken(answer.csrfToken);
      return answer;
    },
  });

export function useHelp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ checkId, tripKeepsakeId }: { checkId: string; tripKeepsakeId: string }) =>
      call(endpoints.children.help, { params: { checkId, tripKeepsakeId } }),
    onSuccess: (answer) => client.setQueryData(childKeys.childMode, answer),
  });
}

/**
 * Leaves child mode with the PIN or the password: the grown-up is signed in afresh, and the app
 * starts again at `to` (the trip the child was helping with, say).
 */
export function useLeaveChildMode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body }: { body: LeaveChildModeBody; to: string }) =>
      call(endpoints.children.leaveChildMode, { body }),
    onSuccess: (_session, { to }) => {
      client.clear();
      startAgain(to);
    },
  });
}

export const useTripHelps = (tripId: string) =>
  useQuery({
    queryKey: childKeys.helps(tripId),
    queryFn: () => call(endpoints.children.tripHelps, { params: { tripId } }),
  });
