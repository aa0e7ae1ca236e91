import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LovedOneRemoval } from '../../../contracts/loved-ones.js';
import type { MediaItem, MediaUsage } from '../../../contracts/media.js';
import { newId } from '../../secrets.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import {
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from '../../test/factories.js';
import { jpegWithGps } from '../../test/images.js';

// Deleting a loved one takes with it everything kept for them, in the same change: their memory
// box (drawings, letters, voice notes) and the pictures only they used (their drawings', their
// rituals' photos, their tributes' pictures), so the family's room is given back. A picture
// something else still uses stays (another loved one's tribute), as does a photo nothing uses.
// What will go is said first (`GET /api/loved-ones/:id/removal`). On both databases.

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await buildTestApp();
  family = await createFamily(t.app, { displayName: 'Olive' });
});
afterAll(() => t.close());

const recording = readFileSync(new URL('../memory-box/test-audio/voice-2s.webm', import.meta.url));

const upload = async (url: string, payload: Buffer, type: string) => {
  const response = await family.client.request({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': type },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ media?: MediaItem; item?: { id: string } }>();
};
const photo = async (width: number) =>
  (await upload('/api/media', await jpegWithGps(width, 120), 'image/jpeg')).media!.id;
const mediaIds = async () =>
  (await family.client.get('/api/media')).json<{ media: MediaItem[] }>().media.map((m) => m.id);
const used = async () => (await family.client.get('/api/media/usage')).json<MediaUsage>().usedBytes;

/** A ritual for a loved one, marked done with a photo (written here, as populate.ts does). */
async function markedWithPhoto(lovedOneId: string, mediaId: string): Promise<void> {
  const made = await family.client.post(`/api/loved-ones/${lovedOneId}/rituals`, {
    title: 'Water',
    whatToDo: 'Set out a glass of water',
    when: 'arrival',
  });
  expect(made.statusCode, made.body).toBe(201);
  const ritualId = made.json<{ rituals: Array<{ id: string }> }>().rituals[0]!.id;
  await t.container.db.kysely
    .insertInto('ritual_marks')
    .values({
      id: newId(),
      family_id: family.session.family.id,
      ritual_id: ritualId,
      occurrence_key: `arrival:${newId()}`,
      due_at: '2026-07-01T11:00:00.000Z',
      outcome: 'done',
      took_part: null,
      line: null,
      media_id: mediaId,
      marked_by: family.session.member.id,
      marked_at: '2026-07-01T11:05:00.000Z',
    })
    .execute();
}

async function tributeWith(lovedOneId: string, mediaId: string): Promise<void> {
  const made = await family.client.post('/api/tributes', {
    lovedOneId,
    mediaId,
    background: 'dawn',
    words: 'We light a candle for you.',
    wording: 'name_only',
    forDate: '2026-03-14',
  });
  expect(made.statusCode, made.body).toBe(201);
}

describe('deleting a loved one', () => {
  it('says first what will go, then removes it all and gives the family its room back', async () => {
    const jack = await createLovedOne(family.client, { name: 'Jack' });
    const grandpa = await createLovedOne(family.client, { name: 'Grandpa', kind: 'adult' });
    const box = (who: string, what: string) => `/api/loved-ones/${who}/memory-box/${what}`;

    // Jack's: a drawing, a letter, a voice note, a ritual's photo, a tribute's picture.
    const jacksDrawing = await upload(box(jack.id, 'drawings'), await jpegWithGps(300, 200), 'image/jpeg');
    await family.client.post(box(jack.id, 'letters'), { prompt: null, text: 'We miss you.' });
    await upload(box(jack.id, 'voice-notes'), recording, 'audio/webm');
    const ritualPhoto = await photo(200);
    await markedWithPhoto(jack.id, ritualPhoto);
    const tributePicture = await photo(210);
    await tributeWith(jack.id, tributePicture);
    // Used by Jack's ritual and by Grandpa's tribute: it stays.
    const shared = await photo(220);
    await markedWithPhoto(jack.id, shared);
    await tributeWith(grandpa.id, shared);
    // Grandpa's drawing, and a photo nothing uses: they stay.
    await upload(box(grandpa.id, 'drawings'), await jpegWithGps(260, 200), 'image/jpeg');
    const unused = await photo(230);

    const before = { ids: await mediaIds(), used: await used() };
    const jacksDrawingMedia = before.ids.filter(
      (id) => ![ritualPhoto, tributePicture, shared, unused].includes(id),
    );
    expect(jacksDrawingMedia).toHaveLength(2); // Jack's drawing and Grandpa's

    const asked = await family.client.get(`/api/loved-ones/${jack.id}/removal`);
    expect(asked.statusCode, asked.body).toBe(200);
    const removal = asked.json<{ removal: LovedOneRemoval }>().removal;
    expect(removal).toMatchObject({ drawings: 1, letters: 1, voiceNotes: 1, photos: 2 });
    expect(removal.bytes).toBeGreaterThan(recording.length);

    const deleted = await family.client.delete(`/api/loved-ones/${jack.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);

    // The room shown goes down by exactly what was said.
    expect(await used()).toBe(before.used - removal.bytes);
    const after = await mediaIds();
    expect(after).not.toContain(ritualPhoto);
    expect(after).not.toContain(tributePicture);
    expect(after).toContain(shared);
    expect(after).toContain(unused);
    expect(after).toHaveLength(before.ids.length - 3);
    const box2 = (await family.client.get('/api/memory-box')).json<{
      items: Array<{ lovedOneId: string }>;
    }>();
    expect(box2.items.map((item) => item.lovedOneId)).toEqual([grandpa.id]);
    expect(jacksDrawing.item).toBeDefined();
    // Nothing of Jack's is left in any table, the bytes included.
    const left = await t.container.db.kysely
      .selectFrom('memory_box_items')
      .select('id')
      .where('loved_one_id', '=', jack.id)
      .execute();
    expect(left).toEqual([]);
    // Grandpa's tribute keeps its picture.
    const tributes = (await family.client.get('/api/tributes')).json<{
      tributes: Array<{ lovedOneId: string; mediaId: string | null }>;
    }>().tributes;
    expect(tributes).toEqual([expect.objectContaining({ lovedOneId: grandpa.id, mediaId: shared })]);
  });

  it('removes nothing when the loved one cannot go yet (a keepsake on a trip)', async () => {
    const mia = await createLovedOne(family.client, { name: 'Mia' });
    const drawing = await upload(
      `/api/loved-ones/${mia.id}/memory-box/drawings`,
      await jpegWithGps(240, 200),
      'image/jpeg',
    );
    await createKeepsake(family.client, mia.id);
    await createTripWithFlights(family.client);
    const [ids, bytes] = [await mediaIds(), await used()];

    const refused = await family.client.delete(`/api/loved-ones/${mia.id}`);
    expect(refused.statusCode).toBe(409);
    expect(await mediaIds()).toEqual(ids);
    expect(await used()).toBe(bytes);
    const box = (await family.client.get('/api/memory-box')).json<{ items: Array<{ id: string }> }>();
    expect(box.items.map((item) => item.id)).toContain(drawing.item!.id);
  });

  it('is said only to those who may delete, and only for their own family', async () => {
    const other = await createFamily(t.app);
    const theirs = await createLovedOne(other.client, { name: 'Sam' });
    expect((await family.client.get(`/api/loved-ones/${theirs.id}/removal`)).statusCode).toBe(404);
  });
});
