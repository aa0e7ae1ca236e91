import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../contracts/accounts.js';
import type { ChildModeResponse, TripHelpsResponse } from '../../../contracts/children.js';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildTestApp, clientFor, type Client, type TestApp } from '../../test/app.js';
import {
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from '../../test/factories.js';

// Children: a child profile with no e-mail and no password, a phone handed over in child mode (a
// session with the child's rights only), a child's help with the keepsake check that an adult
// always confirms, and leaving child mode with the PIN or the parent's password.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
// The outbound flight leaves at 09:30 London time on 1 July; its checks opened at 18:00 the evening before.
beforeEach(() => t.clock.set('2026-06-30T18:30:00.000Z'));

interface Setup {
  parent: Family;
  trip: TripDetail;
  miaId: string;
}

async function familyWithMia(): Promise<Setup> {
  const parent = await createFamily(t.app, { displayName: 'Olive' });
  const jack = await createLovedOne(parent.client);
  await createKeepsake(parent.client, jack.id);
  const trip = await createTripWithFlights(parent.client);
  const made = await parent.client.post('/api/child-profiles', { displayName: 'Mia' });
  expect(made.statusCode).toBe(201);
  const miaId = made.json<{ profiles: Array<{ id: string; displayName: string }> }>().profiles[0]!.id;
  return { parent, trip, miaId };
}

/** The parent hands this phone to Mia: answers the phone's client in child mode and its cookie. */
async function handOver(parent: Client, miaId: string, pin = '2468') {
  const response = await parent.post(`/api/child-profiles/${miaId}/child-mode`, { pin });
  expect(response.statusCode, response.body).toBe(201);
  const cookie = response.cookies.find((c) => c.name === 'alongside_session')!;
  const view = response.json<ChildModeResponse>();
  return {
    phone: clientFor(t.app, `${cookie.name}=${cookie.value}`, view.csrfToken),
    token: cookie.value,
    view,
  };
}

const beforeYouLeave = (trip: TripDetail) => trip.legs[0]!.checks.find((c) => c.kind === 'before_you_leave')!;

describe('child profiles', () => {
  it('are made by a parent with a name only, and listed for the family', async () => {
    const { parent, miaId } = await familyWithMia();
    const list = await parent.client.get('/api/child-profiles');
    expect(list.statusCode).toBe(200);
    expect(list.json().profiles).toEqual([
      { id: miaId, displayName: 'Mia', birthMonth: null, createdAt: expect.any(String) },
    ]);
    // No account of her own: no e-mail, no password, no membership.
    const users = await t.container.db.kysely.selectFrom('users').select('display_name').execute();
    expect(users.map((u) => u.display_name)).not.toContain('Mia');
  });
});

describe('child mode', () => {
  it('replaces the parent’s session on the phone with one that has only the child’s rights', async () => {
    const { parent, trip, miaId } = await familyWithMia();
    const { phone, token, view } = await handOver(parent.client, miaId);

    expect(view.child).toEqual({ id: miaId, displayName: 'Mia' });
    expect(view.trips).toEqual([
      {
        id: trip.trip.id,
        name: 'Summer in Spain',
        checkId: beforeYouLeave(trip).id,
        keepsakes: [
          {
            tripKeepsakeId: trip.keepsakes[0]!.id,
            lovedOneName: 'Jack',
            keepsakeName: "Jack's box of ashes",
            state: 'ask',
          },
        ],
      },
    ]);
    // The parent's session on this phone has ended: its cookie no longer opens anything.
    expect((await parent.client.get('/api/session')).statusCode).toBe(401);

    // Stored like every session: the SHA-256 of a long random token, and the PIN hashed (Argon2id).
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await t.container.db.kysely
      .selectFrom('sessions')
      .selectAll()
      .where('child_profile_id', '=', miaId)
      .executeTakeFirstOrThrow();
    expect(row.id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.exit_pin_hash).toMatch(/^\$argon2id\$/);
    expect(row.exit_pin_hash).not.toContain('2468');

    // Nothing private answers the child's session: the server refuses, not just the app.
    for (const url of [
      '/api/session',
      '/api/family/members',
      '/api/family/invites',
      '/api/account/sessions',
      '/api/loved-ones',
      '/api/trips',
      `/api/trips/${trip.trip.id}`,
      `/api/trips/${trip.trip.id}/travel-rules`,
      `/api/trips/${trip.trip.id}/checklist`,
      '/api/child-profiles',
      '/api/calendar?from=2026-01-01&to=2026-12-31',
    ]) {
      const response = await phone.get(url);
      expect(response.statusCode, url).toBe(403);
      expect(response.body, url).not.toContain('example.com');
    }
    // Nor may it confirm a keepsake as an adult would, or hand the phone on.
    const confirm = await phone.post(`/api/leg-checks/${beforeYouLeave(trip).id}/confirmations`, {
      travellerId: trip.travellers[0]!.id,
      tripKeepsakeIds: [trip.keepsakes[0]!.id],
    });
    expect(confirm.statusCode).toBe(403);
    expect((await phone.post(`/api/child-profiles/${miaId}/child-mode`, { pin: '1111' })).statusCode).toBe(
      403,
    );
    expect((await phone.post('/api/auth/sign-out')).statusCode).toBe(403);
  });

  it('records a child’s help without completing the check, until an adult confirms', async () => {
    const { parent, trip, miaId } = await familyWithMia();
    const { phone } = await handOver(parent.client, miaId);
    const check = beforeYouLeave(trip);
    const tripKeepsakeId = trip.keepsakes[0]!.id;

    const helped = await phone.post(
      `/api/child-mode/leg-checks/${check.id}/keepsakes/${tripKeepsakeId}/help`,
    );
    expect(helped.statusCode).toBe(201);
    expect(helped.json<ChildModeResponse>().trips[0]!.keepsakes[0]!.state).toBe('helped');
    // Helping again changes nothing.
    expect(
      (await phone.post(`/api/child-mode/leg-checks/${check.id}/keepsakes/${tripKeepsakeId}/help`))
        .statusCode,
    ).toBe(201);
    const stored = await t.container.db.kysely
      .selectFrom('keepsake_helps')
      .selectAll()
      .where('child_profile_id', '=', miaId)
      .execute();
    expect(stored).toHaveLength(1);

    // The parent leaves child mode with the PIN, and sees that Mia helped; the check is not done.
    const left = await phone.post('/api/child-mode/leave', { pin: '2468' });
    expect(left.statusCode, left.body).toBe(200);
    const cookie = left.cookies.find((c) => c.name === 'alongside_session')!;
    const session = left.json<SessionResponse>();
    expect(session.member.displayName).toBe('Olive');
    const back = clientFor(t.app, `${cookie.name}=${cookie.value}`, session.csrfToken);
    const detail = (await back.get(`/api/trips/${trip.trip.id}`)).json<TripDetail>();
    expect(beforeYouLeave(detail).complete).toBe(false);
    const helps = (await back.get(`/api/trips/${trip.trip.id}/helps`)).json<TripHelpsResponse>();
    expect(helps.helps).toEqual([
      {
        checkId: check.id,
        tripKeepsakeId,
        childName: 'Mia',
        lovedOneName: 'Jack',
        helpedAt: '2026-06-30T18:30:00.000Z',
        awaitingGrownUp: true,
      },
    ]);

    // The adult confirms: the check is complete, and the help is no longer waiting.
    const confirmed = await back.post(`/api/leg-checks/${check.id}/confirmations`, {
      travellerId: detail.travellers[0]!.id,
      tripKeepsakeIds: [tripKeepsakeId],
    });
    expect(confirmed.statusCode).toBe(201);
    expect(beforeYouLeave(confirmed.json<TripDetail>()).complete).toBe(true);
    const after = (await back.get(`/api/trips/${trip.trip.id}/helps`)).json<TripHelpsResponse>();
    expect(after.helps[0]!.awaitingGrownUp).toBe(false);

    // Handed over again, Mia sees that a grown-up has checked.
    const again = await handOver(back, miaId);
    expect(again.view.trips[0]!.keepsakes[0]!.state).toBe('checked');
  });

  it('refuses help with a check that is not the next one, or a keepsake not on the trip', async () => {
    const { parent, trip, miaId } = await familyWithMia();
    const other = await createTripWithFlights(parent.client, { name: 'Autumn' });
    const { phone } = await handOver(parent.client, miaId);
    const returnCheck = trip.legs[1]!.checks.find((c) => c.kind === 'before_you_leave')!;
    expect(
      (
        await phone.post(
          `/api/child-mode/leg-checks/${returnCheck.id}/keepsakes/${trip.keepsakes[0]!.id}/help`,
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await phone.post(
          `/api/child-mode/leg-checks/${beforeYouLeave(trip).id}/keepsakes/${other.keepsakes[0]!.id}/help`,
        )
      ).statusCode,
    ).toBe(400);
  });

  it('is left only with the PIN or the parent’s password; wrong guesses are slowed down', async () => {
    const { parent, miaId } = await familyWithMia();
    const { phone } = await handOver(parent.client, miaId);

    for (let i = 0; i < 4; i++) {
      const wrong = await phone.post('/api/child-mode/leave', { pin: '1357' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields.pin).toContain('did not match');
    }
    // After three free tries, a wait: even the right PIN must wait for it.
    const waiting = await phone.post('/api/child-mode/leave', { pin: '2468' });
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error.message).toContain('Please wait');
    expect((await phone.get('/api/child-mode')).statusCode).toBe(200);

    t.clock.set('2026-06-30T18:32:00.000Z');
    const wrongPassword = await phone.post('/api/child-mode/leave', { password: 'not the password' });
    expect(wrongPassword.statusCode).toBe(400);
    t.clock.set('2026-06-30T18:40:00.000Z');
    const left = await phone.post('/api/child-mode/leave', { password: 'a long and gentle password' });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json<SessionResponse>().user.displayName).toBe('Olive');
    // The child's session has ended: the phone's old cookie opens nothing, not even child mode.
    expect((await phone.get('/api/child-mode')).statusCode).toBe(401);
  });

  it('ends when the child profile is removed', async () => {
    const { parent, miaId } = await familyWithMia();
    const other = await createFamily(t.app);
    expect((await other.client.delete(`/api/child-profiles/${miaId}`)).statusCode).toBe(404);
    // Handed over, taken back, and handed over again.
    const { phone } = await handOver(parent.client, miaId);
    const left = await phone.post('/api/child-mode/leave', { pin: '2468' });
    const cookie = left.cookies.find((c) => c.name === 'alongside_session')!;
    const back = clientFor(t.app, `${cookie.name}=${cookie.value}`, left.json<SessionResponse>().csrfToken);
    const second = await handOver(back, miaId, '97531');
    // Signed in elsewhere, the parent sees the phone in child mode among their sessions.
    const fresh = await signInAgain(parent);
    const sessions = (await fresh.get('/api/account/sessions')).json<{
      sessions: Array<{ childMode: boolean; current: boolean }>;
    }>().sessions;
    expect(sessions.filter((s) => s.childMode)).toHaveLength(1);
    // Removing Mia's profile ends child mode on that phone.
    const removed = await fresh.delete(`/api/child-profiles/${miaId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().profiles).toEqual([]);
    expect((await second.phone.get('/api/child-mode')).statusCode).toBe(401);
  });
});

/** Signs the parent in again on another device. */
async function signInAgain(parent: Family): Promise<Client> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: parent.session.user.email, password: 'a long and gentle password' },
  });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'alongside_session')!;
  return clientFor(t.app, `${cookie.name}=${cookie.value}`, response.json<SessionResponse>().csrfToken);
}
