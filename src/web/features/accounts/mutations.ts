import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeEmailBody,
  ChangePasswordBody,
  ConfirmEmailBody,
  FinishSignUpBody,
  PasswordResetBody,
  PasswordResetConfirmBody,
  ReauthenticateBody,
  SessionResponse,
  SignInBody,
  SignUpBody,
  UpdateFamilyBody,
} from '../../../contracts/accounts.js';
import { forgetOfflineCopy } from '../../app/session.js';
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

/** Signs up: signed in at once where e-mail is off; where it is on, a link is on its way. */
export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpBody) => call(endpoints.accounts.signUp, { body }),
    onSuccess: (answer) => {
      if (answer.status !== 'signed-in') return;
      const { user, member, family, permissions, csrfToken } = answer;
      rememberSession(client, { user, member, family, permissions, csrfToken });
    },
  });
}

/** Makes the family with the link e-mailed at sign-up, and signs its owner in. */
export function useFinishSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FinishSignUpBody) => call(endpoints.accounts.finishSignUp, { body }),
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

/** Where the signed-in person is signed in (Settings). */
const sessionsKey = ['account', 'sessions'] as const;

export const useDeviceSessions = () =>
  useQuery({ queryKey: sessionsKey, queryFn: () => call(endpoints.accounts.sessions) });

/** Ends one of the person's other sessions (a phone left signed in somewhere). */
export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => call(endpoints.accounts.endSession, { params: { sessionId } }),
    onSettled: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Signs out everywhere but here. */
export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(endpoints.accounts.endOtherSessions),
    onSettled: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Gives the password again, so other devices can be signed out for the next few minutes. */
export function useReauthenticate() {
  return useMutation({
    mutationFn: (body: ReauthenticateBody) => call(endpoints.accounts.reauthenticate, { body }),
  });
}

/** Asks for a link to choose a new password; the answer is the same for every address. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: PasswordResetBody) => call(endpoints.accounts.requestPasswordReset, { body }),
  });
}

/**
 * Sets a new password with the link's token. The server has then ended every session, this
 * browser's too, so the app forgets any it held.
 */
export function useConfirmPasswordReset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordResetConfirmBody) => call(endpoints.accounts.confirmPasswordReset, { body }),
    onSuccess: async () => {
      if (!client.getQueryData(keys.session)) return;
      await forgetOfflineCopy();
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      rememberSession(client, null);
    },
  });
}

/** Asks to change the address (a link goes to the new one, or, with e-mail off, it changes now). */
export function useChangeEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeEmailBody) => call(endpoints.accounts.changeEmail, { body }),
    onSuccess: (answer) => {
      if (answer.status === 'changed') setEmail(client, answer.email);
      void client.invalidateQueries({ queryKey: sessionsKey });
    },
  });
}

/** Confirms a new address with the link's token. */
export function useConfirmEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmEmailBody) => call(endpoints.accounts.confirmEmail, { body }),
    // Asked again rather than set: the browser may be signed in as someone else, or not at all.
    onSuccess: () => client.invalidateQueries({ queryKey: keys.session }),
  });
}

function setEmail(client: ReturnType<typeof useQueryClient>, email: string): void {
  client.setQueryData<SessionResponse | null>(keys.session, (current) =>
    current ? { ...current, user: { ...current.user, email } } : current,
  );
}
