import { useSyncExternalStore } from 'react';

// Whether the phone says it has a connection, for the first screen (outbox-sync.ts has the same for
// the outbox, but loads later).

function subscribe(changed: () => void): () => void {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
}

export const useOnlineNow = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );

/** True when a failure came from having no connection at all, rather than from the server. */
export const offlineNow = (): boolean => typeof navigator !== 'undefined' && !navigator.onLine;
