import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TripRulesResponse } from '../contracts/trip-rules.js';
import { CONTRACTS_HEADER } from '../contracts/paths.js';
import type { Checklist, TripDetail } from '../contracts/trips.js';
import { buildTestApp, type TestApp } from './test/app.js';
import { fixedClock } from './test/clock.js';
import {
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from './test/factories.js';

// Phones out in the world hold changes made without signal in localStorage, written by the app
// version before the typed endpoint table (src/web/lib/outbox.ts, key "alongside-outbox-v1"). This
// writes entries exactly as that version stored them and lets today's outbox replay them against the
// real server: each must be saved, and the outbox left empty.

const STORAGE_KEY = 'alongside-outbox-v1';

let t: TestApp;
let family: Family;
let trip: TripDetail;
let itemId: string;
let itemLabel: string;
let ruleKey: string;

/**
 * The browser as the outbox needs it: storage, a network that reaches the test server, no locks.
 * `newerServer`, where given, plays a server updated since the page opened: it changes a PATCH's
 * answer as a newer contract might (a value this page's contract does not know) and names other
 * contracts.
 */
function browserLike(cookie: string, newerServer?: (answer: Record<string, unknown>) => void) {
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
  vi.stubGlobal('window', {
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  });
  vi.stubGlobal('navigator', { onLine: true });
  const sent: Array<{ method: string; url: string; body: unknown; csrf: string | undefined }> = [];
  vi.stubGlobal(
    'fetch',
    async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
      sent.push({
        method: init.method,
        url,
        body: init.body === undefined ? undefined : JSON.parse(init.body),
        csrf: init.headers['x-csrf-token'],
      });
      const answer = await t.app.inject({
        method: init.method as 'GET',
        url,
        headers: { ...init.headers, cookie },
        ...(init.body !== undefined && { payload: init.body }),
      });
      const newer = newerServer && init.method === 'PATCH';
      let body = answer.statusCode === 204 ? null : answer.body;
      if (newer && body !== null) {
        const changed = JSON.parse(body) as Record<string, unknown>;
        newerServer(changed);
        body = JSON.stringify(changed);
      }
      return new Response(body, {
        status: answer.statusCode,
        headers: {
          'content-type': String(answer.headers['content-type'] ?? 'application/json'),
          [CONTRACTS_HEADER]: newer ? 'a-newer-server' : String(answer.headers[CONTRACTS_HEADER]),
        },
      });
    },
  );
  return { stored, sent };
}

beforeAll(async () => {
  // The evening before the flight (it leaves London at 09:30 on 1 July).
  t = await buildTestApp({ clock: fixedClock('2026-06-30T20:00:00.000Z') });
  family = await createFamily(t.app);
  const jack = await createLovedOne(family.client);
  await createKeepsake(family.client, jack.id);
  trip = await createTripWithFlights(family.client);
  const list = (await family.client.get(`/api/trips/${trip.trip.id}/checklist`)).json<Checklist>();
  const item = list.items.find((i) => !i.checked)!;
  itemId = item.id;
  itemLabel = item.label;
  const rules = (
    await family.client.get(`/api/trips/${trip.trip.id}/travel-rules`)
  ).json<TripRulesResponse>();
  ruleKey = rules.carrying[0]!.legs[0]!.requirements[0]!.key;
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await t.close();
});

describe('changes already waiting on phones', () => {
  it('are replayed by today’s outbox, in the format the current app stored them', async () => {
    const check = trip.legs[0]!.checks[0]!;
    const tripKeepsake = trip.keepsakes[0]!;
    const traveller = trip.travellers[0]!;
    const member = family.session.member.id;
    const { stored, sent } = browserLike(family.client.cookie);
    // Exactly what the app wrote before this change (outbox.ts `write`): one entry of each kind.
    stored.set(
      STORAGE_KEY,
      JSON.stringify({
        waiting: [
          {
            id: 'w1',
            memberId: member,
            madeAt: '2026-06-30T21:00:00.000Z',
            change: {
              kind: 'checklist',
              tripId: trip.trip.id,
              itemId,
              checked: true,
              confirmUntick: false,
              label: itemLabel,
            },
          },
          {
            id: 'w2',
            memberId: member,
            madeAt: '2026-06-30T21:00:01.000Z',
            change: { kind: 'rule', tripId: trip.trip.id, key: ruleKey, ticked: true, label: 'A paper' },
          },
          {
            id: 'w3',
            memberId: member,
            madeAt: '2026-06-30T21:00:02.000Z',
            change: {
              kind: 'confirm',
              tripId: trip.trip.id,
              checkId: check.id,
              tripKeepsakeId: tripKeepsake.id,
              travellerId: traveller.id,
              travellerName: traveller.name,
              label: `${traveller.name} has ${tripKeepsake.name}`,
            },
          },
        ],
        notSaved: [],
      }),
    );

    // Loaded by a name held in a variable, so the server's type check (no browser types) does not
    // walk the web app; tsconfig.web.json checks that file.
    const outboxSync = '../web/lib/outbox-sync.js';
    const { flushOutbox } = (await import(outboxSync)) as {
      flushOutbox: (client: QueryClient) => Promise<void>;
    };
    // A few minutes after the changes were made without signal.
    t.clock.set('2026-06-30T21:05:00.000Z');
    await flushOutbox(new QueryClient());

    // Sent in order, with the session's CSRF token, to the addresses and bodies the server knows.
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/session',
      `PATCH /api/checklist-items/${itemId}`,
      `POST /api/trips/${trip.trip.id}/travel-rules/ticks`,
      `POST /api/leg-checks/${check.id}/confirmations`,
    ]);
    expect(sent.slice(1).every((s) => s.csrf === family.client.csrfToken)).toBe(true);
    expect(sent[1]!.body).toEqual({ checked: true });
    // Nothing left waiting, nothing refused.
    expect(stored.has(STORAGE_KEY)).toBe(false);

    // And the server holds each change.
    const list = (await family.client.get(`/api/trips/${trip.trip.id}/checklist`)).json<Checklist>();
    expect(list.items.find((i) => i.id === itemId)!.checked).toBe(true);
    const rules = (
      await family.client.get(`/api/trips/${trip.trip.id}/travel-rules`)
    ).json<TripRulesResponse>();
    expect(rules.carrying[0]!.legs[0]!.requirements[0]!.ticked).toBe(true);
    const after = (await family.client.get(`/api/trips/${trip.trip.id}`)).json<TripDetail>();
    const confirmations = after.legs[0]!.checks[0]!.keepsakes.find(
      (k) => k.tripKeepsakeId === tripKeepsake.id,
    )!.confirmations;
    expect(confirmations.map((c) => c.travellerId)).toEqual([traveller.id]);
    // Recorded at the moment it was tapped (the entry's madeAt), not when it reached the server.
    expect(sent[3]!.body).toMatchObject({ tappedAt: '2026-06-30T21:00:02.000Z' });
    expect(confirmations[0]).toMatchObject({ confirmedAt: '2026-06-30T21:00:02.000Z', early: false });
    expect(after.legs[0]!.checks[0]!.complete).toBe(true);
  });

  it('a change the server took is saved, even when this page, older than the server, cannot read its answer', async () => {
    // Before: the answer broke the page's contract, and a tick the server had stored was reported
    // as "We could not save one change".
    const list = (await family.client.get(`/api/trips/${trip.trip.id}/checklist`)).json<Checklist>();
    // The item the first test ticked (the trip has one): this change unticks it.
    const item = list.items.find((i) => i.id === itemId)!;
    const { stored, sent } = browserLike(family.client.cookie, (answer) => {
      (answer.item as Record<string, unknown>).checked = 'a value a newer version has';
    });
    stored.set(
      STORAGE_KEY,
      JSON.stringify({
        waiting: [
          {
            id: 'w9',
            memberId: family.session.member.id,
            madeAt: '2026-06-30T21:10:00.000Z',
            change: {
              kind: 'checklist',
              tripId: trip.trip.id,
              itemId: item.id,
              checked: !item.checked,
              // The box of ashes travelling with them: unticked only when the person confirmed it.
              confirmUntick: true,
              label: item.label,
            },
          },
        ],
        notSaved: [],
      }),
    );
    const outboxSync = '../web/lib/outbox-sync.js';
    const client = '../web/lib/client.js';
    const { flushOutbox } = (await import(outboxSync)) as {
      flushOutbox: (client: QueryClient) => Promise<void>;
    };
    const { newerVersionSeen } = (await import(client)) as { newerVersionSeen: () => boolean };
    expect(newerVersionSeen()).toBe(false);
    await flushOutbox(new QueryClient());

    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/session',
      `PATCH /api/checklist-items/${item.id}`,
    ]);
    // Nothing waiting and nothing "not saved": the server holds it.
    expect(stored.has(STORAGE_KEY)).toBe(false);
    const after = (await family.client.get(`/api/trips/${trip.trip.id}/checklist`)).json<Checklist>();
    expect(after.items.find((i) => i.id === item.id)!.checked).toBe(!item.checked);
    // And the app knows to offer the new version.
    expect(newerVersionSeen()).toBe(true);
  });
});
