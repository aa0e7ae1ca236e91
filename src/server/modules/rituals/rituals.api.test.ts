import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DueRitualsResponse, RitualMarksResponse, RitualsResponse } from '../../../contracts/rituals.js';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import {
  addMember,
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from '../../test/factories.js';
import { jpegWithGps, uploadPhoto } from '../../test/images.js';

// Rituals on both databases: adding and changing them, the cards due on a schedule and on a trip's
// events, "We've arrived", marks (with a photo of the family's own, never another family's), and
// "What we have done", which never lists a "not today".

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-06-01T09:00:00.000Z'));

const water = {
  title: 'Water for Jack',
  whatToDo: 'Set out a glass of water for Jack',
  when: 'arrival',
  whoUsually: 'The children',
};

async function jacksFamily() {
  const family = await createFamily(t.app);
  const jack = await createLovedOne(family.client);
  await createKeepsake(family.client, jack.id);
  const trip = await createTripWithFlights(family.client);
  return { family, jack, trip };
}

const due = async (family: Family, url = '/api/rituals/due') => {
  const response = await family.client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<DueRitualsResponse>().due;
};

describe('rituals', () => {
  it('are added, changed and removed for a loved one, a schedule kept as RRULE in the family’s zone', async () => {
    const { family, jack } = await jacksFamily();
    const added = await family.client.post(`/api/loved-ones/${jack.id}/rituals`, {
      title: 'Jack’s candle',
      whatToDo: 'Light a candle at tea time',
      when: 'schedule',
      repeat: 'yearly',
      date: '2028-02-29',
      time: '17:00',
    });
    expect(added.statusCode, added.body).toBe(201);
    const [candle] = added.json<RitualsResponse>().rituals;
    expect(candle).toMatchObject({
      rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1',
      zone: 'Europe/London',
      repeat: 'yearly',
      date: '2028-02-29',
      time: '17:00',
    });
    const changed = await family.client.request({
      method: 'PUT',
      url: `/api/rituals/${candle!.id}`,
      payload: water,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<RitualsResponse>().rituals[0]).toMatchObject({
      when: 'arrival',
      rrule: null,
      zone: null,
    });
    const removed = await family.client.delete(`/api/rituals/${candle!.id}`);
    expect(removed.json<RitualsResponse>().rituals).toEqual([]);
  });

  it('refuse bad input naming its field, and store nothing', async () => {
    const { family, jack } = await jacksFamily();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...water, title: '' }, 'title'],
      [{ ...water, when: 'sometimes' }, 'when'],
      [{ ...water, when: 'schedule', date: '2026-07-01', time: '19:00' }, 'repeat'],
      [{ ...water, when: 'schedule', repeat: 'yearly', time: '19:00' }, 'date'],
      [{ ...water, when: 'schedule', repeat: 'yearly', date: '2026-02-30', time: '19:00' }, 'date'],
      [{ ...water, when: 'schedule', repeat: 'weekly', date: '2026-07-01', time: '25:00' }, 'time'],
    ];
    for (const [body, field] of cases) {
      const response = await family.client.post(`/api/loved-ones/${jack.id}/rituals`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        Object.keys(response.json<{ error: { fields: Record<string, string> } }>().error.fields),
      ).toContain(field);
    }
    const list = await family.client.get(`/api/loved-ones/${jack.id}/rituals`);
    expect(list.json<RitualsResponse>().rituals).toEqual([]);
  });

  it('shows a scheduled card on its day in the family’s zone, and "not today" is never listed', async () => {
    t.clock.set('2026-06-13T12:00:00.000Z'); // a session lasts hours, not weeks of test time
    const { family, jack } = await jacksFamily();
    await family.client.post(`/api/loved-ones/${jack.id}/rituals`, {
      ...water,
      when: 'schedule',
      repeat: 'weekly',
      date: '2026-06-06',
      time: '19:00',
    });
    t.clock.set('2026-06-13T17:59:00.000Z'); // 18:59 in London (BST)
    expect(await due(family)).toEqual([]);
    t.clock.set('2026-06-13T18:00:00.000Z');
    const [card] = await due(family);
    expect(card).toMatchObject({
      occurrenceKey: '2026-06-13',
      dueAt: '2026-06-13T18:00:00.000Z',
      tripId: null,
    });
    const marked = await family.client.post(`/api/rituals/${card!.ritualId}/marks`, {
      occurrenceKey: card!.occurrenceKey,
      outcome: 'not_today',
    });
    expect(marked.statusCode, marked.body).toBe(201);
    expect(marked.json<DueRitualsResponse>().due).toEqual([]);
    const done = await family.client.get(`/api/loved-ones/${jack.id}/ritual-marks`);
    expect(done.json<RitualMarksResponse>().marks).toEqual([]);
  });
});

describe('rituals on a trip', () => {
  // The morning of the flight out (09:30 from London, 08:30 UTC): a session lasts hours, not weeks.
  beforeEach(() => t.clock.set('2026-07-01T07:00:00.000Z'));

  it('come due on "We\'ve arrived", are marked done with a photo, and are listed under what we have done', async () => {
    const { family, jack, trip } = await jacksFamily();
    await family.client.post(`/api/loved-ones/${jack.id}/rituals`, water);
    // Before setting off there is nowhere to arrive.
    const early = await family.client.post(`/api/trips/${trip.trip.id}/arrived`);
    expect(early.statusCode).toBe(400);
    expect(early.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('tripId');

    t.clock.set('2026-07-01T12:10:00.000Z'); // the flight left London at 09:30 BST
    expect(await due(family, `/api/trips/${trip.trip.id}/rituals`)).toEqual([]);
    const arrived = await family.client.post(`/api/trips/${trip.trip.id}/arrived`);
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(arrived.json<TripDetail>().legs[0]!.arrivedAt).toBe('2026-07-01T12:10:00.000Z');
    const [card] = await due(family, `/api/trips/${trip.trip.id}/rituals`);
    expect(card).toMatchObject({
      title: 'Water for Jack',
      whatToDo: 'Set out a glass of water for Jack',
      occurrenceKey: `arrival:${trip.legs[0]!.id}`,
      tripId: trip.trip.id,
    });
    expect(await due(family)).toHaveLength(1);

    const photo = (await uploadPhoto(family.client, await jpegWithGps(64, 48))).json<{
      media: { id: string };
    }>();
    const marked = await family.client.post(`/api/rituals/${card!.ritualId}/marks`, {
      occurrenceKey: card!.occurrenceKey,
      outcome: 'done',
      tookPart: 'The children set out the water',
      line: 'On the balcony in Madrid',
      mediaId: photo.media.id,
    });
    expect(marked.statusCode, marked.body).toBe(201);
    expect(marked.json<DueRitualsResponse>().due).toEqual([]);
    // Marking the same time again (an offline phone's outbox sending after a lost answer) is
    // answered as saved and changes nothing: the first mark, with its photo, stands.
    const again = await family.client.post(`/api/rituals/${card!.ritualId}/marks`, {
      occurrenceKey: card!.occurrenceKey,
      outcome: 'done',
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<DueRitualsResponse>().due).toEqual([]);
    const done = (
      await family.client.get(`/api/loved-ones/${jack.id}/ritual-marks`)
    ).json<RitualMarksResponse>();
    expect(done.marks).toEqual([
      expect.objectContaining({
        ritualTitle: 'Water for Jack',
        tookPart: 'The children set out the water',
        line: 'On the balcony in Madrid',
        mediaId: photo.media.id,
        markedByName: 'Anna',
        dueAt: '2026-07-01T12:10:00.000Z',
      }),
    ]);
  });

  it('come due at the leg’s arrival time once it has passed, and refuse an arrival before departure', async () => {
    const { family, jack, trip } = await jacksFamily();
    await family.client.post(`/api/loved-ones/${jack.id}/rituals`, water);
    const backwards = await family.client.patch(`/api/legs/${trip.legs[0]!.id}`, {
      arrivalLocal: '2026-07-01T08:00',
      arrivalZone: 'Europe/Madrid',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
      'arrivalLocal',
    );
    const noZone = await family.client.patch(`/api/legs/${trip.legs[0]!.id}`, {
      arrivalLocal: '2026-07-01T13:00',
    });
    expect(noZone.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
      'arrivalZone',
    );
    const timed = await family.client.patch(`/api/legs/${trip.legs[0]!.id}`, {
      arrivalLocal: '2026-07-01T13:00',
      arrivalZone: 'Europe/Madrid',
    });
    expect(timed.statusCode, timed.body).toBe(200);
    expect(timed.json<TripDetail>().legs[0]).toMatchObject({ arrivalUtc: '2026-07-01T11:00:00.000Z' });
    t.clock.set('2026-07-01T10:59:00.000Z');
    expect(await due(family)).toEqual([]);
    t.clock.set('2026-07-01T11:00:00.000Z');
    expect((await due(family))[0]).toMatchObject({
      dueAt: '2026-07-01T11:00:00.000Z',
      zone: 'Europe/Madrid',
    });
  });

  it('refuse a mark with another family’s photo, a mark for another family’s ritual, and a viewer', async () => {
    const { family, jack, trip } = await jacksFamily();
    const other = await createFamily(t.app, { displayName: 'Ben' });
    const theirPhoto = (await uploadPhoto(other.client, await jpegWithGps(64, 48))).json<{
      media: { id: string };
    }>();
    await family.client.post(`/api/loved-ones/${jack.id}/rituals`, water);
    t.clock.set('2026-07-01T12:10:00.000Z');
    await family.client.post(`/api/trips/${trip.trip.id}/arrived`);
    const [card] = await due(family);
    const foreignPhoto = await family.client.post(`/api/rituals/${card!.ritualId}/marks`, {
      occurrenceKey: card!.occurrenceKey,
      outcome: 'done',
      mediaId: theirPhoto.media.id,
    });
    expect(foreignPhoto.statusCode).toBe(400);
    expect(foreignPhoto.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty(
      'mediaId',
    );
    const foreignRitual = await other.client.post(`/api/rituals/${card!.ritualId}/marks`, {
      occurrenceKey: card!.occurrenceKey,
      outcome: 'done',
    });
    expect(foreignRitual.statusCode).toBe(404);
    const viewer = await addMember(t.app, t.container.db.kysely, family, 'viewer');
    const refused = await viewer.client.post(`/api/rituals/${card!.ritualId}/marks`, {
      occurrenceKey: card!.occurrenceKey,
      outcome: 'done',
    });
    expect(refused.statusCode).toBe(403);
    // Nothing was stored: the card is still there.
    expect(await due(family)).toHaveLength(1);
  });
});
