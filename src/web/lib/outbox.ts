// The outbox: ticks and confirmations made with no signal, kept on this device until the server
// has them. Each change is an absolute state ("Jack's box is packed", never "toggle it"), keyed by
// what it is about, so a later change to the same thing replaces the earlier one and replaying a
// change the server already has does nothing. Kept in localStorage, so a reload, a closed tab or a
// flat battery loses nothing; other tabs see the same outbox through the storage event.

export type Change =
  | {
      kind: 'checklist';
      tripId: string;
      itemId: string;
      checked: boolean;
      /** A travelling keepsake is never unticked without the person saying so, offline too. */
      confirmUntick: boolean;
      label: string;
    }
  | { kind: 'rule'; tripId: string; key: string; ticked: boolean; label: string }
  | {
      kind: 'confirm';
      tripId: string;
      checkId: string;
      tripKeepsakeId: string;
      travellerId: string;
      travellerName: string;
      label: string;
    }
  | {
      /** A ritual card marked done or "not today" (added in issue 12; earlier entries are unchanged). */
      kind: 'ritualMark';
      tripId: string | null;
      ritualId: string;
      occurrenceKey: string;
      outcome: 'done' | 'not_today';
      tookPart: string;
      line: string;
      /** A photo kept in the upload queue (uploads.ts) by its key: sent first, then named in the mark. */
      photoKey: string | null;
      label: string;
    }
  | {
      kind: 'unconfirm';
      tripId: string;
      checkId: string;
      tripKeepsakeId: string;
      travellerId: string;
      confirmationId: string;
      label: string;
    };

export interface Waiting {
  id: string;
  /** Whose change it is: only that member's session sends it. */
  memberId: string;
  /** When the person made it (tapped), not when it was sent: a confirmation is recorded at this. */
  madeAt: string;
  change: Change;
}

/** A change the server refused for good (the item was removed meanwhile, say): told, not hidden. */
export interface NotSaved {
  id: string;
  memberId: string;
  text: string;
}

export interface OutboxState {
  waiting: Waiting[];
  notSaved: NotSaved[];
}

export const itemKey = (itemId: string) => `checklist:${itemId}`;
export const ritualMarkKey = (ritualId: string, occurrenceKey: string) =>
  `ritual:${ritualId}:${occurrenceKey}`;
export const ruleKey = (tripId: string, key: string) => `rule:${tripId}:${key}`;
export const confirmKey = (checkId: string, tripKeepsakeId: string, travellerId: string) =>
  `confirm:${checkId}:${tripKeepsakeId}:${travellerId}`;

/** What a change is about: two changes with the same key are about the same thing. */
export function keyOf(change: Change): string {
  switch (change.kind) {
    case 'checklist':
      return itemKey(change.itemId);
    case 'rule':
      return ruleKey(change.tripId, change.key);
    case 'ritualMark':
      return ritualMarkKey(change.ritualId, change.occurrenceKey);
    case 'confirm':
    case 'unconfirm':
      return confirmKey(change.checkId, change.tripKeepsakeId, change.travellerId);
  }
}

/** The waiting change about this thing, if there is one. */
export const waitingAbout = (waiting: readonly Waiting[], key: string): Waiting | undefined =>
  waiting.find((w) => keyOf(w.change) === key);

/**
 * The outbox after one more change. A change replaces an earlier one about the same thing, and goes
 * to the end of the line. A confirmation and its undo cancel out: the server already holds the state
 * the person wants, so neither needs sending.
 */
export function withChange(waiting: readonly Waiting[], next: Waiting): Waiting[] {
  const key = keyOf(next.change);
  const earlier = waiting.find((w) => w.memberId === next.memberId && keyOf(w.change) === key);
  const rest = earlier ? waiting.filter((w) => w !== earlier) : [...waiting];
  const cancels =
    earlier &&
    ((earlier.change.kind === 'confirm' && next.change.kind === 'unconfirm') ||
      (earlier.change.kind === 'unconfirm' && next.change.kind === 'confirm'));
  return cancels ? rest : [...rest, next];
}

// ---- the store ---------------------------------------------------------------------------------

const STORAGE_KEY = 'alongside-outbox-v1';
const empty: OutboxState = { waiting: [], notSaved: [] };
/** False once storage has failed (private mode, full): the outbox then lives as long as the page. */
let storageWorks = typeof localStorage !== 'undefined';

/** The stored text `state` was last read from or written as, so an unchanged outbox stays the same. */
let lastRaw: string | null = null;

function read(): OutboxState {
  if (!storageWorks) return state;
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === lastRaw) return state;
    lastRaw = raw;
    if (!raw) return empty;
    const parsed = JSON.parse(raw) as Partial<OutboxState>;
    return {
      waiting: Array.isArray(parsed.waiting) ? parsed.waiting : [],
      notSaved: Array.isArray(parsed.notSaved) ? parsed.notSaved : [],
    };
  } catch {
    return state;
  }
}

let state: OutboxState = empty;
state = read();
const listeners = new Set<() => void>();

function write(next: OutboxState): void {
  state = next;
  if (storageWorks) {
    try {
      if (next.waiting.length === 0 && next.notSaved.length === 0) {
        localStorage.removeItem(STORAGE_KEY);
        lastRaw = null;
      } else {
        lastRaw = JSON.stringify(next);
        localStorage.setItem(STORAGE_KEY, lastRaw);
      }
    } catch {
      storageWorks = false;
    }
  }
  listeners.forEach((listener) => listener());
}

/** Reads the outbox again from storage: another tab may have changed it. */
export function reloadOutbox(): void {
  const next = read();
  if (next === state) return;
  state = next;
  listeners.forEach((listener) => listener());
}

const onStorage = (event: StorageEvent) => {
  if (event.key === STORAGE_KEY || event.key === null) reloadOutbox();
};

/** Calls `listener` whenever the outbox changes, in this tab or another one. */
export function subscribeOutbox(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

export const outboxState = (): OutboxState => state;

const newId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Keeps a change on this device until it can be sent, with the moment it was made. */
export function keep(memberId: string, change: Change, madeAt: string = new Date().toISOString()): void {
  const current = read();
  const entry: Waiting = { id: newId(), memberId, madeAt, change };
  write({ ...current, waiting: withChange(current.waiting, entry) });
}

/** Takes a change out of the outbox: it was saved, or it is no longer wanted. */
export function drop(id: string): void {
  const current = read();
  write({ ...current, waiting: current.waiting.filter((w) => w.id !== id) });
}

/** Takes a change out and remembers, in words, that the server would not take it. */
export function dropNotSaved(entry: Waiting, text: string): void {
  const current = read();
  write({
    waiting: current.waiting.filter((w) => w.id !== entry.id),
    notSaved: [...current.notSaved, { id: entry.id, memberId: entry.memberId, text }],
  });
}

export function dismissNotSaved(id: string): void {
  const current = read();
  write({ ...current, notSaved: current.notSaved.filter((n) => n.id !== id) });
}

export const waitingOf = (memberId: string, s: OutboxState = state): Waiting[] =>
  s.waiting.filter((w) => w.memberId === memberId);
