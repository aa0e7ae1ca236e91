import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LovedOnePlaces, PlaceArrival, PlaceSearchResponse } from '../../../contracts/places.js';
import type { DueRitualsResponse } from '../../../contracts/rituals.js';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import {
  createFamily,
  createKeepsake,
  createLovedOne,
  addMember,
  createTripWithFlights,
  outboundFlight,
} from '../../test/factories.js';
import { jpegWithGps, uploadPhoto } from '../../test/images.js';

// The gazetteer search and "Places <name> has been", on SQLite and PostgreSQL alike.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const MADRID = '3117735';
const fieldsOf = (body: string) =>
  (JSON.parse(body) as { error: { code: string; fields: Record<string, string> } }).error;

describe('searching the gazetteer', () => {
  it('finds Madrid in Spain first, with its region, country, position and id', async () => {
    const { client } = await createFamily(t.app);
    const response = await client.get('/api/places?q=Madr&country=ES');
    expect(response.statusCode, response.body).toBe(200);
    const { places } = response.json<PlaceSearchResponse>();
    expect(places.length).toBeGreaterThan(1);
    expect(places.length).toBeLessThanOrEqual(8);
    expect(places[0]).toEqual({
      id: MADRID,
      name: 'Madrid',
      region: 'Madrid',
      country: 'ES',
      lat: expect.closeTo(40.42, 1) as number,
      lon: expect.closeTo(-3.7, 1) as number,
    });
    expect(places.every((p) => p.country === 'ES')).toBe(true);
  });

  it('matches without accents, and in every country when none is given', async () => {
    const { client } = await createFamily(t.app);
    const malaga = (await client.get('/api/places?q=malaga&country=es')).json<PlaceSearchResponse>();
    expect(malaga.places[0]!.name).toBe('Málaga');
    const anywhere = (await client.get('/api/places?q=Reykjav')).json<PlaceSearchResponse>();
    expect(anywhere.places[0]).toMatchObject({ name: 'Reykjavík', country: 'IS' });
  });

  it('refuses bad input, naming the field', async () => {
    const { client } = await createFamily(t.app);
    const short = await client.get('/api/places?q=M&country=ES');
    expect(short.statusCode).toBe(400);
    expect(fieldsOf(short.body).fields.q).toMatch(/two letters/);
    const country = await client.get('/api/places?q=Madrid&country=XX');
    expect(country.statusCode).toBe(400);
    expect(fieldsOf(country.body).fields.country).toBeTruthy();
    const empty = await client.get('/api/places?q=&country=ES');
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty.body).fields.q).toBeTruthy();
    // Nothing typed yet: nothing suggested.
    const nothing = await client.get('/api/places');
    expect(nothing.statusCode).toBe(200);
    expect(nothing.json<PlaceSearchResponse>().places).toEqual([]);
  });
});

describe('a leg that arrives at a place from the gazetteer', () => {
  it('keeps the picked place, and refuses one that does not exist or lies in another country', async () => {
    const { client } = await createFamily(t.app);
    const trip = await createTripWithFlights(client);
    const out = trip.legs.find((l) => !l.isReturn)!;
    const picked = await client.patch(`/api/legs/${out.id}`, { toPlace: 'Madrid', toPlaceId: MADRID });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json<TripDetail>().legs.find((l) => l.id === out.id)).toMatchObject({
      toPlace: 'Madrid',
      toPlaceId: MADRID,
    });

    for (const toPlaceId of ['999999999', '2643743' /* London: not in Spain */]) {
      const refused = await client.post(`/api/trips/${trip.trip.id}/legs`, { ...outboundFlight, toPlaceId });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused.body).fields.toPlaceId).toMatch(/could not find that place/);
    }
    const notAnId = await client.patch(`/api/legs/${out.id}`, { toPlaceId: 'madrid' });
    expect(notAnId.statusCode).toBe(400);
    expect(fieldsOf(notAnId.body).fields.toPlaceId).toBeTruthy();
    // Nothing half-stored: the leg still arrives in Madrid, and no leg was added.
    const after = (await client.get(`/api/trips/${trip.trip.id}`)).json<TripDetail>();
    expect(after.legs).toHaveLength(2);
    expect(after.legs.find((l) => l.id === out.id)!.toPlaceId).toBe(MADRID);
  });

  it('lets go of the picked place when the leg moves to another country', async () => {
    const { client } = await createFamily(t.app);
    const trip = await createTripWithFlights(client);
    const out = trip.legs.find((l) => !l.isReturn)!;
    await client.patch(`/api/legs/${out.id}`, { toPlace: 'Madrid', toPlaceId: MADRID });
    const moved = await client.patch(`/api/legs/${out.id}`, { toCountry: 'PT' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<TripDetail>().legs.find((l) => l.id === out.id)).toMatchObject({
      toCountry: 'PT',
      toPlace: 'Madrid',
      toPlaceId: null,
    });
  });
});

describe('the places a loved one has been', () => {
  it('lists Madrid as a pin in Spain, linked to its trip, and not home', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client, { name: 'Jack' });
    await createKeepsake(client, jack.id);
    const trip = await createTripWithFlights(client);
    const out = trip.legs.find((l) => !l.isReturn)!;
    await client.patch(`/api/legs/${out.id}`, { toPlace: 'Madrid', toPlaceId: MADRID });

    const response = await client.get(`/api/loved-ones/${jack.id}/places`);
    expect(response.statusCode, response.body).toBe(200);
    const places = response.json<LovedOnePlaces>();
    expect(places.name).toBe('Jack');
    expect(places.countries.map((c) => c.country)).toEqual(['ES']);
    expect(places.countries[0]!.towns).toEqual([
      expect.objectContaining({
        name: 'Madrid',
        placeId: MADRID,
        point: { lat: expect.closeTo(40.42, 1) as number, lon: expect.closeTo(-3.7, 1) as number },
        visits: [expect.objectContaining({ tripId: trip.trip.id, legId: out.id, scattered: false })],
      }),
    ]);
  });

  it('is empty for a loved one whose keepsakes have not travelled', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client, { name: 'Jack' });
    await createKeepsake(client, jack.id);
    await createTripWithFlights(client);
    const grandma = await createLovedOne(client, { name: 'Grandma' });
    const response = await client.get(`/api/loved-ones/${grandma.id}/places`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<LovedOnePlaces>().countries).toEqual([]);
  });

  it("answers 404 for another family's loved one", async () => {
    const theirs = await createFamily(t.app);
    const jack = await createLovedOne(theirs.client, { name: 'Jack' });
    const ours = await createFamily(t.app);
    const response = await ours.client.get(`/api/loved-ones/${jack.id}/places`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('Jack');
  });
});

describe('what the family did on arriving', () => {
  it('links Madrid to its arrival ritual and the photo taken there, for the family alone', async () => {
    t.clock.set('2026-07-01T07:00:00.000Z');
    const family = await createFamily(t.app);
    const { client } = family;
    const jack = await createLovedOne(client, { name: 'Jack' });
    await createKeepsake(client, jack.id);
    const trip = await createTripWithFlights(client);
    const out = trip.legs.find((l) => !l.isReturn)!;
    await client.patch(`/api/legs/${out.id}`, { toPlace: 'Madrid', toPlaceId: MADRID });
    await client.post(`/api/loved-ones/${jack.id}/rituals`, {
      title: 'Water for Jack',
      whatToDo: 'Set out a glass of water for Jack',
      when: 'arrival',
    });
    const arrivalsIn = async (who = client) => {
      const places = (await who.get(`/api/loved-ones/${jack.id}/places`)).json<LovedOnePlaces>();
      const madrid = places.countries[0]!.towns.find((town) => town.placeId === MADRID)!;
      return { town: madrid.visits[0]!.arrivals, country: places.countries[0]!.visits[0]!.arrivals };
    };
    // Nothing done yet: the visit is there, with nothing under it.
    expect(await arrivalsIn()).toEqual({ town: [], country: [] });

    t.clock.set('2026-07-01T12:10:00.000Z');
    await client.post(`/api/trips/${trip.trip.id}/arrived`);
    const [card] = (await client.get(`/api/trips/${trip.trip.id}/rituals`)).json<DueRitualsResponse>().due;
    const photo = (await uploadPhoto(client, await jpegWithGps(64, 48))).json<{ media: { id: string } }>();
    const marked = await client.post(`/api/rituals/${card!.ritualId}/marks`, {
      occurrenceKey: card!.occurrenceKey,
      outcome: 'done',
      tookPart: 'The children set out the water',
      mediaId: photo.media.id,
    });
    expect(marked.statusCode, marked.body).toBe(201);

    const expected: PlaceArrival = {
      markId: expect.any(String) as string,
      ritualId: card!.ritualId,
      title: 'Water for Jack',
      tookPart: 'The children set out the water',
      line: null,
      photo: {
        mediaId: photo.media.id,
        thumbnailUrl: `/api/media/${photo.media.id}/thumbnail`,
        url: `/api/media/${photo.media.id}/file`,
      },
    };
    const { town } = await arrivalsIn();
    expect(town).toEqual([expected]);
    expect((await client.get(town[0]!.photo!.thumbnailUrl)).statusCode).toBe(200);

    // A teen in the family sees it too; another family sees neither the place nor the photo.
    const teen = await addMember(t.app, t.container.db.kysely, family, 'child', 'Mia');
    expect((await arrivalsIn(teen.client)).town).toEqual([expected]);
    const other = await createFamily(t.app);
    expect((await other.client.get(`/api/loved-ones/${jack.id}/places`)).statusCode).toBe(404);
    expect((await other.client.get(town[0]!.photo!.thumbnailUrl)).statusCode).toBe(404);

    // A removed photo leaves the ritual, with no photo.
    await client.delete(`/api/media/${photo.media.id}`);
    expect((await arrivalsIn()).town).toEqual([{ ...expected, photo: null }]);
  });
});
