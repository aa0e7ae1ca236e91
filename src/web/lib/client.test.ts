import { describe, expect, it, vi } from 'vitest';
import { allEndpoints, endpoints as contracts } from '../../contracts/endpoints.js';
import { endpointTable } from '../../../scripts/vite-endpoint-table.js';
import type { RawAnswer } from './api.js';
import { contractsFingerprint } from 'virtual:endpoint-table';
import { call, endpoints, loadContracts, newerVersionSeen, onNewerVersion, settleSoon } from './client.js';

// The web app calls endpoints through a table the build makes without zod (method, path, key), and
// checks answers with the contracts once they have loaded. These tests run in order: the first one
// runs before anything has loaded the contracts.

const answer = (payload: unknown, status = 200): RawAnswer => ({
  status,
  ok: status < 400,
  payload,
  epoch: 0,
});
const goodTrips = { trips: [] };
const brokenTrips = { trips: 'not a list' };

describe('the first screen is drawn before the contracts arrive, and checked once they have', () => {
  it('uses a first answer at once, then reports one that breaks its contract', async () => {
    const brokenSeen = vi.fn();
    const goodSeen = vi.fn();
    expect(settleSoon(endpoints.trips.list, answer(brokenTrips), brokenSeen)).toEqual(brokenTrips);
    expect(settleSoon(endpoints.trips.list, answer(goodTrips), goodSeen)).toEqual(goodTrips);
    await loadContracts();
    await vi.waitFor(() => expect(brokenSeen).toHaveBeenCalledOnce());
    expect(goodSeen).not.toHaveBeenCalled();
  });

  it('once the contracts are here, a broken answer is refused before it is used', () => {
    expect(() => settleSoon(endpoints.trips.list, answer(brokenTrips), vi.fn())).toThrow(
      /went wrong on our side/,
    );
    expect(settleSoon(endpoints.trips.list, answer(goodTrips), vi.fn())).toEqual(goodTrips);
  });

  it('a failure says what the server said', async () => {
    const failed = answer({ error: { code: 'not_found', message: 'We could not find that trip.' } }, 404);
    await expect((async () => settleSoon(endpoints.trips.get, failed, vi.fn()))()).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'We could not find that trip.',
    });
  });

  it('every call is checked against its contract', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json(brokenTrips)));
    try {
      await expect(call(endpoints.trips.list)).rejects.toMatchObject({ code: 'internal' });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('an answer this page cannot read, from a server newer than the page', () => {
  it('is not "something went wrong": the app is told to offer the new version, once', async () => {
    await loadContracts();
    const told = vi.fn();
    const stop = onNewerVersion(told);
    // The server answers by the contracts this page was built with: a broken answer is our fault.
    expect(() =>
      settleSoon(endpoints.trips.list, { ...answer(brokenTrips), contracts: contractsFingerprint }, vi.fn()),
    ).toThrow(/went wrong on our side/);
    expect(told).not.toHaveBeenCalled();
    expect(newerVersionSeen()).toBe(false);
    // A server with other contracts: the page is older than it.
    const newer = { ...answer(brokenTrips), contracts: 'a-newer-server' };
    expect(() => settleSoon(endpoints.trips.list, newer, vi.fn())).toThrow(
      expect.objectContaining({
        code: 'outdated',
        message: expect.stringMatching(/updated since this page opened/),
      }),
    );
    expect(() => settleSoon(endpoints.trips.list, newer, vi.fn())).toThrow(/updated/);
    expect(told).toHaveBeenCalledOnce();
    expect(newerVersionSeen()).toBe(true);
    // An answer it can read is used as ever.
    expect(
      settleSoon(endpoints.trips.list, { ...answer(goodTrips), contracts: 'a-newer-server' }, vi.fn()),
    ).toEqual(goodTrips);
    stop();
  });
});

describe('the table the build makes', () => {
  it('has every endpoint of the contracts, with its method, path and key, and nothing else', () => {
    const table = endpointTable();
    const flat = Object.values(table).flatMap((entry) =>
      'method' in entry ? [entry] : Object.values(entry as Record<string, typeof entry>),
    );
    expect(flat).toHaveLength(allEndpoints().length);
    for (const [group, entry] of Object.entries(contracts)) {
      const named =
        'method' in entry ? { '': entry } : (entry as Record<string, { method: string; path: string }>);
      for (const [name, endpoint] of Object.entries(named)) {
        const made = name ? (table[group] as Record<string, unknown>)[name] : table[group];
        expect(made).toEqual({
          method: endpoint.method,
          path: endpoint.path,
          key: name ? `${group}.${name}` : group,
        });
      }
    }
  });
});
