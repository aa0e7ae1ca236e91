import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { SessionResponse } from '../../contracts/accounts.js';
import type { Permission } from '../../contracts/permissions.js';
import { keys, rememberSession } from '../lib/queries.js';

export const SessionContext = createContext<SessionResponse | null>(null);

/** The signed-in session; only used inside the signed-in part of the app. */
export function useSignedIn(): SessionResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSignedIn is used outside the signed-in app');
  return session;
}

export function useCan(permission: Permission): boolean {
  return useSignedIn().permissions.includes(permission);
}

/** The service worker's caches of the family's data (see vite.config.ts). */
const DATA_CACHES = ['alongside-api', 'alongside-packets'];

/** Empties the service worker's offline copy of the family's data. */
export async function forgetOfflineCopy(): Promise<void> {
  if (!('caches' in window)) return;
  await Promise.all(DATA_CACHES.map((name) => caches.delete(name).catch(() => false)));
}

let signedOutOnPurpose = false;

/**
 * True once after the person signed out themselves: the signed-out app then shows the welcome page
 * rather than asking them to sign in again to see the page they were on.
 */
export function takeSignedOutOnPurpose(): boolean {
  const value = signedOutOnPurpose;
  signedOutOnPurpose = false;
  return value;
}

/**
 * Signs out and forgets everything this device held for the family, the offline copy included.
 * When the server cannot be reached the session stays, and the error says so. Changes still
 * waiting in the outbox stay on the device, kept for this member's next sign-in.
 */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      // Ticks made without signal go out first; any that cannot stay on this device for next time.
      const [{ flushOutbox }, { call, endpoints }] = await Promise.all([
        import('../lib/outbox-sync.js'),
        import('../lib/client.js'),
      ]);
      await flushOutbox(client);
      await call(endpoints.accounts.signOut);
    },
    onSuccess: async () => {
      await forgetOfflineCopy();
      // A private letter's draft should not stay on a phone its writer signed out of.
      (await import('../features/journal/draft.js')).dropAllDrafts();
      signedOutOnPurpose = true;
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      rememberSession(client, null);
    },
  });
}
