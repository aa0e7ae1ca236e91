import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TripRulesResponse } from '../../../contracts/trip-rules.js';
import type { Checklist, TripDetail, TripSummary } from '../../../contracts/trips.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import {
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  outboundFlight,
  type Family,
} from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-06-01T09:00:00.000Z'));

async function familyWithJack(): Promise<Family & { keepsakeId: string }> {
  const family = await createFamily(t.app);
  const jack = await createLovedOne(family.client);
  const box = await createKeepsake(family.client, jack.id);
  return { ...family, keepsakeId: box.id };
}

const checklistOf = async (family: Family, tripId: string) =>
  (await family.client.get(`/api/trips/${tripId}/checklist`)).json<Checklist>();

describe('a trip with a travelling keepsake', () => {
  it('puts the keepsake on the checklist, pinned, with who carries it and in which bag', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);

    expect(trip.keepsakes).toHaveLength(1);
    expect(trip.keepsakes[0]).toMatchObject({
      name: "Jack's box of ashes",
      lovedOneName: 'Jack',
      carrierName: 'Anna',
      bagDescription: 'carry-on bag',
    });
    const checklist = await checklistOf(family, trip.trip.id);
    const pinned = checklist.items.filter((i) => i.pinned);
    expect(pinned).toHaveLength(1);
    expect(pinned[0]).toMatchObject({ label: "Jack's box of ashes", ownerName: 'Anna', checked: false });
    expect(pinned[0]!.keepsake).toMatchObject({
      lovedOneName: 'Jack',
      carrierName: 'Anna',
      bagDescription: 'carry-on bag',
    });
  });

  it('refuses to remove the pinned item, and refuses a silent untick', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const [item] = (await checklistOf(family, trip.trip.id)).items.filter((i) => i.pinned);

    const removed = await family.client.delete(`/api/checklist-items/${item!.id}`);
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error.message).toContain('stays on the list');

    expect(
      (await family.client.patch(`/api/checklist-items/${item!.id}`, { checked: true })).json().item.checked,
    ).toBe(true);
    const silent = await family.client.patch(`/api/checklist-items/${item!.id}`, { checked: false });
    expect(silent.statusCode).toBe(409);
    expect((await checklistOf(family, trip.trip.id)).items.find((i) => i.id === item!.id)!.checked).toBe(
      true,
    );

    const meant = await family.client.patch(`/api/checklist-items/${item!.id}`, {
      checked: false,
      confirmUntick: true,
    });
    expect(meant.statusCode).toBe(200);
    expect(meant.json().item).toMatchObject({ checked: false, untickedByName: 'Anna' });
    expect(meant.json().item.untickedAt).toBe(t.clock.now() && new Date(t.clock.now()).toISOString());
  });

  it('keeps who ticked first, and a refused or unknown tick changes nothing, not even the revision', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const [item] = (await checklistOf(family, trip.trip.id)).items.filter((i) => i.pinned);
    const etag = async () =>
      (await family.client.get(`/api/trips/${trip.trip.id}/checklist`)).headers.etag as string;

    const ticked = (await family.client.patch(`/api/checklist-items/${item!.id}`, { checked: true })).json()
      .item as { checkedAt: string; checkedByName: string };
    expect(ticked.checkedByName).toBe('Anna');
    t.clock.advance(60_000);
    const again = await family.client.patch(`/api/checklist-items/${item!.id}`, { checked: true });
    expect(again.json().item.checkedAt).toBe(ticked.checkedAt);

    const before = await etag();
    const silent = await family.client.patch(`/api/checklist-items/${item!.id}`, { checked: false });
    expect(silent.statusCode).toBe(409);
    expect(silent.json().error.message).toBe(
      "Jack's box of ashes is travelling with you. Please confirm that you want to untick it.",
    );
    const other = await createFamily(t.app);
    const elsewhere = await other.client.patch(`/api/checklist-items/${item!.id}`, {
      checked: false,
      confirmUntick: true,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(await etag()).toBe(before);
    expect((await checklistOf(family, trip.trip.id)).items.find((i) => i.id === item!.id)).toMatchObject({
      checked: true,
      checkedAt: ticked.checkedAt,
      untickedAt: null,
    });

    // Unticking what is not ticked is no untick: nothing to confirm, nothing recorded.
    await family.client.patch(`/api/checklist-items/${item!.id}`, { checked: false, confirmUntick: true });
    const unticked = (await checklistOf(family, trip.trip.id)).items.find((i) => i.id === item!.id)!;
    const quiet = await family.client.patch(`/api/checklist-items/${item!.id}`, { checked: false });
    expect(quiet.statusCode).toBe(200);
    expect(quiet.json().item).toEqual(unticked);
  });

  it('answers a tick, an untick and a rename with the item exactly as it is then stored', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const stored = async (id: string) =>
      (await checklistOf(family, trip.trip.id)).items.find((i) => i.id === id);
    const [pinned] = (await checklistOf(family, trip.trip.id)).items.filter((i) => i.pinned);
    const added = await family.client.post(`/api/trips/${trip.trip.id}/checklist`, {
      label: 'Passports',
      scope: 'shared',
    });
    const own = added.json().item as { id: string };
    const changes: Array<[string, Record<string, unknown>]> = [
      [pinned!.id, { checked: true }],
      [pinned!.id, { checked: true }], // already ticked: nothing changes
      [pinned!.id, { checked: false, confirmUntick: true }],
      [own.id, { checked: true }],
      [own.id, { label: 'Both passports' }],
      [own.id, { checked: false }],
    ];
    for (const [id, body] of changes) {
      t.clock.advance(60_000);
      const answer = await family.client.patch(`/api/checklist-items/${id}`, body);
      expect(answer.statusCode).toBe(200);
      expect(answer.json().item).toEqual(await stored(id));
    }
  });

  it('gives every leg, the way home too, a "Before you leave" check that completes only when confirmed', async () => {
    t.clock.set('2026-07-05T09:00:00.000Z');
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    expect(trip.legs.map((l) => l.isReturn)).toEqual([false, true]);
    for (const leg of trip.legs) {
      const before = leg.checks.find((c) => c.kind === 'before_you_leave');
      expect(before).toMatchObject({ complete: false, completedAt: null, requiredConfirmers: 1 });
    }
    // Checkpoints suited to flying, and checking out of the hotel on the way home.
    expect(trip.legs[0]!.checks.map((c) => c.kind)).toEqual([
      'before_you_leave',
      'after_security',
      'leaving_plane',
    ]);
    expect(trip.legs[1]!.checks.map((c) => c.kind)).toEqual([
      'checkout',
      'before_you_leave',
      'after_security',
      'leaving_plane',
    ]);

    const check = trip.legs[1]!.checks.find((c) => c.kind === 'before_you_leave')!;
    const anna = trip.travellers[0]!;
    t.clock.set('2026-07-08T14:00:00.000Z');
    const confirmed = await family.client.post(`/api/leg-checks/${check.id}/confirmations`, {
      travellerId: anna.id,
      tripKeepsakeIds: trip.keepsakes.map((k) => k.id),
    });
    expect(confirmed.statusCode).toBe(201);
    const after = confirmed.json<TripDetail>().legs[1]!.checks.find((c) => c.id === check.id)!;
    expect(after.complete).toBe(true);
    expect(after.completedAt).toBe('2026-07-08T14:00:00.000Z');
    expect(after.keepsakes[0]!.confirmations[0]).toMatchObject({
      travellerName: 'Anna',
      recordedByName: 'Anna',
      confirmedAt: '2026-07-08T14:00:00.000Z',
    });
    // The outbound leg's check is its own, still open.
    expect(confirmed.json<TripDetail>().legs[0]!.checks[0]!.complete).toBe(false);
    expect(confirmed.json<TripDetail>().trip.progress).toMatchObject({ checksComplete: 1, checksTotal: 7 });
  });

  it('asks two different people when the family wants two, and a child without an account can be the second', async () => {
    // On the morning of the flight: confirmations before the evening before are only "packed early".
    t.clock.set('2026-07-01T06:00:00.000Z');
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client, { requireTwoPeople: true });
    const withMia = (
      await family.client.post(`/api/trips/${trip.trip.id}/travellers`, { name: 'Mia', isChild: true })
    ).json<TripDetail>();
    const [anna, mia] = withMia.travellers;
    const check = withMia.legs[0]!.checks[0]!;
    const tripKeepsakeIds = withMia.keepsakes.map((k) => k.id);

    const once = await family.client.post(`/api/leg-checks/${check.id}/confirmations`, {
      travellerId: anna!.id,
      tripKeepsakeIds,
    });
    expect(once.json<TripDetail>().legs[0]!.checks[0]).toMatchObject({
      complete: false,
      requiredConfirmers: 2,
    });
    // The same person again does not count twice.
    const again = await family.client.post(`/api/leg-checks/${check.id}/confirmations`, {
      travellerId: anna!.id,
      tripKeepsakeIds,
    });
    expect(again.json<TripDetail>().legs[0]!.checks[0]!.complete).toBe(false);
    expect(again.json<TripDetail>().legs[0]!.checks[0]!.keepsakes[0]!.confirmations).toHaveLength(1);

    const second = await family.client.post(`/api/leg-checks/${check.id}/confirmations`, {
      travellerId: mia!.id,
      tripKeepsakeIds,
    });
    const done = second.json<TripDetail>().legs[0]!.checks[0]!;
    expect(done.complete).toBe(true);
    expect(done.keepsakes[0]!.confirmations.map((c) => c.travellerName)).toEqual(['Anna', 'Mia']);
  });

  it('lets a mistaken confirmation be taken back', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const check = trip.legs[0]!.checks[0]!;
    const confirmed = (
      await family.client.post(`/api/leg-checks/${check.id}/confirmations`, {
        travellerId: trip.travellers[0]!.id,
        tripKeepsakeIds: [trip.keepsakes[0]!.id],
      })
    ).json<TripDetail>();
    const confirmation = confirmed.legs[0]!.checks[0]!.keepsakes[0]!.confirmations[0]!;
    const undone = await family.client.delete(`/api/check-confirmations/${confirmation.id}`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json<TripDetail>().legs[0]!.checks[0]!.complete).toBe(false);
  });

  it('keeps a confirmed keepsake on the trip while it travels', async () => {
    t.clock.set('2026-06-28T09:00:00.000Z');
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    t.clock.set('2026-07-01T06:00:00.000Z');
    await family.client.post(`/api/leg-checks/${trip.legs[0]!.checks[0]!.id}/confirmations`, {
      travellerId: trip.travellers[0]!.id,
      tripKeepsakeIds: [trip.keepsakes[0]!.id],
    });
    const refused = await family.client.delete(`/api/trip-keepsakes/${trip.keepsakes[0]!.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('travelling with you');
  });

  it('switches checkpoints on and off to suit the way of travelling', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const leg = trip.legs[0]!;
    const updated = await family.client.patch(`/api/legs/${leg.id}`, {
      checkpoints: ['after_security', 'checkout'],
    });
    expect(updated.json<TripDetail>().legs[0]!.checks.map((c) => c.kind)).toEqual([
      'checkout',
      'before_you_leave',
      'after_security',
    ]);
    const unsuited = await family.client.patch(`/api/legs/${leg.id}`, { checkpoints: ['leaving_car'] });
    expect(unsuited.statusCode).toBe(400);
    expect(unsuited.json().error.fields).toHaveProperty('checkpoints');
    const byRoad = await family.client.patch(`/api/legs/${leg.id}`, { mode: 'road' });
    expect(byRoad.json<TripDetail>().legs[0]!.checks.map((c) => c.kind)).toEqual([
      'before_you_leave',
      'leaving_car',
    ]);
  });

  it('stores the departure in UTC from the local time and its zone', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    expect(trip.legs[0]).toMatchObject({
      departureLocal: '2026-07-01T09:30',
      departureZone: 'Europe/London',
      departureUtc: '2026-07-01T08:30:00.000Z',
    });
    expect(trip.legs[1]!.departureUtc).toBe('2026-07-08T16:15:00.000Z');
  });
});

describe('a departure check belongs to its departure', () => {
  // The outbound flight leaves at 09:30 in London on 1 July 2026 (08:30 UTC): its checks open at
  // 18:00 BST on 30 June, 17:00 UTC.
  const OPENS = '2026-06-30T17:00:00.000Z';
  const confirm = (family: Family, checkId: string, body: Record<string, unknown>) =>
    family.client.post(`/api/leg-checks/${checkId}/confirmations`, body);
  /** Moves the clock on, the family opening the app every few days (a session idles out after 7). */
  async function daysPass(family: Family, iso: string) {
    while (t.clock.now() + 5 * 86_400_000 < Date.parse(iso)) {
      t.clock.advance(5 * 86_400_000);
      await family.client.get('/api/trips');
    }
    t.clock.set(iso);
  }
  beforeEach(() => t.clock.set('2026-06-29T09:00:00.000Z'));

  it('counts a confirmation from three weeks before as packed early, and asks again on the day', async () => {
    t.clock.set('2026-06-09T21:00:00.000Z');
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const check = trip.legs[0]!.checks.find((c) => c.kind === 'before_you_leave')!;
    const anna = trip.travellers[0]!;
    const tripKeepsakeIds = trip.keepsakes.map((k) => k.id);
    expect(check.opensAt).toBe(OPENS);
    // The way home leaves Madrid at 18:15 on 8 July: 18:00 CEST on 7 July is 16:00 UTC.
    expect(trip.legs[1]!.checks.every((c) => c.opensAt === '2026-07-07T16:00:00.000Z')).toBe(true);

    t.clock.set('2026-06-09T21:31:00.000Z');
    const early = (
      await confirm(family, check.id, { travellerId: anna.id, tripKeepsakeIds })
    ).json<TripDetail>();
    const packedEarly = early.legs[0]!.checks.find((c) => c.id === check.id)!;
    expect(packedEarly).toMatchObject({
      complete: false,
      completedAt: null,
      packedEarlyAt: '2026-06-09T21:31:00.000Z',
    });
    expect(packedEarly.keepsakes[0]!.confirmations).toMatchObject([
      { travellerName: 'Anna', confirmedAt: '2026-06-09T21:31:00.000Z', early: true },
    ]);
    expect(early.trip.progress.checksComplete).toBe(0);

    // A minute before the check opens (17:59 in London), a confirmation is still early.
    await daysPass(family, '2026-06-30T16:59:00.000Z');
    const stillEarly = (
      await confirm(family, check.id, { travellerId: anna.id, tripKeepsakeIds })
    ).json<TripDetail>();
    expect(stillEarly.legs[0]!.checks.find((c) => c.id === check.id)).toMatchObject({
      complete: false,
      packedEarlyAt: '2026-06-09T21:31:00.000Z',
    });

    // The morning of the flight: Anna confirms again, and that one counts.
    t.clock.set('2026-07-01T06:10:00.000Z');
    const again = (
      await confirm(family, check.id, { travellerId: anna.id, tripKeepsakeIds })
    ).json<TripDetail>();
    const done = again.legs[0]!.checks.find((c) => c.id === check.id)!;
    expect(done).toMatchObject({
      complete: true,
      completedAt: '2026-07-01T06:10:00.000Z',
      packedEarlyAt: null,
    });
    expect(done.keepsakes[0]!.confirmations).toMatchObject([
      { travellerName: 'Anna', confirmedAt: '2026-07-01T06:10:00.000Z', early: false },
    ]);
    expect(again.trip.progress.checksComplete).toBe(1);

    // A later tap by the same person changes nothing: the one on the day stands.
    t.clock.set('2026-07-01T07:00:00.000Z');
    const later = (
      await confirm(family, check.id, { travellerId: anna.id, tripKeepsakeIds })
    ).json<TripDetail>();
    expect(later.legs[0]!.checks.find((c) => c.id === check.id)!.completedAt).toBe(
      '2026-07-01T06:10:00.000Z',
    );
  });

  it('opens a trip’s checks from the hour the family chose, and moves them when it changes', async () => {
    t.clock.set('2026-06-20T09:00:00.000Z');
    const family = await familyWithJack();
    // An early flight: packing done from 14:00 the day before should count.
    const trip = await createTripWithFlights(family.client, { checksOpenHour: 14 });
    expect(trip.trip.checksOpenHour).toBe(14);
    const check = trip.legs[0]!.checks.find((c) => c.kind === 'before_you_leave')!;
    // 14:00 BST on 30 June is 13:00 UTC; the way home's, 14:00 CEST on 7 July, is 12:00 UTC.
    expect(check.opensAt).toBe('2026-06-30T13:00:00.000Z');
    expect(trip.legs[1]!.checks.every((c) => c.opensAt === '2026-07-07T12:00:00.000Z')).toBe(true);

    // Packed at 15:30 in London the day before: it counts for this departure.
    await daysPass(family, '2026-06-30T14:30:00.000Z');
    const anna = trip.travellers[0]!;
    const tripKeepsakeIds = trip.keepsakes.map((k) => k.id);
    const packed = (
      await confirm(family, check.id, { travellerId: anna.id, tripKeepsakeIds })
    ).json<TripDetail>();
    expect(packed.legs[0]!.checks.find((c) => c.id === check.id)).toMatchObject({
      complete: true,
      completedAt: '2026-06-30T14:30:00.000Z',
      packedEarlyAt: null,
    });

    // Back to the usual 18:00: the same confirmation is now "packed early", and the check asks again.
    const usual = await family.client.patch(`/api/trips/${trip.trip.id}`, { checksOpenHour: null });
    expect(usual.statusCode).toBe(200);
    const after = (await family.client.get(`/api/trips/${trip.trip.id}`)).json<TripDetail>();
    expect(after.trip.checksOpenHour).toBe(18);
    expect(after.legs[0]!.checks.find((c) => c.id === check.id)).toMatchObject({
      opensAt: OPENS,
      complete: false,
      packedEarlyAt: '2026-06-30T14:30:00.000Z',
    });
  });

  it('refuses an hour outside 08:00–22:00, naming the field, and stores nothing', async () => {
    const family = await familyWithJack();
    for (const checksOpenHour of [7, 23, 18.5, '18']) {
      const refused = await family.client.post('/api/trips', {
        name: 'Too early',
        purpose: 'carry',
        requireTwoPeople: false,
        checksOpenHour,
      });
      expect(refused.statusCode).toBe(400);
      expect(Object.keys(refused.json().error.fields)).toEqual(['checksOpenHour']);
    }
    expect((await family.client.get('/api/trips')).json().trips).toEqual([]);
  });

  it('records an offline confirmation at the moment it was tapped, bounded by the server’s clock', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const [before, security] = trip.legs[0]!.checks;
    const anna = trip.travellers[0]!;
    const tripKeepsakeIds = trip.keepsakes.map((k) => k.id);

    // Tapped at 22:34 with no signal, saved at 22:35.
    t.clock.set('2026-06-30T22:35:00.000Z');
    const saved = (
      await confirm(family, before!.id, {
        travellerId: anna.id,
        tripKeepsakeIds,
        tappedAt: '2026-06-30T22:34:00.000Z',
      })
    ).json<TripDetail>();
    expect(saved.legs[0]!.checks[0]).toMatchObject({
      complete: true,
      completedAt: '2026-06-30T22:34:00.000Z',
    });
    const stored = await t.container.db.kysely
      .selectFrom('check_confirmations')
      .select(['confirmed_at', 'received_at'])
      .where('check_id', '=', before!.id)
      .execute();
    expect(stored).toEqual([
      { confirmed_at: '2026-06-30T22:34:00.000Z', received_at: '2026-06-30T22:35:00.000Z' },
    ]);

    // The early rule reads the tap: tapped at 16:59 UTC, before the check opened, saved after.
    t.clock.set('2026-06-30T17:01:00.000Z');
    const tappedEarly = (
      await confirm(family, security!.id, {
        travellerId: anna.id,
        tripKeepsakeIds,
        tappedAt: '2026-06-30T16:59:00.000Z',
      })
    ).json<TripDetail>();
    expect(tappedEarly.legs[0]!.checks[1]).toMatchObject({
      complete: false,
      packedEarlyAt: '2026-06-30T16:59:00.000Z',
    });

    // A phone clock ahead of the server: never recorded in the future.
    t.clock.set('2026-07-01T07:00:00.000Z');
    const ahead = (
      await confirm(family, security!.id, {
        travellerId: anna.id,
        tripKeepsakeIds,
        tappedAt: '2026-07-01T07:03:00.000Z',
      })
    ).json<TripDetail>();
    expect(ahead.legs[0]!.checks[1]).toMatchObject({
      complete: true,
      completedAt: '2026-07-01T07:00:00.000Z',
    });
  });

  it('does not believe a tap time more than 14 days old, and refuses one that is not a time', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const check = trip.legs[0]!.checks[0]!;
    const body = { travellerId: trip.travellers[0]!.id, tripKeepsakeIds: trip.keepsakes.map((k) => k.id) };
    t.clock.set('2026-07-01T06:00:00.000Z');
    const old = (
      await confirm(family, check.id, { ...body, tappedAt: '2026-06-01T06:00:00.000Z' })
    ).json<TripDetail>();
    expect(old.legs[0]!.checks[0]).toMatchObject({ complete: true, completedAt: '2026-07-01T06:00:00.000Z' });

    const wrong = await confirm(family, check.id, { ...body, tappedAt: 'last Tuesday' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.tappedAt).toBe('The time of the tap should be a date and time.');
  });

  it('opens the checks again when the departure moves to a later day', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const check = trip.legs[0]!.checks[0]!;
    t.clock.set('2026-07-01T06:00:00.000Z');
    await confirm(family, check.id, {
      travellerId: trip.travellers[0]!.id,
      tripKeepsakeIds: trip.keepsakes.map((k) => k.id),
    });
    const moved = (
      await family.client.patch(`/api/legs/${trip.legs[0]!.id}`, { departureLocal: '2026-07-03T09:30' })
    ).json<TripDetail>();
    const leg = moved.legs.find((l) => l.id === trip.legs[0]!.id)!;
    expect(leg.checks[0]).toMatchObject({
      opensAt: '2026-07-02T17:00:00.000Z',
      complete: false,
      packedEarlyAt: '2026-07-01T06:00:00.000Z',
    });
  });
});

describe('checklists and templates', () => {
  it('adds personal and shared items, saves them as a list, and starts a new trip from it', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const anna = trip.travellers[0]!;
    const personal = await family.client.post(`/api/trips/${trip.trip.id}/checklist`, {
      label: 'Passport',
      scope: 'personal',
      ownerTravellerId: anna.id,
    });
    expect(personal.statusCode).toBe(201);
    expect(personal.json().item).toMatchObject({
      label: 'Passport',
      scope: 'personal',
      ownerName: 'Anna',
      pinned: false,
    });
    await family.client.post(`/api/trips/${trip.trip.id}/checklist`, {
      label: 'Glass for water',
      scope: 'shared',
    });

    const saved = await family.client.post(`/api/trips/${trip.trip.id}/save-as-template`, {
      name: 'Flying with Jack',
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().template).toMatchObject({ name: 'Flying with Jack', itemCount: 2 });

    const next = await family.client.post('/api/trips', {
      name: 'Autumn at Gran’s',
      purpose: 'carry',
      requireTwoPeople: false,
      templateId: saved.json().template.id,
    });
    expect(next.statusCode).toBe(201);
    const items = (await checklistOf(family, next.json<TripDetail>().trip.id)).items;
    expect(items.map((i) => i.label)).toEqual(["Jack's box of ashes", 'Passport', 'Glass for water']);
    expect(items[1]).toMatchObject({ scope: 'personal', ownerName: 'Anna', checked: false });
  });

  it('keeps where the ashes will be scattered, checking the region lies in that country', async () => {
    const { client } = await createFamily(t.app);
    const created = await client.post('/api/trips', {
      name: 'Big Sur',
      purpose: 'scatter',
      requireTwoPeople: false,
      scatterCountry: 'US',
      scatterRegion: 'US-CA',
      scatterPlace: 'sea',
      ashesComeHome: false,
    });
    expect(created.statusCode).toBe(201);
    const trip = created.json<TripDetail>().trip;
    expect(trip).toMatchObject({
      scatterCountry: 'US',
      scatterRegion: 'US-CA',
      scatterPlace: 'sea',
      ashesComeHome: false,
    });
    const wrong = await client.patch(`/api/trips/${trip.id}`, { scatterCountry: 'CA' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.scatterRegion).toContain('not in the country');
    const moved = await client.patch(`/api/trips/${trip.id}`, {
      scatterCountry: 'CA',
      scatterRegion: 'CA-BC',
    });
    expect(moved.json<TripDetail>().trip).toMatchObject({ scatterCountry: 'CA', scatterRegion: 'CA-BC' });
  });

  it('keeps where the family collects the ashes unsaid until they say it, then reads, changes and clears it (issue 7)', async () => {
    const family = await familyWithJack();
    const plain = await createTripWithFlights(family.client);
    expect(plain.trip.collectIn).toBeNull();
    // Flying out to Spain without Jack, collecting him there, bringing him home.
    const collecting = await createTripWithFlights(family.client, {
      name: 'Bringing Jack home',
      collectIn: ' es ',
    });
    const tripId = collecting.trip.id;
    expect(collecting.trip.collectIn).toBe('ES');
    const read = (await family.client.get(`/api/trips/${tripId}`)).json<TripDetail>();
    expect(read.trip.collectIn).toBe('ES');
    const list = (await family.client.get('/api/trips')).json<{ trips: TripSummary[] }>();
    expect(list.trips.map((trip) => [trip.name, trip.collectIn]).sort()).toEqual([
      ['Bringing Jack home', 'ES'],
      ['Summer in Spain', null],
    ]);
    const carried = async () =>
      (await family.client.get(`/api/trips/${tripId}/travel-rules`))
        .json<TripRulesResponse>()
        .carrying[0]!.legs.map((leg) => leg.carriesAshes);
    // The flight out carries nothing; the flight home carries him.
    expect(await carried()).toEqual([false, true]);
    // Another edit leaves it as it is; null takes it back to unsaid, and he travels both ways.
    const renamed = await family.client.patch(`/api/trips/${tripId}`, {
      notes: 'Pick up from the funeral home.',
    });
    expect(renamed.json<TripDetail>().trip.collectIn).toBe('ES');
    const changed = await family.client.patch(`/api/trips/${tripId}`, { collectIn: 'GB' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<TripDetail>().trip.collectIn).toBe('GB');
    const cleared = await family.client.patch(`/api/trips/${tripId}`, { collectIn: null });
    expect(cleared.json<TripDetail>().trip.collectIn).toBeNull();
    expect(await carried()).toEqual([true, true]);
  });

  it('refuses where the ashes are collected when it is not a country code, naming the field', async () => {
    const { client } = await createFamily(t.app);
    const created = await client.post('/api/trips', {
      name: 'Singapore',
      purpose: 'carry',
      requireTwoPeople: false,
      collectIn: 'Singapore',
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields.collectIn).toContain('Please choose where you collect the ashes');
    const trip = (await createTripWithFlights(client, { collectIn: 'ES' })).trip;
    const edited = await client.patch(`/api/trips/${trip.id}`, { collectIn: 'XX' });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().error.fields.collectIn).toBeDefined();
    const uk = await client.patch(`/api/trips/${trip.id}`, { collectIn: 'UK' });
    expect(uk.json().error.fields.collectIn).toBe('Please use GB for the United Kingdom.');
    const kept = (await client.get(`/api/trips/${trip.id}`)).json<TripDetail>();
    expect(kept.trip.collectIn).toBe('ES');
  });

  it('another family can neither see nor change where the ashes are collected', async () => {
    const ours = await createFamily(t.app);
    const theirs = await createFamily(t.app);
    const trip = (await createTripWithFlights(ours.client, { collectIn: 'ES' })).trip;
    expect((await theirs.client.get(`/api/trips/${trip.id}`)).statusCode).toBe(404);
    const list = (await theirs.client.get('/api/trips')).json<{ trips: unknown[] }>();
    expect(list.trips).toEqual([]);
    const edit = await theirs.client.patch(`/api/trips/${trip.id}`, { collectIn: 'GB' });
    expect(edit.statusCode).toBe(404);
    const ourView = (await ours.client.get(`/api/trips/${trip.id}`)).json<TripDetail>();
    expect(ourView.trip.collectIn).toBe('ES');
  });

  it('marks a flight as only a change of planes, and never a train', async () => {
    const { client } = await createFamily(t.app);
    const detail = await createTripWithFlights(client);
    const flight = detail.legs[0]!;
    expect(flight.connection).toBe(false);
    const marked = await client.patch(`/api/legs/${flight.id}`, { connection: true });
    expect(marked.json<TripDetail>().legs[0]!.connection).toBe(true);
    const train = await client.post(`/api/trips/${detail.trip.id}/legs`, {
      ...outboundFlight,
      mode: 'rail',
      carrier: null,
      connection: true,
    });
    expect(train.statusCode).toBe(400);
    expect(train.json().error.fields.connection).toContain('Only a flight (a change of planes) or a sailing');
    const toTrain = await client.patch(`/api/legs/${flight.id}`, {
      mode: 'rail',
      checkpoints: ['leaving_train'],
    });
    expect(toTrain.statusCode).toBe(200);
    const asTrain = toTrain.json<TripDetail>().legs.find((l) => l.id === flight.id)!;
    expect(asTrain.connection).toBe(false);
    // British Airways runs no trains: the airline goes with the change of planes.
    expect(asTrain.carrier).toBeNull();
    // A cruise calling at a port, the ashes staying on board, is a stop without entering too.
    const portCall = await client.post(`/api/trips/${detail.trip.id}/legs`, {
      ...outboundFlight,
      mode: 'sea',
      fromCountry: 'US',
      toCountry: 'MX',
      carrier: 'CCL',
      connection: true,
      checkpoints: [],
    });
    expect(portCall.statusCode).toBe(201);
    expect(portCall.json<TripDetail>().legs.find((l) => l.mode === 'sea')!.connection).toBe(true);
    const drive = await client.post(`/api/trips/${detail.trip.id}/legs`, {
      ...outboundFlight,
      mode: 'road',
      carrier: null,
      connection: true,
      checkpoints: [],
    });
    expect(drive.statusCode).toBe(400);
    expect(drive.json().error.fields.connection).toContain('or a sailing (a port of call)');
  });

  it('keeps only companies it knows for the way of travelling, and says which field and why', async () => {
    const { client } = await createFamily(t.app);
    const detail = await createTripWithFlights(client);
    const flight = detail.legs[0]!;
    const unknown = await client.patch(`/api/legs/${flight.id}`, { carrier: 'ZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.carrier).toBe(
      "We don't know an airline flying with the code ZZ. Please choose the airline from the list, or leave it empty.",
    );
    // Nothing half-stored: the flight still has its airline.
    const after = (await client.get(`/api/trips/${detail.trip.id}`)).json<TripDetail>();
    expect(after.legs.find((l) => l.id === flight.id)!.carrier).toBe('BA');
    // An airline our rules do not know is still an airline: kept, and the rules say they have none.
    expect((await client.patch(`/api/legs/${flight.id}`, { carrier: 'fi' })).statusCode).toBe(200);
    const train = await client.post(`/api/trips/${detail.trip.id}/legs`, {
      ...outboundFlight,
      mode: 'rail',
      carrier: 'BA',
    });
    expect(train.statusCode).toBe(400);
    expect(train.json().error.fields.carrier).toContain('We only know Amtrak, Eurostar, VIA Rail here.');
    const eurostar = await client.post(`/api/trips/${detail.trip.id}/legs`, {
      ...outboundFlight,
      mode: 'rail',
      fromCountry: 'GB',
      toCountry: 'FR',
      carrier: '9F',
    });
    expect(eurostar.statusCode).toBe(201);
  });

  it('shows progress on the trips list', async () => {
    const family = await familyWithJack();
    const trip = await createTripWithFlights(family.client);
    const [item] = (await checklistOf(family, trip.trip.id)).items;
    await family.client.patch(`/api/checklist-items/${item!.id}`, { checked: true });
    const list = (await family.client.get('/api/trips')).json<{ trips: TripSummary[] }>();
    expect(list.trips[0]).toMatchObject({
      name: 'Summer in Spain',
      keepsakeNames: ["Jack's box of ashes"],
      progress: { checklistDone: 1, checklistTotal: 1, checksComplete: 0, checksTotal: 7 },
    });
  });
});
