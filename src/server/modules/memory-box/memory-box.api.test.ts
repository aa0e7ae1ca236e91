import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../contracts/media.js';
import type { MemoryBoxResponse, MemoryItem } from '../../../contracts/memory-box.js';
import { buildTestApp, type Client, type TestApp } from '../../test/app.js';
import { addMember, childMode, createFamily, createLovedOne, type Family } from '../../test/factories.js';
import { jpegWithGps } from '../../test/images.js';
import { allTables, snapshotData } from '../../test/snapshot.js';

// The children's memory box: a child in child mode and a teen add to it, the parents see everything,
// and an item kept for the parents is unreachable for everyone else through every route, the
// generic media routes included.

let t: TestApp;
let parent: Family;
let teen: Family;
let viewer: Family;
let other: Family;
let phone: Client;
let jackId: string;

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-12-06T10:00:00.000Z');
  parent = await createFamily(t.app, { displayName: 'Olive' });
  other = await createFamily(t.app, { displayName: 'Otto', familyName: 'Another family' });
  jackId = (await createLovedOne(parent.client, { name: 'Jack' })).id;
  teen = await addMember(t.app, t.container.db.kysely, parent, 'child', 'Sam');
  viewer = await addMember(t.app, t.container.db.kysely, parent, 'viewer', 'Grandma');
  const made = await parent.client.post('/api/child-profiles', { displayName: 'Mia' });
  const miaId = made.json<{ profiles: Array<{ id: string }> }>().profiles[0]!.id;
  const born = await parent.client.patch(`/api/child-profiles/${miaId}`, { birthMonth: '2019-03' });
  expect(born.statusCode).toBe(200);
  expect(born.json<{ profiles: Array<{ birthMonth: string | null }> }>().profiles[0]!.birthMonth).toBe(
    '2019-03',
  );
  phone = (await childMode(t.app, t.container.db.kysely, parent, { childProfileId: miaId })).client;
});
afterAll(() => t.close());

const drawingFrom = async (client: Client, lovedOneId = jackId) =>
  client.request({
    method: 'POST',
    url: `/api/loved-ones/${lovedOneId}/memory-box/drawings`,
    payload: await jpegWithGps(320, 240),
    headers: { 'content-type': 'image/jpeg' },
  });

const boxOf = async (client: Client) => (await client.get('/api/memory-box')).json<MemoryBoxResponse>();

/** The newest drawing's media row, as the parents see it through the generic media routes. */
const newestDrawingMedia = async () =>
  (await parent.client.get('/api/media'))
    .json<{ media: MediaItem[] }>()
    .media.find((m) => m.kind === 'drawing')!;

describe('adding to the memory box', () => {
  it("labels a child's drawing with their name, their age that day, and the date", async () => {
    const response = await drawingFrom(phone);
    expect(response.statusCode).toBe(201);
    const item = response.json<{ item: MemoryItem }>().item;
    expect(item).toMatchObject({ kind: 'drawing', byName: 'Mia', byAge: 7, parentsOnly: false });
    expect(item.createdAt.slice(0, 10)).toBe('2026-12-06');
    // The child sees it in child mode, picture and all; the parents and the teen see it too.
    expect((await boxOf(phone)).items.map((i) => i.id)).toContain(item.id);
    expect((await boxOf(phone)).lovedOnes).toEqual([{ id: jackId, displayName: 'Jack' }]);
    const image = await phone.get(item.thumbnailUrl!);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-disposition']).toMatch(/^inline; filename="drawing-small\.webp"$/);
    expect((await parent.client.get(item.imageUrl!)).headers['content-type']).toBe('image/jpeg');
    expect((await boxOf(teen.client)).items.map((i) => i.id)).toContain(item.id);
  });

  it("gives a teen's drawing their name and no age, and keeps letters begun from a prompt", async () => {
    const drawing = (await drawingFrom(teen.client)).json<{ item: MemoryItem }>().item;
    expect(drawing).toMatchObject({ byName: 'Sam', byAge: null });
    const letter = await phone.post(`/api/loved-ones/${jackId}/memory-box/letters`, {
      prompt: 'If you came back for five minutes, I would…',
      text: 'Show you my drawing of the sea.\nAnd hug you.',
    });
    expect(letter.statusCode).toBe(201);
    expect(letter.json<{ item: MemoryItem }>().item).toMatchObject({
      kind: 'letter',
      byName: 'Mia',
      byAge: 7,
      text: 'Show you my drawing of the sea.\nAnd hug you.',
    });
    const blank = await teen.client.post(`/api/loved-ones/${jackId}/memory-box/letters`, {
      prompt: null,
      text: 'I miss you.',
    });
    expect(blank.statusCode).toBe(201);
  });

  it('refuses a made-up prompt, an empty letter, and a drawing that is not a picture, storing nothing', async () => {
    const before = await snapshotData(t.container.db.kysely, [...allTables, 'media']);
    const prompt = await phone.post(`/api/loved-ones/${jackId}/memory-box/letters`, {
      prompt: 'Why did you go?',
      text: 'x',
    });
    expect(prompt.statusCode).toBe(400);
    expect(Object.keys(prompt.json().error.fields)).toContain('prompt');
    const empty = await phone.post(`/api/loved-ones/${jackId}/memory-box/letters`, {
      prompt: null,
      text: '  ',
    });
    expect(Object.keys(empty.json().error.fields)).toContain('text');
    const page = await phone.request({
      method: 'POST',
      url: `/api/loved-ones/${jackId}/memory-box/drawings`,
      payload: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      headers: { 'content-type': 'image/png' },
    });
    expect(page.statusCode).toBe(415);
    expect(page.json().error.message).toMatch(/JPEG, PNG or WebP/);
    expect(await snapshotData(t.container.db.kysely, [...allTables, 'media'])).toBe(before);
  });

  it("does not add to another family's loved one", async () => {
    expect((await drawingFrom(other.client, jackId)).statusCode).toBe(404);
    expect((await boxOf(other.client)).items).toEqual([]);
  });
});

describe('an item kept for the parents', () => {
  it('is unreachable for a teen, a child in child mode, a viewer and another family, through every route', async () => {
    const drawing = (await drawingFrom(phone)).json<{ item: MemoryItem }>().item;
    const media = await newestDrawingMedia();
    const marked = await parent.client.patch(`/api/memory-box/${drawing.id}`, { parentsOnly: true });
    expect(marked.statusCode).toBe(200);
    expect(marked.json<{ item: MemoryItem }>().item.parentsOnly).toBe(true);

    const itemRoutes = [drawing.imageUrl!, drawing.thumbnailUrl!];
    const mediaRoutes = [
      `/api/media/${media.id}`,
      `/api/media/${media.id}/file`,
      `/api/media/${media.id}/thumbnail`,
    ];
    // The teen reads the box and the family's photos, but this item and its picture are not there.
    expect((await boxOf(teen.client)).items.map((i) => i.id)).not.toContain(drawing.id);
    const teenMedia = await teen.client.get('/api/media');
    expect(teenMedia.statusCode).toBe(200);
    expect(teenMedia.body).not.toContain(media.id);
    for (const url of [...itemRoutes, ...mediaRoutes])
      expect((await teen.client.get(url)).statusCode, url).toBe(404);
    // A teen marking a ritual cannot borrow it either (rituals read media through the same service).
    // The child in child mode: out of the box, 404 on its picture, and no media routes at all.
    expect((await boxOf(phone)).items.map((i) => i.id)).not.toContain(drawing.id);
    for (const url of itemRoutes) expect((await phone.get(url)).statusCode, url).toBe(404);
    for (const url of ['/api/media', ...mediaRoutes])
      expect((await phone.get(url)).statusCode, url).toBe(403);
    // A viewer has no memory box and no media; another family finds nothing.
    for (const url of ['/api/memory-box', ...itemRoutes, '/api/media', ...mediaRoutes])
      expect((await viewer.client.get(url)).statusCode, url).toBe(403);
    for (const url of [...itemRoutes, ...mediaRoutes])
      expect((await other.client.get(url)).statusCode, url).toBe(404);
    expect((await other.client.get('/api/media')).body).not.toContain(media.id);
    // Nobody but the parents may change or delete it.
    for (const client of [teen.client, phone, viewer.client]) {
      expect((await client.patch(`/api/memory-box/${drawing.id}`, { parentsOnly: false })).statusCode).toBe(
        403,
      );
      expect((await client.delete(`/api/memory-box/${drawing.id}`)).statusCode).toBe(403);
    }
    expect((await teen.client.delete(`/api/media/${media.id}`)).statusCode).toBe(403);

    // The parents still see all of it.
    expect((await boxOf(parent.client)).items.find((i) => i.id === drawing.id)?.parentsOnly).toBe(true);
    for (const url of [...itemRoutes, ...mediaRoutes])
      expect((await parent.client.get(url)).statusCode, url).toBe(200);

    // Opened to the family again, the teen sees it once more.
    await parent.client.patch(`/api/memory-box/${drawing.id}`, { parentsOnly: false });
    expect((await teen.client.get(`/api/media/${media.id}/file`)).statusCode).toBe(200);
    expect((await boxOf(teen.client)).items.map((i) => i.id)).toContain(drawing.id);
  });

  it('keeps a private letter from the teen and the child', async () => {
    const letter = (
      await parent.client.post(`/api/loved-ones/${jackId}/memory-box/letters`, {
        prompt: null,
        text: 'For us two.',
      })
    ).json<{ item: MemoryItem }>().item;
    await parent.client.patch(`/api/memory-box/${letter.id}`, { parentsOnly: true });
    for (const client of [teen.client, phone]) {
      const box = await client.get('/api/memory-box');
      expect(box.body).not.toContain(letter.id);
      expect(box.body).not.toContain('For us two.');
    }
  });

  it('lets a parent delete an item, its picture with it', async () => {
    const drawing = (await drawingFrom(phone)).json<{ item: MemoryItem }>().item;
    const media = await newestDrawingMedia();
    expect((await parent.client.delete(`/api/memory-box/${drawing.id}`)).statusCode).toBe(204);
    expect((await boxOf(parent.client)).items.map((i) => i.id)).not.toContain(drawing.id);
    expect((await parent.client.get(`/api/media/${media.id}/file`)).statusCode).toBe(404);
    expect((await parent.client.get(drawing.imageUrl!)).statusCode).toBe(404);
  });
});

const recording = (name: string) => readFileSync(new URL(`./test-audio/${name}`, import.meta.url));
const voiceFrom = (client: Client, bytes: Buffer, contentType = 'audio/webm;codecs=opus') =>
  client.request({
    method: 'POST',
    url: `/api/loved-ones/${jackId}/memory-box/voice-notes`,
    payload: bytes,
    headers: { 'content-type': contentType },
  });

describe('voice notes', () => {
  it("keeps a child's recording with its real length, and plays it back with its own type and in parts", async () => {
    const response = await voiceFrom(phone, recording('voice-2s.webm'));
    expect(response.statusCode).toBe(201);
    const note = response.json<{ item: MemoryItem }>().item;
    expect(note).toMatchObject({ kind: 'voice', byName: 'Mia', byAge: 7, audioSeconds: 2 });
    const whole = await teen.client.get(note.audioUrl!);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toBe('audio/webm');
    expect(whole.headers['x-content-type-options']).toBe('nosniff');
    expect(whole.headers['content-disposition']).toBe('inline; filename="voice-note.webm"');
    expect(whole.rawPayload.equals(recording('voice-2s.webm'))).toBe(true);
    const part = await teen.client.request({
      method: 'GET',
      url: note.audioUrl!,
      headers: { range: 'bytes=100-199' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${whole.rawPayload.length}`);
    expect(part.rawPayload.equals(recording('voice-2s.webm').subarray(100, 200))).toBe(true);
    const beyond = await teen.client.request({
      method: 'GET',
      url: note.audioUrl!,
      headers: { range: 'bytes=99999999-' },
    });
    expect(beyond.statusCode).toBe(416);
  });

  it('takes an MP4 recording whatever type the phone says, and refuses a sound file it cannot measure', async () => {
    const mp4 = await voiceFrom(teen.client, recording('voice-2s.m4a'), 'application/octet-stream');
    expect(mp4.statusCode).toBe(201);
    expect(
      (await teen.client.get(mp4.json<{ item: MemoryItem }>().item.audioUrl!)).headers['content-type'],
    ).toBe('audio/mp4');
    const before = await snapshotData(t.container.db.kysely, allTables);
    for (const [bytes, type] of [
      [recording('pluck.wav'), 'audio/webm'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'audio/ogg'],
      [recording('voice-2s.webm').subarray(0, 200), 'audio/webm'],
    ] as const) {
      const refused = await voiceFrom(phone, bytes, type);
      expect(refused.statusCode).toBe(415);
      expect(Object.keys(refused.json().error.fields)).toContain('file');
    }
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });

  it('keeps a parents-only voice note from everyone else', async () => {
    const note = (await voiceFrom(phone, recording('voice-2s.webm'))).json<{ item: MemoryItem }>().item;
    await parent.client.patch(`/api/memory-box/${note.id}`, { parentsOnly: true });
    for (const client of [teen.client, phone, other.client])
      expect((await client.get(note.audioUrl!)).statusCode).toBe(404);
    expect((await viewer.client.get(note.audioUrl!)).statusCode).toBe(403);
    expect((await parent.client.get(note.audioUrl!)).statusCode).toBe(200);
  });
});
