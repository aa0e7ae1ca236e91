import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildApp } from '../../app.js';
import { buildContainer } from '../../container.js';
import { buildTestApp, clientFor, type TestApp } from '../../test/app.js';
import {
  addMember,
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
} from '../../test/factories.js';

// A trip's own answer (GET /api/trips/:id) is kept per family revision and role (trips.routes.ts).
// These tests prove it is never stale: after a change on this instance or another, after a change
// made through another module (a keepsake's name), and never one role's answer given to another.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function familyWithTrip() {
  const family = await createFamily(t.app);
  const jack = await createLovedOne(family.client);
  const keepsake = await createKeepsake(family.client, jack.id);
  const trip = await createTripWithFlights(family.client);
  return { family, keepsake, trip, url: `/api/trips/${trip.trip.id}` };
}

describe('the trip answer cache', () => {
  it('shows a confirmation, a new name and a renamed keepsake as soon as they are made', async () => {
    // The evening before the flight out: its first check is open.
    t.clock.set('2026-06-30T18:00:00.000Z');
    const { family, keepsake, trip, url } = await familyWithTrip();
    const check = trip.legs[0]!.checks[0]!;
    expect((await family.client.get(url)).json<TripDetail>().legs[0]!.checks[0]!.complete).toBe(false);

    const confirmed = await family.client.post(`/api/leg-checks/${check.id}/confirmations`, {
      travellerId: trip.travellers[0]!.id,
      tripKeepsakeIds: trip.keepsakes.map((k) => k.id),
    });
    expect(confirmed.statusCode).toBe(201);
    const read = (await family.client.get(url)).json<TripDetail>();
    expect(read.legs[0]!.checks[0]!.complete).toBe(true);
    expect(read).toEqual(confirmed.json<TripDetail>());

    expect((await family.client.patch(url, { name: 'Jack to the sea' })).statusCode).toBe(200);
    expect((await family.client.get(url)).json<TripDetail>().trip.name).toBe('Jack to the sea');

    // A change through another module raises the same revision.
    const renamed = await family.client.patch(`/api/keepsakes/${keepsake.id}`, { name: 'Jack’s wooden box' });
    expect(renamed.statusCode).toBe(200);
    expect((await family.client.get(url)).json<TripDetail>().keepsakes[0]!.name).toBe('Jack’s wooden box');
  });

  it('gives each role its own answer: a teenager never reads what a parent may do', async () => {
    const { family, url } = await familyWithTrip();
    const teen = await addMember(t.app, t.container.db.kysely, family, 'child', 'Mia');
    const owners = (await family.client.get(url)).json<TripDetail>();
    const teens = (await teen.client.get(url)).json<TripDetail>();
    expect(owners.can.edit).toBe(true);
    expect(teens.can).toEqual({ edit: false, tick: true, confirm: true });
    expect({ ...teens, can: owners.can }).toEqual(owners);
    // And the other way round, read again from what is kept.
    expect((await teen.client.get(url)).json<TripDetail>().can.edit).toBe(false);
    expect((await family.client.get(url)).json<TripDetail>().can.edit).toBe(true);
  });

  it('answers 404 for a trip that does not exist or is another family’s, even when theirs is kept', async () => {
    const { family } = await familyWithTrip();
    const other = await familyWithTrip();
    expect((await other.family.client.get(other.url)).statusCode).toBe(200); // kept for them
    expect((await family.client.get(other.url)).statusCode).toBe(404);
    expect((await family.client.get('/api/trips/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).statusCode).toBe(404);
  });

  it('shows a change made through another instance of the app on the same database', async () => {
    const { family, url } = await familyWithTrip();
    const other = await buildContainer(t.container.config, { clock: t.clock });
    const otherApp = await buildApp(other);
    try {
      const there = clientFor(otherApp, family.client.cookie, family.session.csrfToken);
      expect((await family.client.get(url)).json<TripDetail>().trip.name).toBe('Summer in Spain'); // kept here
      expect((await there.get(url)).json<TripDetail>().trip.name).toBe('Summer in Spain'); // kept there
      expect((await there.patch(url, { name: 'Spain, with Jack' })).statusCode).toBe(200);
      expect((await family.client.get(url)).json<TripDetail>().trip.name).toBe('Spain, with Jack');
      expect((await family.client.patch(url, { name: 'Spain again' })).statusCode).toBe(200);
      expect((await there.get(url)).json<TripDetail>().trip.name).toBe('Spain again');
    } finally {
      await otherApp.close();
      await other.close();
    }
  });
});
