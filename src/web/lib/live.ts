import type { QueryClient } from '@tanstack/react-query';

// The family's changes, made on another phone, show here without reloading. One EventSource per
// signed-in app listens to GET /api/family/events (contracts/live.ts): each event says only "the
// family changed, revision N", never data, so the app asks again for what it shows (TanStack Query
// refetches the queries on screen and marks the others stale) and the ordinary read routes keep
// deciding what this member may see. A change kept in another phone's outbox arrives the same way,
// once that phone has signal and sends it. When the stream drops (no signal, the server restarting)
// the app reconnects after a growing wait, at once when signal returns, and says which revision it
// last saw, so a change it missed meanwhile is told at once.

const PATH = '/api/family/events';
/** The stream's event name (FAMILY_CHANGED_EVENT in contracts/live.ts; not imported: it brings zod). */
const CHANGED = 'changed';
/** Waits before reconnecting, by failures in a row; each is spread by ±50% so phones do not crowd. */
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Starts listening for the family's changes; returns the way to stop. */
export function startLive(client: QueryClient): () => void {
  let source: EventSource | null = null;
  let seen: number | undefined;
  let failures = 0;
  let timer: number | undefined;
  let stopped = false;

  const refresh = (first: boolean) => {
    // The first revision is told as the app starts, while its first reads may still be on the way:
    // those are left to finish; later ones are asked again, since they may predate the change.
    void client.invalidateQueries(undefined, { cancelRefetch: !first });
  };

  const connect = () => {
    window.clearTimeout(timer);
    timer = undefined;
    if (stopped || source) return;
    if (!navigator.onLine) return; // the `online` event reconnects
    const next = new EventSource(seen === undefined ? PATH : `${PATH}?since=${seen}`);
    source = next;
    next.addEventListener('open', () => {
      failures = 0;
    });
    next.addEventListener(CHANGED, (event) => {
      const revision = (JSON.parse((event as MessageEvent<string>).data) as { revision?: unknown }).revision;
      if (typeof revision !== 'number' || revision === seen) return;
      const first = seen === undefined;
      seen = revision;
      refresh(first);
    });
    next.addEventListener('error', () => {
      // A dropped stream or an error answer (signed out, the server restarting): the app takes over
      // from the browser's own retry, which stops for good after an error answer.
      next.close();
      if (source === next) source = null;
      schedule();
    });
  };

  const schedule = () => {
    if (stopped || timer !== undefined) return;
    const base = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]!;
    failures += 1;
    timer = window.setTimeout(connect, base * (0.5 + Math.random()));
  };

  const now = () => {
    if (!source) connect();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') now();
  };
  window.addEventListener('online', now);
  document.addEventListener('visibilitychange', onVisible);
  connect();

  return () => {
    stopped = true;
    window.clearTimeout(timer);
    window.removeEventListener('online', now);
    document.removeEventListener('visibilitychange', onVisible);
    source?.close();
    source = null;
  };
}
