import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../contracts/accounts.js';
import type { CreatedInviteResponse } from '../../../contracts/family.js';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildTestApp, clientFor, type TestApp } from '../../test/app.js';
import {
  addMember,
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from '../../test/factories.js';

// A traveller added "without an account" who later joins the family through an invite is linked
// to their new member by an owner or adult: the same traveller, so what they confirmed stays theirs.

let t: TestApp;
let olive: Family;
let trip: TripDetail;
let samTravellerId: string;

beforeAll(async () => {
  t = await buildTestApp();
  olive = await createFamily(t.app, { displayName: 'Olive' });
  const jack = await createLovedOne(olive.client, { name: 'Jack' });
  await createKeepsake(olive.client, jack.id, { name: "Jack's box" });
  const made = await createTripWithFlights(olive.client, { requireTwoPeople: true });
  trip = (
    await olive.client.post(`/api/trips/${made.trip.id}/travellers`, { name: 'Sammy', isChild: false })
  ).json<TripDetail>();
  samTravellerId = trip.travellers.find((x) => x.name === 'Sammy')!.id;
});
afterAll(() => t.close());

const checkOf = (detail: TripDetail) => detail.legs[0]!.checks[0]!;
const confirmationsOf = (detail: TripDetail) => checkOf(detail).keepsakes[0]!.confirmations;

async function join(displayName: string): Promise<Family> {
  const made = (
    await olive.client.post('/api/family/invites', { role: 'adult', forName: displayName })
  ).json<CreatedInviteResponse>();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/join/sign-up',
    payload: {
      invite: made.code,
      displayName,
      email: `${displayName.toLowerCase()}@example.com`,
      password: 'a long and gentle password',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const session = response.json<SessionResponse>();
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { client: clientFor(t.app, cookie, session.csrfToken), session, cookie };
}

describe('linking a traveller without an account to the member they became', () => {
  it('keeps what they confirmed, shown as theirs, and lets them confirm on their own phone', async () => {
    // Olive records Sammy's confirmation on her phone, before Sammy has an account.
    const confirmed = await olive.client.post(`/api/leg-checks/${checkOf(trip).id}/confirmations`, {
      travellerId: samTravellerId,
      tripKeepsakeIds: [trip.keepsakes[0]!.id],
    });
    expect(confirmed.statusCode).toBe(201);
    const sam = await join('Sam');

    const linked = await olive.client.post(`/api/travellers/${samTravellerId}/member`, {
      memberId: sam.session.member.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const after = linked.json<TripDetail>();
    const traveller = after.travellers.find((x) => x.id === samTravellerId)!;
    expect(traveller).toMatchObject({ memberId: sam.session.member.id, name: 'Sam' });
    expect(confirmationsOf(after)).toEqual([
      expect.objectContaining({ travellerId: samTravellerId, travellerName: 'Sam', recordedByName: 'Olive' }),
    ]);

    // Sam, signed in as himself, sees the trip with himself on it and confirms the next check.
    const seen = (await sam.client.get(`/api/trips/${trip.trip.id}`)).json<TripDetail>();
    expect(seen.travellers.filter((x) => x.memberId === sam.session.member.id)).toHaveLength(1);
    const next = seen.legs[1]!.checks[0]!;
    const own = await sam.client.post(`/api/leg-checks/${next.id}/confirmations`, {
      travellerId: samTravellerId,
      tripKeepsakeIds: [seen.keepsakes[0]!.id],
    });
    expect(own.statusCode).toBe(201);
    const mine = own.json<TripDetail>().legs[1]!.checks[0]!.keepsakes[0]!.confirmations;
    expect(mine).toEqual([expect.objectContaining({ travellerName: 'Sam', recordedByName: 'Sam' })]);
  });

  it('refuses to link a traveller twice, or a member already on the trip', async () => {
    const other = await join('Alex');
    const again = await olive.client.post(`/api/travellers/${samTravellerId}/member`, {
      memberId: other.session.member.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Sam is already someone in your family');

    const withRiley = (
      await olive.client.post(`/api/trips/${trip.trip.id}/travellers`, { name: 'Riley', isChild: true })
    ).json<TripDetail>();
    const riley = withRiley.travellers.find((x) => x.name === 'Riley')!;
    const olivesOwn = olive.session.member.id;
    const taken = await olive.client.post(`/api/travellers/${riley.id}/member`, { memberId: olivesOwn });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('Olive is already on this trip');
  });

  it('asks for someone from the family, and leaves it to owners and adults', async () => {
    const withKit = (
      await olive.client.post(`/api/trips/${trip.trip.id}/travellers`, { name: 'Kit', isChild: true })
    ).json<TripDetail>();
    const kit = withKit.travellers.find((x) => x.name === 'Kit')!;
    const unknown = await olive.client.post(`/api/travellers/${kit.id}/member`, {
      memberId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.memberId).toBe('Please choose someone from your family.');

    const child = await addMember(t.app, t.container.db.kysely, olive, 'child', 'Kit');
    const refused = await child.client.post(`/api/travellers/${kit.id}/member`, {
      memberId: child.session.member.id,
    });
    expect(refused.statusCode).toBe(403);
  });
});
