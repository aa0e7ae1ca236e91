import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordBody,
  SessionResponse,
  SignInBody,
  SignUpBody,
  UpdateFamilyBody,
} from '../../../contracts/accounts.js';
import { call, endpoints } from '../../lib/client.js';
import { keys, rememberSession } from '../../lib/queries.js';

// Signing in and up, and the family's details, as TanStack Query mutations. A new session is
// remembered at once (with its CSRF token), so the signed-in app opens on it.

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) => call(endpoints.accounts.signIn, { body }),
    onSuccess: (session) => rememberSession(client, session),
  });
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpBody) => call(endpoints.accounts.signUp, { body }),
    onSuccess: (session) => rememberSession(client, session),
  });
}

/** Changes the signed-in person's password; the server signs out their other devices. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => call(endpoints.accounts.changePassword, { body }),
  });
}

export function useUpdateFamily() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateFamilyBody) => call(endpoints.accounts.updateFamily, { body }),
    onSuccess: (answer) =>
      client.setQueryData<SessionResponse | null>(keys.session, (current) =>
        current ? { ...current, family: answer.family } : current,
      ),
  });
}
