import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../contracts/media.js';
import type { MemoryBoxResponse, MemoryItem } from '../../../contracts/memory-box.js';
import { buildTestApp, type Client, type TestApp } from '../../test/app.js';
import { childMode, createFamily, createLovedOne, type Family } from '../../test/factories.js';
import { jpegWithGps } from '../../test/images.js';

// A drawing or a voice note added with no signal waits on the phone and is sent when signal returns,
// perhaps more than once (a lost answer, two tabs, the queue replaying). Sent with its
// Idempotency-Key, every try answers the item the key first made: one item, one picture, one
// recording, and the family's room counted once.

let t: TestApp;
let family: Family;
let phone: Client;
let jackId: string;

beforeAll(async () => {
  t = await buildTestApp();
  family = await createFamily(t.app, { displayName: 'Olive' });
  jackId = (await createLovedOne(family.client, { name: 'Jack' })).id;
  const made = await family.client.post('/api/child-profiles', { displayName: 'Mia' });
  const miaId = made.json<{ profiles: Array<{ id: string }> }>().profiles[0]!.id;
  phone = (await childMode(t.app, t.container.db.kysely, family, { childProfileId: miaId })).client;
});
afterAll(() => t.close());

const recording = readFileSync(new URL('./test-audio/voice-2s.webm', import.meta.url));

const send = (client: Client, what: 'drawings' | 'voice-notes', bytes: Buffer, key?: string) =>
  client.request({
    method: 'POST',
    url: `/api/loved-ones/${jackId}/memory-box/${what}`,
    payload: bytes,
    headers: {
      'content-type': what === 'drawings' ? 'image/jpeg' : 'audio/webm',
      ...(key !== undefined && { 'idempotency-key': key }),
    },
  });
const itemOf = (response: { json: <T>() => T }) => response.json<{ item: MemoryItem }>().item;
const items = async () => (await family.client.get('/api/memory-box')).json<MemoryBoxResponse>().items;
const drawingsInMedia = async () =>
  (await family.client.get('/api/media'))
    .json<{ media: MediaItem[] }>()
    .media.filter((m) => m.kind === 'drawing');

describe('a drawing sent again with its key', () => {
  it('answers the same item, with one picture, from child mode as from a parent', async () => {
    const drawing = await jpegWithGps(320, 240);
    const key = randomUUID();
    const first = await send(phone, 'drawings', drawing, key);
    expect(first.statusCode).toBe(201);
    expect(itemOf(first)).toMatchObject({ kind: 'drawing', byName: 'Mia' });
    const [before, pictures] = [await items(), await drawingsInMedia()];

    const again = await send(phone, 'drawings', drawing, key);
    expect(again.statusCode).toBe(201);
    expect(itemOf(again)).toEqual(itemOf(first));
    expect(await items()).toEqual(before);
    expect(await drawingsInMedia()).toEqual(pictures);
  });

  it('keeps one item and one picture when three tries arrive at once', async () => {
    const drawing = await jpegWithGps(640, 480);
    const key = randomUUID();
    const [itemsBefore, picturesBefore] = [(await items()).length, (await drawingsInMedia()).length];
    const answers = await Promise.all([0, 1, 2].map(() => send(phone, 'drawings', drawing, key)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => itemOf(a).id)).size).toBe(1);
    expect((await items()).length).toBe(itemsBefore + 1);
    expect((await drawingsInMedia()).length).toBe(picturesBefore + 1);
  });

  it('makes a new item for a new key, and for no key at all (as before)', async () => {
    const drawing = await jpegWithGps(200, 150);
    const ids = [
      itemOf(await send(phone, 'drawings', drawing, randomUUID())).id,
      itemOf(await send(phone, 'drawings', drawing)).id,
      itemOf(await send(phone, 'drawings', drawing)).id,
    ];
    expect(new Set(ids).size).toBe(3);
  });

  it('refuses the same key with another drawing, and keeps the first', async () => {
    const key = randomUUID();
    const first = itemOf(await send(phone, 'drawings', await jpegWithGps(100, 100), key));
    const before = await items();
    const other = await send(phone, 'drawings', await jpegWithGps(120, 100), key);
    expect(other.statusCode).toBe(409);
    expect(other.json<{ error: { message: string } }>().error.message).toMatch(/already used/);
    expect(await items()).toEqual(before);
    expect((await family.client.get(first.thumbnailUrl!)).statusCode).toBe(200);
  });

  it('refuses a malformed key by name, and stores nothing', async () => {
    const before = await items();
    const response = await send(phone, 'drawings', await jpegWithGps(64, 64), 'short');
    expect(response.statusCode).toBe(400);
    expect(
      response.json<{ error: { fields: Record<string, string> } }>().error.fields['Idempotency-Key'],
    ).toBeTruthy();
    expect(await items()).toEqual(before);
  });
});

describe('a voice note sent again with its key', () => {
  it('answers the same item, and keeps the recording once', async () => {
    const key = randomUUID();
    const first = await send(phone, 'voice-notes', recording, key);
    expect(first.statusCode).toBe(201);
    const before = await items();
    const [again, atOnce] = await Promise.all([
      send(phone, 'voice-notes', recording, key),
      send(phone, 'voice-notes', recording, key),
    ]);
    expect([again.statusCode, atOnce.statusCode]).toEqual([201, 201]);
    expect(itemOf(again)).toEqual(itemOf(first));
    expect(itemOf(atOnce)).toEqual(itemOf(first));
    expect(await items()).toEqual(before);
    const kept = await t.container.db.kysely
      .selectFrom('memory_box_items')
      .select(['upload_key_hash'])
      .where('id', '=', itemOf(first).id)
      .executeTakeFirstOrThrow();
    // Only the key's hash is kept.
    expect(kept.upload_key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(kept.upload_key_hash).not.toContain(key);
  });

  it("keeps keys per family: another family's same key makes its own item", async () => {
    const other = await createFamily(t.app);
    const theirJack = (await createLovedOne(other.client, { name: 'Jack' })).id;
    const key = randomUUID();
    const ours = itemOf(await send(phone, 'voice-notes', recording, key));
    const theirs = await other.client.request({
      method: 'POST',
      url: `/api/loved-ones/${theirJack}/memory-box/voice-notes`,
      payload: recording,
      headers: { 'content-type': 'audio/webm', 'idempotency-key': key },
    });
    expect(theirs.statusCode).toBe(201);
    expect(itemOf(theirs).id).not.toBe(ours.id);
  });
});
