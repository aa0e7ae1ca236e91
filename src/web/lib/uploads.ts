import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { useEffect, useState } from 'react';
import { mediaLimits, uploadKeyHeader } from '../../contracts/media-limits.js';
import { ApiError, isApiError, send } from './api.js';
import { endpoints, settle } from './client.js';

// The upload queue: photos chosen on this phone, kept in IndexedDB until the server has them
// (localStorage, where the outbox lives, holds about 5 MB: one photo). Each photo gets a random key
// when it is chosen and is always sent with it (`Idempotency-Key`), so however often it is sent (a
// lost answer, a retry, two tabs) the server keeps it once and answers the same photo. A photo stays
// here until what it belongs to (a ritual mark, in the outbox) has been saved with it.

export interface KeptPhoto {
  /** The upload's Idempotency-Key, chosen on this phone. */
  key: string;
  /** Whose photo it is: only that member's session sends it. */
  memberId: string;
  blob: Blob;
  keptAt: string;
  /** The photo the server made of it, once sent. */
  mediaId: string | null;
  /** Why the server would not take it (too large, not a photo, the family's room full), in words. */
  refused: string | null;
}

interface UploadsDb extends DBSchema {
  photos: { key: string; value: KeptPhoto };
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

/** The phone had no room, or will not keep anything (some private windows): said kindly. */
export const NO_ROOM_ON_PHONE =
  'This phone has no room to keep the photo until it can be sent. Nothing else was changed. You can save without the photo, or free some space and choose it again.';

const newKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');

/** Keeps a chosen photo on this phone; answers its key. Says so, naming the photo, if it cannot. */
export async function keepPhoto(memberId: string, file: Blob): Promise<string> {
  const photo: KeptPhoto = {
    key: newKey(),
    memberId,
    blob: file,
    keptAt: new Date().toISOString(),
    mediaId: null,
    refused: null,
  };
  try {
    await (await database()).put('photos', photo);
  } catch {
    throw new ApiError(400, 'validation_failed', NO_ROOM_ON_PHONE, { photo: NO_ROOM_ON_PHONE });
  }
  changed();
  return photo.key;
}

export async function keptPhoto(key: string): Promise<KeptPhoto | undefined> {
  try {
    return await (await database()).get('photos', key);
  } catch {
    return undefined;
  }
}

async function update(key: string, change: Partial<KeptPhoto>): Promise<void> {
  const db = await database();
  const photo = await db.get('photos', key);
  if (photo) await db.put('photos', { ...photo, ...change });
  changed();
}

/** Takes a photo off this phone: what it belonged to is saved, or the person let it go. */
export async function forgetPhoto(key: string): Promise<void> {
  try {
    await (await database()).delete('photos', key);
  } finally {
    changed();
  }
}

/** Takes a photo off this phone if the server has it; one it refused stays, with its reason. */
export async function forgetPhotoIfSent(key: string): Promise<void> {
  if ((await keptPhoto(key))?.mediaId) await forgetPhoto(key);
}

/** A failure that will pass: no signal, the server busy or restarting, signed out for now. */
const passing = (error: unknown) =>
  !isApiError(error) ||
  error.status === 0 ||
  error.status === 401 ||
  error.status === 429 ||
  error.status >= 500;

export type Sent = { mediaId: string } | { refused: string } | { missing: true };

/**
 * Sends a kept photo once: answers the photo the server made of it (at once when it was sent
 * before), or why it was refused for good (kept on the phone, with its reason, until the person lets
 * it go). No signal or a server that is down throws, to be tried again later.
 */
export async function sendPhoto(key: string): Promise<Sent> {
  const photo = await keptPhoto(key);
  if (!photo) return { missing: true };
  if (photo.mediaId) return { mediaId: photo.mediaId };
  if (photo.refused) return { refused: photo.refused };
  try {
    const answer = await settle(
      endpoints.media.upload,
      await send('POST', endpoints.media.upload.path, photo.blob, { [uploadKeyHeader]: key }),
    );
    await update(key, { mediaId: answer.media.id });
    return { mediaId: answer.media.id };
  } catch (error) {
    if (passing(error)) throw error;
    const refused = isApiError(error) ? error.message : 'This photo could not be kept.';
    await update(key, { refused });
    return { refused };
  }
}

/** A file the picker can take, or why not (checked again by the server from its bytes). */
export function photoProblem(file: { type: string; size: number }): string | null {
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type))
    return 'That file isn’t a photo Alongside can keep. Please choose a JPEG, PNG or WebP photo.';
  if (file.size > mediaLimits.maxUploadBytes)
    return `That photo is larger than ${mediaLimits.maxUploadBytes / (1024 * 1024)} MB. Please choose a smaller one.`;
  return null;
}

/** This member's photos on this phone: those waiting to be sent, and those the server refused. */
export function useKeptPhotos(memberId: string): { waiting: KeptPhoto[]; refused: KeptPhoto[] } {
  const [photos, setPhotos] = useState<KeptPhoto[]>([]);
  useEffect(() => {
    let live = true;
    const read = () =>
      void database()
        .then((db) => db.getAll('photos'))
        .then(
          (all) => live && setPhotos(all.filter((p) => p.memberId === memberId)),
          () => live && setPhotos([]),
        );
    listeners.add(read);
    read();
    return () => {
      live = false;
      listeners.delete(read);
    };
  }, [memberId]);
  return {
    waiting: photos.filter((p) => !p.mediaId && !p.refused),
    refused: photos.filter((p) => p.refused),
  };
}
