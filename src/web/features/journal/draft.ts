// A draft of what is being written, kept on this phone as it is typed, so a letter is not lost to
// a closed tab, a flat battery or a session that ended mid-sentence. Keyed by the member, so another
// person signed in on the same phone is never shown it; removed once saved, and every draft goes
// when the member signs out on purpose (session.tsx), since a private letter should not stay behind.

const PREFIX = 'alongside-journal-draft:';

export interface Draft {
  kind: 'entry' | 'letter';
  title: string;
  text: string;
  writtenFor: string;
}

const keyOf = (memberId: string, lovedOneId: string, entryId: string | undefined) =>
  `${PREFIX}${memberId}:${lovedOneId}:${entryId ?? 'new'}`;

/** Storage can be missing or refuse (private browsing, a full disk): a draft is then not kept. */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readDraft(memberId: string, lovedOneId: string, entryId?: string): Draft | null {
  const raw = storage()?.getItem(keyOf(memberId, lovedOneId, entryId));
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Draft>;
    if (typeof value.text !== 'string') return null;
    return {
      kind: value.kind === 'entry' ? 'entry' : 'letter',
      title: typeof value.title === 'string' ? value.title : '',
      text: value.text,
      writtenFor: typeof value.writtenFor === 'string' ? value.writtenFor : '',
    };
  } catch {
    return null;
  }
}

export function keepDraft(memberId: string, lovedOneId: string, entryId: string | undefined, draft: Draft) {
  try {
    storage()?.setItem(keyOf(memberId, lovedOneId, entryId), JSON.stringify(draft));
  } catch {
    // Full or refused: the text is still on the screen, and the save still sends it.
  }
}

export function dropDraft(memberId: string, lovedOneId: string, entryId?: string) {
  storage()?.removeItem(keyOf(memberId, lovedOneId, entryId));
}

/** Every journal draft on this phone, for signing out on purpose. */
export function dropAllDrafts() {
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (k): k is string => k !== null && k.startsWith(PREFIX),
  );
  for (const key of keys) store.removeItem(key);
}
