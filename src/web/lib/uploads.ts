import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { mediaLimits, uploadKeyHeader } from '../../contracts/media-limits.js';
import { ApiError, isApiError, send } from './api.js';
import { endpoints, hrefOf, settle } from './client.js';

// The upload queue: files chosen or recorded on this phone (a ritual's photo, a drawing, a voice
// note), kept in IndexedDB until the server has them (localStorage, where the outbox lives, holds
// about 5 MB: one photo). Each gets a random key when it is kept and is always sent with it
// (`Idempotency-Key`), so however often it is sent (a lost answer, a retry, two tabs) the server
// keeps it once and answers the same thing. This is the one way a file leaves the phone.
//
// A ritual's photo stays here until what it belongs to (a ritual mark, in the outbox) has been saved
// with it; the outbox sends it. A drawing, a voice note or a photo on a journal entry is a change by
// itself: it goes to the memory box or its entry, and `sendWaitingUploads` sends it when signal
// returns.

/** Where a kept file goes: the family's photos, a loved one's memory box, or a journal entry. */
export type UploadTarget =
  | { kind: 'photo' }
  | { kind: 'drawing'; lovedOneId: string }
  | { kind: 'voice'; lovedOneId: string }
  | { kind: 'entryPhoto'; entryId: string };

export interface KeptUpload {
  /** The upload's Idempotency-Key, chosen on this phone. */
  key: string;
  /**
   * Whose it is: only that session sends it. A member's id, or `child:<id>` for a child in child
   * mode (the server labels a drawing with whoever sends it, so a child's waits for the child).
   */
  memberId: string;
  blob: Blob;
  keptAt: string;
  target: UploadTarget;
  /** What the server made of it, once sent: the photo's id, or the memory box item's. */
  savedId: string | null;
  /** Why the server would not take it (too large, not a photo, the family's room full), in words. */
  refused: string | null;
}

/** As kept by phones before the memory box used the queue: every one a ritual’s photo. */
export type Stored = Omit<KeptUpload, 'target' | 'savedId'> & {
  target?: UploadTarget;
  savedId?: string | null;
  mediaId?: string | null;
};

const PHOTO: UploadTarget = { kind: 'photo' };

/** A kept file as this code reads it, whichever version of the app kept it. */
export const fromStored = ({ mediaId, ...stored }: Stored): KeptUpload => ({
  ...stored,
  target: stored.target ?? PHOTO,
  savedId: stored.savedId ?? mediaId ?? null,
});

interface UploadsDb extends DBSchema {
  /** Named when it held only photos; it holds every kept file (a phone's existing ones stay). */
  photos: { key: string; value: Stored };
}

let opened: Promise<IDBPDatabase<UploadsDb>> | null = null;
const database = () =>
  (opened ??= openDB<UploadsDb>('alongside-uploads', 1, {
    upgrade(db) {
      db.createObjectStore('photos', { keyPath: 'key' });
    },
  }));

const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Calls `listener` whenever a kept file is added, sent, refused or taken off; answers the way to stop. */
export function onKeptChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Every file kept on this phone, or none when the phone keeps nothing (some private windows). */
export async function allKept(): Promise<KeptUpload[]> {
  try {
    return (await (await database()).getAll('photos')).map(fromStored);
  } catch {
    return [];
  }
}

/** The phone had no room, or will not keep anything (some private windows): said kindly. */
export const NO_ROOM_ON_PHONE =
  'This phone has no room to keep the photo until it can be sent. Nothing else was changed. You can save without the photo, or free some space and choose it again.';

const newKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Keeps a file on this phone; answers its key. Says so, naming the field, if it cannot. */
export async function keepUpload(
  memberId: string,
  file: Blob,
  target: UploadTarget = PHOTO,
  noRoom = NO_ROOM_ON_PHONE,
): Promise<string> {
  const upload: KeptUpload = {
    key: newKey(),
    memberId,
    blob: file,
    keptAt: new Date().toISOString(),
    target,
    savedId: null,
    refused: null,
  };
  try {
    await (await database()).put('photos', upload);
  } catch {
    const field = target.kind === 'photo' ? 'photo' : 'file';
    throw new ApiError(400, 'validation_failed', noRoom, { [field]: noRoom });
  }
  changed();
  return upload.key;
}

export async function keptUpload(key: string): Promise<KeptUpload | undefined> {
  try {
    const stored = await (await database()).get('photos', key);
    return stored && fromStored(stored);
  } catch {
    return undefined;
  }
}

async function update(key: string, change: Partial<KeptUpload>): Promise<void> {
  const db = await database();
  const stored = await db.get('photos', key);
  if (stored) await db.put('photos', { ...fromStored(stored), ...change });
  changed();
}

/** Takes a file off this phone: what it belonged to is saved, or the person let it go. */
export async function forgetUpload(key: string): Promise<void> {
  try {
    await (await database()).delete('photos', key);
  } finally {
    changed();
  }
}

/** Takes a file off this phone if the server has it; one it refused stays, with its reason. */
export async function forgetUploadIfSent(key: string): Promise<void> {
  if ((await keptUpload(key))?.savedId) await forgetUpload(key);
}

/** A failure that will pass: no signal, the server busy or restarting, signed out for now. */
const passing = (error: unknown) =>
  !isApiError(error) ||
  error.status === 0 ||
  error.status === 401 ||
  error.status === 429 ||
  error.status >= 500;

/** Sends a file to where it goes, with its key; answers the id of what the server made of it. */
async function post(upload: KeptUpload): Promise<string> {
  const headers = { [uploadKeyHeader]: upload.key };
  const { target } = upload;
  if (target.kind === 'photo') {
    const { path } = endpoints.media.upload;
    return (await settle(endpoints.media.upload, await send('POST', path, upload.blob, headers))).media.id;
  }
  if (target.kind === 'entryPhoto') {
    const endpoint = endpoints.journal.addPhoto;
    const path = hrefOf(endpoint, { params: { entryId: target.entryId } });
    return (await settle(endpoint, await send('POST', path, upload.blob, headers))).photo.id;
  }
  const endpoint =
    target.kind === 'drawing' ? endpoints.memoryBox.addDrawing : endpoints.memoryBox.addVoiceNote;
  const path = hrefOf(endpoint, { params: { lovedOneId: target.lovedOneId } });
  return (await settle(endpoint, await send('POST', path, upload.blob, headers))).item.id;
}

export type Sent = { savedId: string } | { refused: string } | { missing: true };

/**
 * Sends a kept file once: answers what the server made of it (at once when it was sent before), or
 * why it was refused for good (kept on the phone, with its reason, until the person lets it go). No
 * signal or a server that is down throws, to be tried again later.
 */
export async function sendUpload(key: string): Promise<Sent> {
  const upload = await keptUpload(key);
  if (!upload) return { missing: true };
  if (upload.savedId) return { savedId: upload.savedId };
  if (upload.refused) return { refused: upload.refused };
  try {
    const savedId = await post(upload);
    await update(key, { savedId });
    return { savedId };
  } catch (error) {
    if (passing(error)) throw error;
    const refused = isApiError(error) ? error.message : 'This could not be kept.';
    await update(key, { refused });
    return { refused };
  }
}

/** A drawing, a voice note or an entry's photo: a change by itself, sent by `sendWaitingUploads`. */
export const goesToTheBox = (upload: KeptUpload) => upload.target.kind !== 'photo';

let sending: Promise<number> | null = null;

/**
 * Sends this person's drawings and voice notes waiting on this phone, oldest first, and takes each
 * off the phone once the memory box has it; one the server refuses stays, with its reason. Stops at
 * the first that cannot go now (no signal). Answers how many were saved. One run at a time, across
 * tabs too (Web Locks); the key makes a file sent twice anyway count once.
 */
export function sendWaitingUploads(memberId: string): Promise<number> {
  sending ??= (async () => {
    const run = async () => {
      let saved = 0;
      const waiting = (await allKept())
        .filter((u) => u.memberId === memberId && goesToTheBox(u) && !u.refused)
        .sort((a, b) => a.keptAt.localeCompare(b.keptAt));
      for (const upload of waiting) {
        const sent = await sendUpload(upload.key).catch(() => null);
        if (!sent) break;
        if ('savedId' in sent) {
          await forgetUpload(upload.key);
          saved += 1;
        }
      }
      return saved;
    };
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      return await (locks ? locks.request('alongside-uploads', run) : run());
    } catch {
      return 0;
    } finally {
      sending = null;
    }
  })();
  return sending;
}

/**
 * Keeps a drawing, a voice note or an entry's photo on this phone and sends it at once if there is
 * signal: answers 'saved' (in the memory box, or on the entry), or 'kept' on this phone until signal
 * returns. A refusal (not a photo,
 * too long, the family's room full) is thrown for the screen to show, and nothing stays on the phone.
 */
export async function addToBox(memberId: string, file: Blob, target: UploadTarget, noRoom: string) {
  const key = await keepUpload(memberId, file, target, noRoom);
  let sent: Sent;
  try {
    sent = await sendUpload(key);
  } catch {
    return 'kept' as const;
  }
  await forgetUpload(key);
  if ('refused' in sent) throw new ApiError(400, 'validation_failed', sent.refused, { file: sent.refused });
  return 'saved' as const;
}

/** A file the picker can take, or why not (checked again by the server from its bytes). */
export function photoProblem(file: { type: string; size: number }): string | null {
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type))
    return 'That file isn’t a photo Alongside can keep. Please choose a JPEG, PNG or WebP photo.';
  if (file.size > mediaLimits.maxUploadBytes)
    return `That photo is larger than ${mediaLimits.maxUploadBytes / (1024 * 1024)} MB. Please choose a smaller one.`;
  return null;
}
