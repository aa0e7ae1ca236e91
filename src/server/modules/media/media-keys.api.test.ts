import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, MediaUsage } from '../../../contracts/media.js';
import type { Client } from '../../test/app.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createFamily, type Family } from '../../test/factories.js';
import { jpegWithGps } from '../../test/images.js';

// An upload sent again keeps one photo (issue 12: a photo chosen offline is sent once). A phone's
// upload queue sends each photo with its own Idempotency-Key; a retry after a lost answer, or two
// retries racing each other, answer the photo the key first made and store nothing twice.

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await buildTestApp();
  family = await createFamily(t.app);
});
afterAll(() => t.close());

const send = (client: Client, photo: Buffer, key?: string) =>
  client.request({
    method: 'POST',
    url: '/api/media',
    payload: photo,
    headers: { 'content-type': 'image/jpeg', ...(key !== undefined && { 'idempotency-key': key }) },
  });
const idOf = (response: { json: <T>() => T }) => response.json<{ media: MediaItem }>().media.id;
const listed = async (client: Client) =>
  (await client.get('/api/media')).json<{ media: MediaItem[] }>().media.map((m) => m.id);
const used = async (client: Client) => (await client.get('/api/media/usage')).json<MediaUsage>().usedBytes;

describe('an upload sent again with its key', () => {
  it('answers the same photo, and stores nothing twice', async () => {
    const photo = await jpegWithGps(320, 240);
    const key = randomUUID();
    const first = await send(family.client, photo, key);
    expect(first.statusCode).toBe(201);
    const [before, bytesBefore] = [await listed(family.client), await used(family.client)];

    const again = await send(family.client, photo, key);
    expect(again.statusCode).toBe(201);
    expect(idOf(again)).toBe(idOf(first));
    expect(await listed(family.client)).toEqual(before);
    expect(await used(family.client)).toBe(bytesBefore);
  });

  it('keeps one photo when two retries with the same key arrive at once', async () => {
    const photo = await jpegWithGps(800, 600);
    const key = randomUUID();
    const before = await listed(family.client);
    const answers = await Promise.all([0, 1, 2].map(() => send(family.client, photo, key)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const ids = new Set(answers.map(idOf));
    expect(ids.size).toBe(1);
    const after = await listed(family.client);
    expect(after.length).toBe(before.length + 1);
    expect(after).toContain([...ids][0]);
  });

  it('makes a new photo for each new key, and for no key at all', async () => {
    const photo = await jpegWithGps(200, 150);
    const a = await send(family.client, photo, randomUUID());
    const b = await send(family.client, photo, randomUUID());
    const c = await send(family.client, photo);
    expect(new Set([idOf(a), idOf(b), idOf(c)]).size).toBe(3);
  });

  it('refuses the same key with another photo, and keeps the first', async () => {
    const key = randomUUID();
    const first = await send(family.client, await jpegWithGps(100, 100), key);
    const before = await listed(family.client);
    const other = await send(family.client, await jpegWithGps(120, 100), key);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toMatch(/already used for another photo/);
    expect(await listed(family.client)).toEqual(before);
    expect((await family.client.get(`/api/media/${idOf(first)}`)).statusCode).toBe(200);
  });

  it('refuses a malformed key by name, and stores nothing', async () => {
    const before = await listed(family.client);
    for (const key of ['short', 'has spaces in it, sixteen+', 'x'.repeat(129), '<script>alert(1)</script>']) {
      const response = await send(family.client, await jpegWithGps(64, 64), key);
      expect(response.statusCode, key).toBe(400);
      expect(response.json().error.fields['Idempotency-Key']).toBeTruthy();
    }
    expect(await listed(family.client)).toEqual(before);
  });

  it("keeps keys per family: another family's same key makes its own photo", async () => {
    const other = await createFamily(t.app);
    const photo = await jpegWithGps(90, 90);
    const key = randomUUID();
    const ours = idOf(await send(family.client, photo, key));
    const theirs = await send(other.client, photo, key);
    expect(theirs.statusCode).toBe(201);
    expect(idOf(theirs)).not.toBe(ours);
    expect(await listed(other.client)).toEqual([idOf(theirs)]);
  });

  it('stores the key only as its hash', async () => {
    const key = randomUUID();
    const id = idOf(await send(family.client, await jpegWithGps(70, 70), key));
    const rows = await t.container.db.kysely
      .selectFrom('media_upload_keys')
      .selectAll()
      .where('media_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it('makes the photo afresh when the one its key made was removed', async () => {
    const photo = await jpegWithGps(60, 60);
    const key = randomUUID();
    const first = idOf(await send(family.client, photo, key));
    expect((await family.client.delete(`/api/media/${first}`)).statusCode).toBe(204);
    const again = await send(family.client, photo, key);
    expect(again.statusCode).toBe(201);
    expect(idOf(again)).not.toBe(first);
  });
});
