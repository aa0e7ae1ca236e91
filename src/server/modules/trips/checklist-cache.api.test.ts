import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checklist } from '../../../contracts/trips.js';
import { buildApp } from '../../app.js';
import { buildContainer } from '../../container.js';
import { buildTestApp, clientFor, type TestApp } from '../../test/app.js';
import { createFamily, createKeepsake, createLovedOne, createTripWithFlights } from '../../test/factories.js';

// The checklist is served from a per-process cache keyed by the family's revision. These tests prove
// it never serves a stale list: not to the member who changed it, and not on another instance.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the checklist read cache', () => {
  it('answers 304 to a phone that already holds the current list, and 200 after a change', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    await createKeepsake(client, jack.id);
    const trip = await createTripWithFlights(client);
    const first = await client.get(`/api/trips/${trip.trip.id}/checklist`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"\d+"$/);
    const again = await client.request({
      method: 'GET',
      url: `/api/trips/${trip.trip.id}/checklist`,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const item = first.json<Checklist>().items[0]!;
    await client.patch(`/api/checklist-items/${item.id}`, { checked: true });
    const after = await client.request({
      method: 'GET',
      url: `/api/trips/${trip.trip.id}/checklist`,
      headers: { 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
    expect(after.json<Checklist>().items[0]!.checked).toBe(true);
  });

  it('answers 404, never 304, for a trip that does not exist or is another family’s', async () => {
    const { client } = await createFamily(t.app);
    const trip = await createTripWithFlights(client);
    const etag = (await client.get(`/api/trips/${trip.trip.id}/checklist`)).headers.etag as string;
    const other = await createFamily(t.app);
    const theirs = await createTripWithFlights(other.client);
    const missing = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    for (const tripId of [missing, theirs.trip.id]) {
      const answer = await client.request({
        method: 'GET',
        url: `/api/trips/${tripId}/checklist`,
        headers: { 'if-none-match': etag },
      });
      expect(answer.statusCode).toBe(404);
    }
  });

  it('shows a change made through another instance of the app on the same database', async () => {
    const { client, session } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    await createKeepsake(client, jack.id);
    const trip = await createTripWithFlights(client);
    const other = await buildContainer(t.container.config, { clock: t.clock });
    const otherApp = await buildApp(other);
    try {
      const there = clientFor(otherApp, client.cookie, session.csrfToken);
      const url = `/api/trips/${trip.trip.id}/checklist`;
      expect((await client.get(url)).json<Checklist>().items[0]!.checked).toBe(false); // cached here
      const itemId = (await there.get(url)).json<Checklist>().items[0]!.id; // cached there
      expect((await there.patch(`/api/checklist-items/${itemId}`, { checked: true })).statusCode).toBe(200);
      expect((await client.get(url)).json<Checklist>().items[0]!.checked).toBe(true);
      await client.patch(`/api/checklist-items/${itemId}`, { checked: false, confirmUntick: true });
      expect((await there.get(url)).json<Checklist>().items[0]!.checked).toBe(false);
    } finally {
      await otherApp.close();
      await other.close();
    }
  });

  it('reflects a renamed loved one, which lives in another module', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    await createKeepsake(client, jack.id);
    const trip = await createTripWithFlights(client);
    const url = `/api/trips/${trip.trip.id}/checklist`;
    expect((await client.get(url)).json<Checklist>().items[0]!.keepsake!.lovedOneName).toBe('Jack');
    await client.patch(`/api/loved-ones/${jack.id}`, { name: 'Jack Rivers' });
    expect((await client.get(url)).json<Checklist>().items[0]!.keepsake!.lovedOneName).toBe('Jack Rivers');
  });

  it('sends the kept answer compressed as the phone asks, and never a compressed form of an older list', async () => {
    const { client } = await createFamily(t.app);
    const jack = await createLovedOne(client);
    await createKeepsake(client, jack.id);
    const trip = await createTripWithFlights(client);
    const url = `/api/trips/${trip.trip.id}/checklist`;
    for (const label of ['Passports', 'Phone chargers', 'The blue scarf', 'Printed boarding passes'])
      expect((await client.post(url, { label, scope: 'shared' })).statusCode).toBe(201);
    const read = (encoding?: string) =>
      client.request({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });
    const unpack = (answer: Awaited<ReturnType<typeof read>>): Checklist => {
      const encoding = answer.headers['content-encoding'];
      const bytes =
        encoding === 'br'
          ? brotliDecompressSync(answer.rawPayload)
          : encoding === 'gzip'
            ? gunzipSync(answer.rawPayload)
            : answer.rawPayload;
      return JSON.parse(bytes.toString()) as Checklist;
    };

    const plain = await read();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.rawPayload.length).toBeGreaterThan(1024); // above the threshold, so it is compressed below
    const br = await read('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(unpack(br)).toEqual(plain.json());
    expect(unpack(await read('br;q=0, gzip'))).toEqual(plain.json());
    expect((await read('br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    expect((await read('x-gzip')).headers['content-encoding']).toBe('gzip');
    expect((await read('deflate')).headers['content-encoding']).toBeUndefined();
    expect((await read('identity')).headers['content-encoding']).toBeUndefined();

    // Both compressed forms are now kept; a tick must not let either outlive the list it packs.
    const item = plain.json<Checklist>().items[1]!;
    expect(item.checked).toBe(false);
    await client.patch(`/api/checklist-items/${item.id}`, { checked: true });
    for (const encoding of ['br', 'gzip', undefined]) {
      const after = unpack(await read(encoding));
      expect(after.items.find((i) => i.id === item.id)!.checked).toBe(true);
      expect(after.progress.done).toBe(plain.json<Checklist>().progress.done + 1);
    }
  });
});
