import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry, EntryPhoto, JournalResponse } from '../../../contracts/journal.js';
import { newId } from '../../secrets.js';
import { buildTestApp, type Client, type TestApp } from '../../test/app.js';
import { addMember, childMode, createFamily, type Family } from '../../test/factories.js';
import { jpegWithGps } from '../../test/images.js';
import { populateFamily, ROUTE_TABLE_TIMEOUT_MS, type ResourceIds } from '../../test/populate.js';

// Photos on journal entries, on the real server and database (both): a photo is as private as its
// entry. While the entry is its writer's alone, no one else reaches the photo through any route of
// the server (the route table is walked, media's routes, panels and lists among them); shared, the
// family's adults see it and only the writer changes it; a teen, a viewer and child mode never do.
// Deleting the entry deletes its photos.

let t: TestApp;
let owner: Family;
let adult: Family;
let teen: Family;
let viewer: Family;
let other: Family;
let phone: Client;
let ids: ResourceIds;

beforeAll(async () => {
  t = await buildTestApp();
  owner = await createFamily(t.app, { displayName: 'Olive' });
  ids = await populateFamily(owner, 'Jack', t.container.db.kysely);
  adult = await addMember(t.app, t.container.db.kysely, owner, 'adult', 'Sam');
  teen = await addMember(t.app, t.container.db.kysely, owner, 'child', 'Teo');
  viewer = await addMember(t.app, t.container.db.kysely, owner, 'viewer', 'Grandma');
  other = await createFamily(t.app, { displayName: 'Bea' });
  phone = (await childMode(t.app, t.container.db.kysely, owner, { childProfileId: ids.childProfileId! }))
    .client;
});
afterAll(() => t.close());

const write = async (client: Client, text: string) => {
  const response = await client.post(`/api/loved-ones/${ids.lovedOneId}/journal`, { kind: 'entry', text });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ entry: Entry }>().entry;
};
const addPhoto = async (client: Client, entryId: string, key?: string, photo?: Buffer) =>
  client.request({
    method: 'POST',
    url: `/api/journal-entries/${entryId}/photos`,
    payload: photo ?? (await jpegWithGps(320, 240)),
    headers: { 'content-type': 'image/jpeg', ...(key && { 'idempotency-key': key }) },
  });
const photoOf = (response: { statusCode: number; body: string; json: <T>() => T }) => {
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ photo: EntryPhoto }>().photo;
};
const entryIn = async (client: Client, entryId: string) =>
  (await client.get(`/api/loved-ones/${ids.lovedOneId}/journal`))
    .json<JournalResponse>()
    .entries.find((e) => e.id === entryId);
const photoRows = (entryId: string) =>
  t.container.db.kysely
    .selectFrom('journal_entry_photos')
    .select('id')
    .where('entry_id', '=', entryId)
    .execute();

describe('a photo on a private entry', () => {
  let entry: Entry;
  let photo: EntryPhoto;
  let bytes: Buffer;

  beforeAll(async () => {
    entry = await write(owner.client, 'The beach where we took Jack. Only for me.');
    photo = photoOf(await addPhoto(owner.client, entry.id));
    bytes = (await owner.client.get(photo.url)).rawPayload;
  });

  it('is re-encoded with no location, and shown with its entry to its writer', async () => {
    expect(photo).toMatchObject({ width: 320, height: 240 });
    const kept = await sharp(bytes).metadata();
    expect(kept.exif).toBeUndefined();
    expect(kept.format).toBe('jpeg');
    const thumbnail = await owner.client.get(photo.thumbnailUrl);
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['cache-control']).toContain('private');
    expect((await entryIn(owner.client, entry.id))?.photos.map((p) => p.id)).toEqual([photo.id]);
  });

  it('is counted in the family’s room, yet no media route lists or serves it, even to its writer', async () => {
    const room = await owner.client.get('/api/media/usage');
    expect(room.statusCode).toBe(200);
    expect(room.json<{ usedBytes: number }>().usedBytes).toBeGreaterThan(bytes.length);
    for (const client of [owner.client, adult.client, teen.client, viewer.client]) {
      const list = await client.get('/api/media');
      expect(list.body).not.toContain(photo.id);
      for (const path of ['', '/file', '/thumbnail'])
        // Not found, or refused to a role that reads no photos at all.
        expect([403, 404]).toContain((await client.get(`/api/media/${photo.id}${path}`)).statusCode);
    }
  });

  it('is not found by another adult, refused to a teen, a viewer and child mode, and unknown to another family', async () => {
    for (const url of [photo.url, photo.thumbnailUrl]) {
      expect((await adult.client.get(url)).statusCode).toBe(404);
      expect((await other.client.get(url)).statusCode).toBe(404);
      for (const client of [teen.client, viewer.client, phone])
        expect((await client.get(url)).statusCode).toBe(403);
    }
    expect((await adult.client.delete(`/api/journal-photos/${photo.id}`)).statusCode).toBe(404);
    expect((await addPhoto(adult.client, entry.id)).statusCode).toBe(404);
    expect((await addPhoto(other.client, entry.id)).statusCode).toBe(404);
    expect(await photoRows(entry.id)).toHaveLength(1);
  });

  it(
    'appears through no route of the server to anyone else (the whole route table, as every other member)',
    { timeout: ROUTE_TABLE_TIMEOUT_MS },
    async () => {
      const filled: ResourceIds = { ...ids, entryId: entry.id, journalPhotoId: photo.id };
      const fill = (url: string) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => filled[name] ?? name);
      const gets = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
      expect(gets.length).toBeGreaterThan(40);
      let answered = 0;
      for (const route of gets)
        for (const client of route.access === 'childMode.use'
          ? [phone]
          : [adult.client, teen.client, viewer.client]) {
          const response = await client.get(fill(route.url));
          if (response.statusCode !== 200) continue;
          answered += 1;
          expect(response.body, `GET ${route.url}`).not.toContain(photo.id);
          expect(response.rawPayload.equals(bytes), `GET ${route.url}`).toBe(false);
        }
      expect(answered).toBeGreaterThan(40);
    },
  );

  it('is seen by the family’s adults once its entry is shared, and hidden again when it is taken back', async () => {
    expect(
      (await owner.client.put(`/api/journal-entries/${entry.id}/sharing`, { shared: true })).statusCode,
    ).toBe(200);
    expect((await entryIn(adult.client, entry.id))?.photos.map((p) => p.id)).toEqual([photo.id]);
    const seen = await adult.client.get(photo.url);
    expect(seen.statusCode).toBe(200);
    expect(seen.rawPayload.equals(bytes)).toBe(true);
    for (const client of [teen.client, viewer.client, phone])
      expect((await client.get(photo.url)).statusCode).toBe(403);
    // Shared, it is still only its writer's to change.
    expect((await adult.client.delete(`/api/journal-photos/${photo.id}`)).statusCode).toBe(404);
    expect((await addPhoto(adult.client, entry.id)).statusCode).toBe(404);
    expect((await adult.client.get('/api/media')).body).not.toContain(photo.id);

    expect(
      (await owner.client.put(`/api/journal-entries/${entry.id}/sharing`, { shared: false })).statusCode,
    ).toBe(200);
    expect(await entryIn(adult.client, entry.id)).toBeUndefined();
    expect((await adult.client.get(photo.url)).statusCode).toBe(404);
  });
});

describe('adding and removing photos', () => {
  it('keeps one photo per upload key, however often it is sent', async () => {
    const entry = await write(owner.client, 'Sent twice from the car park.');
    const key = `entry-photo-${newId()}`;
    const picture = await jpegWithGps(200, 150);
    const first = photoOf(await addPhoto(owner.client, entry.id, key, picture));
    const again = photoOf(await addPhoto(owner.client, entry.id, key, picture));
    expect(again.id).toBe(first.id);
    expect(await photoRows(entry.id)).toHaveLength(1);
    // The same key with another photo is refused: the phone meant another one.
    expect((await addPhoto(owner.client, entry.id, key, await jpegWithGps(100, 80))).statusCode).toBe(409);
  });

  it('refuses what is not a photo, in words', async () => {
    const entry = await write(owner.client, 'Not a photo.');
    const response = await owner.client.request({
      method: 'POST',
      url: `/api/journal-entries/${entry.id}/photos`,
      payload: Buffer.from('not a picture at all'),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(await photoRows(entry.id)).toHaveLength(0);
  });

  it('removes one photo, and deleting the entry deletes the rest', async () => {
    const entry = await write(owner.client, 'Two photos from the lake.');
    const one = photoOf(await addPhoto(owner.client, entry.id));
    const two = photoOf(await addPhoto(owner.client, entry.id));
    expect((await entryIn(owner.client, entry.id))?.photos.map((p) => p.id)).toEqual([one.id, two.id]);
    expect((await owner.client.delete(`/api/journal-photos/${one.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(one.url)).statusCode).toBe(404);
    expect((await entryIn(owner.client, entry.id))?.photos.map((p) => p.id)).toEqual([two.id]);
    expect((await owner.client.delete(`/api/journal-entries/${entry.id}`)).statusCode).toBe(204);
    expect(await photoRows(entry.id)).toHaveLength(0);
    expect((await owner.client.get(two.url)).statusCode).toBe(404);
  });
});
