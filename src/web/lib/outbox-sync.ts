import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { TickRequirementBody } from '../../contracts/trip-rules.js';
import type { ConfirmKeepsakesBody, UpdateChecklistItemBody } from '../../contracts/trips.js';
import type { SessionResponse } from '../../contracts/accounts.js';
import type { DueRitualsResponse, MarkRitualBody } from '../../contracts/rituals.js';
import { ApiError, isApiError } from './api.js';
import { call, endpoints } from './client.js';
import {
  drop,
  dropNotSaved,
  keep,
  outboxState,
  reloadOutbox,
  subscribeOutbox,
  waitingOf,
  type Change,
  type Waiting,
} from './outbox.js';
import { fetchSession, keys, putChecklistItem, putTrip, rememberSession } from './queries.js';
import { forgetUpload, forgetUploadIfSent, sendUpload, sendWaitingUploads } from './uploads.js';

// Sending the outbox: straight away when there is signal, otherwise when it comes back (the
// `online` event), when the app starts and when it is shown again. A replay that stops with changes
// still waiting (a flaky network that says it is online, a server restarting) tries again after 2,
// 5, 15 and then every 30 seconds. One replay at a time, across tabs too (Web Locks), in the order
// the changes were made, with the CSRF token of the session as it is at that moment.

type Answer = Awaited<ReturnType<typeof send>>;

/** How long to wait before trying again after a replay stopped, by how many tries failed. */
const RETRY_MS = [2_000, 5_000, 15_000, 30_000];

/**
 * The request a change becomes. The stored change (outbox.ts) is what phones hold today, so this
 * mapping is the contract with them: `outbox-replay.test.ts` replays entries in that format.
 * `tappedAt` is when the person made the change (a kept entry's `madeAt`).
 */
function send(change: Change, tappedAt: string, now = false) {
  switch (change.kind) {
    case 'ritualMark':
      return sendMark(change, now);
    case 'checklist':
      return call(endpoints.checklist.update, {
        params: { itemId: change.itemId },
        body: {
          checked: change.checked,
          ...(change.confirmUntick && { confirmUntick: true }),
        } satisfies UpdateChecklistItemBody,
      });
    case 'rule':
      return call(endpoints.travelRules.tick, {
        params: { tripId: change.tripId },
        body: { key: change.key, ticked: change.ticked } satisfies TickRequirementBody,
      });
    case 'confirm':
      return call(endpoints.legs.confirm, {
        params: { checkId: change.checkId },
        body: {
          travellerId: change.travellerId,
          tripKeepsakeIds: [change.tripKeepsakeId],
          // Recorded at the moment of the tap, not when signal came back (the server bounds it).
          tappedAt,
        } satisfies ConfirmKeepsakesBody,
      });
    case 'unconfirm':
      return call(endpoints.legs.unconfirm, { params: { confirmationId: change.confirmationId } });
  }
}

/**
 * A ritual mark, and first its photo if it has one: the photo is sent with its upload key, so
 * however often this runs the server keeps it once, and the mark names it. The mark waits for its
 * photo (no signal: both wait); a photo the server refuses for good is kept on the phone with its
 * reason, and the mark is saved without it. Sent `now` (the person is looking at the card), the
 * refusal is shown to them instead, so they can choose another photo or save without one.
 */
async function sendMark(change: Extract<Change, { kind: 'ritualMark' }>, now: boolean) {
  let mediaId: string | null = null;
  if (change.photoKey) {
    const sent = await sendUpload(change.photoKey);
    if ('savedId' in sent) mediaId = sent.savedId;
    else if ('refused' in sent && now) {
      await forgetUpload(change.photoKey);
      throw new ApiError(400, 'validation_failed', sent.refused, { photo: sent.refused });
    }
  }
  const answer: DueRitualsResponse = await call(endpoints.rituals.mark, {
    params: { ritualId: change.ritualId },
    body: {
      occurrenceKey: change.occurrenceKey,
      outcome: change.outcome,
      ...(change.outcome === 'done' && {
        ...(change.tookPart && { tookPart: change.tookPart }),
        ...(change.line && { line: change.line }),
        ...(mediaId && { mediaId }),
      }),
    } satisfies MarkRitualBody,
  });
  // Saved with it: the phone need not keep the photo any longer.
  if (change.photoKey && mediaId) await forgetUpload(change.photoKey);
  return answer;
}

/**
 * Puts the server's answer in the cache, so the screen shows the saved state with no flicker, and
 * reads it again in the background so the service worker's offline copy is the saved state too.
 */
function apply(client: QueryClient, change: Change, answer: Answer): void {
  if (!answer) return;
  if (change.kind === 'ritualMark') {
    // Cards, what we have done, and the places the photo now shows under.
    void client.invalidateQueries({ queryKey: ['rituals'] });
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'loved-ones' });
  } else if (change.kind === 'checklist' && 'item' in answer) {
    putChecklistItem(client, change.tripId, answer.item);
    void client.invalidateQueries({ queryKey: keys.checklist(change.tripId) });
  } else if (change.kind === 'rule' && 'carrying' in answer) {
    client.setQueryData(keys.travelRules(change.tripId), answer);
    void client.invalidateQueries({ queryKey: keys.travelRules(change.tripId) });
  } else if ('trip' in answer) putTrip(client, answer);
}

/** A failure worth trying again later: no signal, the server busy or down, or signed out. */
const isPassing = (error: unknown): boolean =>
  !isApiError(error) ||
  error.status === 0 ||
  error.status === 401 ||
  error.status === 429 ||
  error.status >= 500;

// ---- replay ------------------------------------------------------------------------------------

interface SyncStatus {
  sending: boolean;
  /** Why the last replay stopped with changes still waiting, if it did. */
  stopped: 'offline' | 'server' | null;
}
let status: SyncStatus = { sending: false, stopped: null };
const statusListeners = new Set<() => void>();
function setStatus(next: SyncStatus): void {
  status = next;
  statusListeners.forEach((l) => l());
}

let running: Promise<void> | null = null;
let retry: { timer: number | undefined; failures: number } = { timer: undefined, failures: 0 };

/** Sends what waits, oldest first; resolves when the outbox is empty or cannot be sent now. */
export function flushOutbox(client: QueryClient): Promise<void> {
  if (running) return running;
  window.clearTimeout(retry.timer);
  running = (async () => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    try {
      if (locks) await locks.request('alongside-outbox', () => replay(client));
      else await replay(client);
      await sendKeptForTheBox(client);
    } finally {
      running = null;
      scheduleRetry(client);
    }
  })();
  return running;
}

/**
 * Drawings, voice notes and entries' photos kept on this phone with no signal go to the memory box
 * or their entry too, at the same
 * moments (they are not outbox entries: each is a change by itself, and child mode sends its own).
 */
async function sendKeptForTheBox(client: QueryClient): Promise<void> {
  const session = client.getQueryData<SessionResponse | null>(keys.session);
  if (!session) return;
  if ((await sendWaitingUploads(session.member.id)) > 0) {
    void client.invalidateQueries({ queryKey: ['memory-box'] });
    void client.invalidateQueries({ queryKey: ['journal'] });
  }
}

/** After a replay that stopped with changes waiting, tries again a little later, then less often. */
function scheduleRetry(client: QueryClient): void {
  if (status.stopped === null || outboxState().waiting.length === 0) {
    retry = { timer: undefined, failures: 0 };
    return;
  }
  const delay = RETRY_MS[Math.min(retry.failures, RETRY_MS.length - 1)]!;
  retry = {
    failures: retry.failures + 1,
    // With no network at all, the `online` event starts the next replay instead.
    timer: window.setTimeout(() => {
      if (navigator.onLine) void flushOutbox(client);
    }, delay),
  };
}

async function replay(client: QueryClient): Promise<void> {
  // Another tab may have sent some meanwhile.
  reloadOutbox();
  if (outboxState().waiting.length === 0) return setStatus({ sending: false, stopped: null });
  setStatus({ sending: true, stopped: status.stopped });
  let stopped: SyncStatus['stopped'] = null;
  let saved = 0;
  try {
    // The session as it is now: its CSRF token is the one the server will check.
    const session = await fetchSession();
    if (!session) return;
    rememberSession(client, session);
    for (;;) {
      const next: Waiting | undefined = waitingOf(session.member.id)[0];
      if (!next) break;
      try {
        apply(client, next.change, await send(next.change, next.madeAt));
        drop(next.id);
        saved += 1;
      } catch (error) {
        // Already undone on the server (by someone else, or by an earlier replay): nothing to do.
        if (next.change.kind === 'unconfirm' && isApiError(error) && error.status === 404) {
          drop(next.id);
          continue;
        }
        // The server took it; only its answer could not be read (a page older than the server, or
        // an answer that broke its contract): saved, and the screen reads it again below.
        if (isApiError(error) && error.status >= 200 && error.status < 300) {
          drop(next.id);
          saved += 1;
          continue;
        }
        if (isPassing(error)) {
          stopped = isApiError(error) && error.status === 0 ? 'offline' : 'server';
          break;
        }
        // The server will never take this one (the item was removed meanwhile, say): tell, go on.
        dropNotSaved(next, `${next.change.label}: ${isApiError(error) ? error.message : 'not saved.'}`);
        // A photo already sent is kept in the family's photos; the phone need not hold it too.
        if (next.change.kind === 'ritualMark' && next.change.photoKey)
          await forgetUploadIfSent(next.change.photoKey);
      }
    }
  } catch (error) {
    stopped = isApiError(error) && error.status !== 0 ? 'server' : 'offline';
  } finally {
    setStatus({ sending: false, stopped });
    // Summaries (progress, trips list) follow from what was saved.
    if (saved > 0) void client.invalidateQueries({ queryKey: keys.trips });
  }
}

/**
 * Sends a change at once when there is signal and nothing older waits; otherwise keeps it in the
 * outbox (so changes reach the server in the order they were made). Errors other than "no signal"
 * are thrown, for the screen to show as it always does.
 */
export async function sendOrKeep(
  client: QueryClient,
  memberId: string,
  change: Change,
): Promise<'saved' | 'kept'> {
  // The moment of the tap, kept with the change should it have to wait for signal.
  const madeAt = new Date().toISOString();
  if (navigator.onLine && waitingOf(memberId).length === 0) {
    try {
      apply(client, change, await send(change, madeAt, true));
      return 'saved';
    } catch (error) {
      if (!(isApiError(error) && error.status === 0)) throw error;
    }
  }
  keep(memberId, change, madeAt);
  if (navigator.onLine) void flushOutbox(client);
  return 'kept';
}

/** Starts sending on app start and whenever signal returns; returns the way to stop. */
export function startOutbox(client: QueryClient): () => void {
  const flush = () => void flushOutbox(client);
  const onVisible = () => {
    if (document.visibilityState === 'visible') flush();
  };
  window.addEventListener('online', flush);
  document.addEventListener('visibilitychange', onVisible);
  flush();
  return () => {
    window.removeEventListener('online', flush);
    document.removeEventListener('visibilitychange', onVisible);
    window.clearTimeout(retry.timer);
  };
}

// ---- for the screens ---------------------------------------------------------------------------

const subscribeStatus = (listener: () => void) => {
  statusListeners.add(listener);
  return () => void statusListeners.delete(listener);
};

/** The outbox as the screens need it: this member's waiting changes, and how sending goes. */
export function useOutbox(memberId: string) {
  const state = useSyncExternalStore(subscribeOutbox, outboxState);
  const sync = useSyncExternalStore(subscribeStatus, () => status);
  return {
    waiting: state.waiting.filter((w) => w.memberId === memberId),
    notSaved: state.notSaved.filter((n) => n.memberId === memberId),
    ...sync,
  };
}

const subscribeOnline = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

/** Whether the device says it has a network. */
export const useOnline = (): boolean => useSyncExternalStore(subscribeOnline, () => navigator.onLine);
