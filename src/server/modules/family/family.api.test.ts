import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../contracts/accounts.js';
import type {
  CreatedInviteResponse,
  FamiliesResponse,
  InvitePreviewResponse,
  InvitesResponse,
  LeaveResponse,
} from '../../../contracts/family.js';
import { buildTestApp, clientFor, type TestApp } from '../../test/app.js';
import { addMember, createFamily, createTripWithFlights, type Family } from '../../test/factories.js';
import { allTables, snapshotData } from '../../test/snapshot.js';

// Invites, joining, members and several families, through the real API on a real database.

let t: TestApp;
let owner: Family;
let counter = 0;

beforeAll(async () => {
  t = await buildTestApp();
  owner = await createFamily(t.app, { displayName: 'Olive', familyName: 'The Rivers family' });
});
afterAll(() => t.close());

async function invite(by: Family, body: Record<string, unknown> = {}): Promise<CreatedInviteResponse> {
  const response = await by.client.post('/api/family/invites', { role: 'adult', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<CreatedInviteResponse>();
}

const tokenOf = (link: string) => link.slice(link.indexOf('#token=') + '#token='.length);

async function joinAsNew(secret: string, displayName = 'Sam') {
  return t.app.inject({
    method: 'POST',
    url: '/api/join/sign-up',
    payload: {
      invite: secret,
      displayName,
      email: `joiner-${counter++}@example.com`,
      password: 'a long and gentle password',
    },
  });
}

/** A signed-in client from a join or sign-in answer. */
function signedIn(response: Awaited<ReturnType<typeof joinAsNew>>): Family {
  const session = response.json<SessionResponse>();
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { client: clientFor(t.app, cookie, session.csrfToken), session, cookie };
}

const preview = (secret: string) =>
  t.app.inject({ method: 'POST', url: '/api/join/preview', payload: { invite: secret } });

const inviteRow = (id: string) =>
  t.container.db.kysely.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('making invites', () => {
  it('answers a link (256-bit token after #) and a short code once, and lists the invite', async () => {
    const made = await invite(owner, { forName: 'Sam' });
    expect(made.link).toMatch(/^http:\/\/alongside\.test\/join#token=[A-Za-z0-9_-]{43}$/);
    expect(made.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(made.invite).toMatchObject({
      role: 'adult',
      forName: 'Sam',
      maxUses: 1,
      uses: 0,
      status: 'open',
      createdBy: 'Olive',
      joined: [],
      expiresAt: '2026-06-08T09:00:00.000Z', // 7 days from the test clock's now
    });
    const list = (await owner.client.get('/api/family/invites')).json<InvitesResponse>();
    expect(list.invites.map((i) => i.id)).toContain(made.invite.id);
    expect(JSON.stringify(list)).not.toContain(made.code);
    expect(JSON.stringify(list)).not.toContain(tokenOf(made.link));
  });

  it('keeps only hashes of the link and the code', async () => {
    const made = await invite(owner);
    const row = await inviteRow(made.invite.id);
    const token = tokenOf(made.link);
    expect(row.token_hash).toBe(createHash('sha256').update(`invite:${token}`).digest('hex'));
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(await t.container.db.kysely.selectFrom('invites').selectAll().execute());
    expect(stored).not.toContain(token);
    for (const form of [made.code, made.code.replace(/-/g, '')]) expect(stored).not.toContain(form);
  });

  it('refuses a role nobody can be invited as, naming the field, and stores nothing', async () => {
    const before = await snapshotData(t.container.db.kysely, allTables);
    const response = await owner.client.post('/api/family/invites', { role: 'owner' });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['role']);
    const tooMany = await owner.client.post('/api/family/invites', { role: 'viewer', maxUses: 21 });
    expect(Object.keys(tooMany.json().error.fields)).toEqual(['maxUses']);
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });

  it('lets an adult invite, but not a child login or a viewer', async () => {
    const adult = await addMember(t.app, t.container.db.kysely, owner, 'adult');
    expect((await adult.client.post('/api/family/invites', { role: 'viewer' })).statusCode).toBe(201);
    for (const role of ['child', 'viewer'] as const) {
      const member = await addMember(t.app, t.container.db.kysely, owner, role);
      expect((await member.client.post('/api/family/invites', { role: 'viewer' })).statusCode).toBe(403);
      expect((await member.client.get('/api/family/invites')).statusCode).toBe(403);
    }
  });
});

describe('joining as someone new', () => {
  it('shows the family and who asked, by link or by code typed loosely', async () => {
    const made = await invite(owner, { role: 'viewer' });
    for (const secret of [made.link, tokenOf(made.link), made.code.toLowerCase().replace(/-/g, ' ')]) {
      const response = await preview(secret);
      expect(response.statusCode, secret).toBe(200);
      expect(response.json<InvitePreviewResponse>()).toMatchObject({
        familyName: 'The Rivers family',
        invitedBy: 'Olive',
        role: 'viewer',
        status: 'open',
        alreadyMember: false,
      });
    }
  });

  it('answers a wrong or garbled code with a kind 404 and no clue to what exists', async () => {
    for (const secret of ['AAAA-BBBB-CCCC', 'hello', 'A'.repeat(43), 'KQ7M-XH3D-R9T0']) {
      const response = await preview(secret);
      expect(response.statusCode, secret).toBe(404);
      expect(response.json().error.message).toBe(
        'We could not find an invite with that code. Please check it, or ask for a new one.',
      );
    }
  });

  it('makes their account in the family with the invite’s role, and the family sees them', async () => {
    const made = await invite(owner, { role: 'child', forName: 'Tom' });
    const response = await joinAsNew(made.code, 'Tom');
    expect(response.statusCode, response.body).toBe(201);
    const tom = signedIn(response);
    expect(tom.session.family.name).toBe('The Rivers family');
    expect(tom.session.member.role).toBe('child');
    expect(tom.session.permissions).toEqual([
      'family.read',
      'lovedOnes.read',
      'trips.read',
      'checklist.tick',
      'keepsakes.confirm',
      'media.read',
      'media.add',
      // A teen with their own login sees the family's rituals and marks taking part.
      'rituals.read',
      'rituals.mark',
      // They see the memory box (not what is kept for the parents) and add to it.
      'memoryBox.read',
      'memoryBox.add',
      // And the family's tributes, to download and post themselves.
      'tributes.read',
      // With their own account they may bring an archive in as a new family of their own (as anyone
      // may sign up and start one); it changes nothing of this family.
      'family.import',
    ]);
    const members = (await owner.client.get('/api/family/members')).json<{
      members: Array<{ displayName: string; role: string }>;
    }>();
    expect(members.members).toContainEqual(expect.objectContaining({ displayName: 'Tom', role: 'child' }));
    const listed = (await owner.client.get('/api/family/invites'))
      .json<InvitesResponse>()
      .invites.find((i) => i.id === made.invite.id)!;
    expect(listed).toMatchObject({ uses: 1, status: 'used' });
    expect(listed.joined).toEqual([
      { memberId: tom.session.member.id, displayName: 'Tom', joinedAt: expect.any(String) },
    ]);
  });

  it('lets a single-use invite in once; the second person is told kindly and nothing is stored', async () => {
    const made = await invite(owner);
    expect((await joinAsNew(made.link)).statusCode).toBe(201);
    const before = await snapshotData(t.container.db.kysely, allTables);
    const again = await joinAsNew(made.link, 'Someone else');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'This invite has already been used. Please ask Olive for a new one; it only takes a moment.',
    );
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });

  it('lets only one of two people joining at the same moment through a single-use invite', async () => {
    const made = await invite(owner);
    // Both read the invite as open before either takes its use (hashing a password takes a while).
    const answers = await Promise.all([joinAsNew(made.code, 'First'), joinAsNew(made.code, 'Second')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(Number((await inviteRow(made.invite.id)).uses)).toBe(1);
  });

  it('lets a multi-use invite in up to its cap', async () => {
    const made = await invite(owner, { role: 'viewer', maxUses: 3 });
    for (const name of ['Gran', 'Grandad', 'Aunt May'])
      expect((await joinAsNew(made.code, name)).statusCode).toBe(201);
    expect((await joinAsNew(made.code, 'One too many')).statusCode).toBe(409);
    const row = await inviteRow(made.invite.id);
    expect(Number(row.uses)).toBe(3);
    const joins = await t.container.db.kysely
      .selectFrom('invite_joins')
      .select('membership_id')
      .where('invite_id', '=', made.invite.id)
      .execute();
    expect(joins).toHaveLength(3);
  });

  it('refuses an address that already has an account, naming the field, without using the invite', async () => {
    const made = await invite(owner);
    const before = await snapshotData(t.container.db.kysely, allTables);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/join/sign-up',
      payload: {
        invite: made.code,
        displayName: 'Olive again',
        email: owner.session.user.email,
        password: 'a long and gentle password',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['email']);
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });

  it('refuses a password shorter than sign-up allows, by name', async () => {
    const made = await invite(owner);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/join/sign-up',
      payload: { invite: made.code, displayName: 'Sam', email: 'short@example.com', password: 'short' },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['password']);
  });
});

describe('invites that no longer let anyone in', () => {
  it('ends after its days, by the clock', async () => {
    const made = await invite(owner, { expiresInDays: 1 });
    t.clock.advance(86_400_000 - 1);
    expect((await preview(made.code)).json<InvitePreviewResponse>().status).toBe('open');
    t.clock.advance(1);
    expect((await preview(made.code)).json<InvitePreviewResponse>().status).toBe('expired');
    const late = await joinAsNew(made.code);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      'This invite has ended. Please ask Olive for a new one; it only takes a moment.',
    );
    t.clock.set('2026-06-01T09:00:00.000Z');
  });

  it('can be taken back; who joined already stays', async () => {
    const made = await invite(owner, { maxUses: 5 });
    expect((await joinAsNew(made.link, 'Early')).statusCode).toBe(201);
    const revoked = await owner.client.post(`/api/family/invites/${made.invite.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().invite).toMatchObject({ status: 'revoked', uses: 1 });
    expect(revoked.json().invite.joined.map((j: { displayName: string }) => j.displayName)).toEqual([
      'Early',
    ]);
    expect((await preview(made.link)).json<InvitePreviewResponse>().status).toBe('revoked');
    const late = await joinAsNew(made.link);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/^This invite was taken back\./);
  });
});

describe('joining with an account one already has', () => {
  it('adds a second family, moves the session there, and lets the person switch back', async () => {
    const gran = await createFamily(t.app, { displayName: 'Gran', familyName: 'Gran’s own family' });
    const made = await invite(owner, { role: 'viewer' });
    const seen = await gran.client.post('/api/join/preview', { invite: made.code });
    expect(seen.json<InvitePreviewResponse>().alreadyMember).toBe(false);

    const joined = await gran.client.post('/api/join', { invite: made.code });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json<SessionResponse>()).toMatchObject({
      family: { name: 'The Rivers family' },
      member: { role: 'viewer', displayName: 'Gran' },
      csrfToken: gran.client.csrfToken,
    });
    expect((await gran.client.get('/api/session')).json<SessionResponse>().family.name).toBe(
      'The Rivers family',
    );
    // As a viewer here, trips are not hers to see; at home she sees everything.
    expect((await gran.client.get('/api/trips')).statusCode).toBe(403);

    const families = (await gran.client.get('/api/account/families')).json<FamiliesResponse>().families;
    expect(families.map((f) => [f.name, f.role, f.current])).toEqual([
      ['Gran’s own family', 'owner', false],
      ['The Rivers family', 'viewer', true],
    ]);
    const home = families[0]!.id;
    const switched = await gran.client.post('/api/account/family', { familyId: home });
    expect(switched.statusCode).toBe(200);
    expect(switched.json<SessionResponse>().family.name).toBe('Gran’s own family');
    expect((await gran.client.get('/api/trips')).statusCode).toBe(200);
    // Switching needs the session's CSRF token like every other change.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/account/family',
      headers: { cookie: gran.cookie },
      payload: { familyId: home },
    });
    expect(forged.statusCode).toBe(403);

    // Already in: a second join is refused and uses nothing.
    const again = await invite(owner, { role: 'viewer' });
    const twice = await gran.client.post('/api/join', { invite: again.code });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('You are already part of The Rivers family.');
    expect(Number((await inviteRow(again.invite.id)).uses)).toBe(0);
  });

  it('joins from a browser not signed in, with the e-mail and password of the account', async () => {
    const aunt = await createFamily(t.app, { displayName: 'May', familyName: 'May’s family' });
    const made = await invite(owner, { role: 'viewer' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/join/sign-in',
      payload: { invite: made.code, email: aunt.session.user.email, password: 'not her password at all' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(Object.keys(wrong.json().error.fields)).toEqual(['password']);
    expect(Number((await inviteRow(made.invite.id)).uses)).toBe(0);

    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/join/sign-in',
      payload: { invite: made.code, email: aunt.session.user.email, password: 'a long and gentle password' },
    });
    expect(joined.statusCode, joined.body).toBe(200);
    const may = signedIn(joined);
    expect(may.session).toMatchObject({ family: { name: 'The Rivers family' }, member: { role: 'viewer' } });
    expect((await may.client.get('/api/session')).json<SessionResponse>().user.id).toBe(aunt.session.user.id);
  });

  it('lets someone who left their only family sign in no more, but join again through an invite', async () => {
    const made = await invite(owner, { role: 'adult' });
    const joined = signedIn(await joinAsNew(made.code, 'Leaving'));
    const email = joined.session.user.email;
    expect((await joined.client.post('/api/family/leave')).statusCode).toBe(200);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: 'a long and gentle password' },
    });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json().error.message).toMatch(/^You are not part of a family here any more\./);

    const back = await invite(owner, { role: 'adult' });
    const rejoined = await t.app.inject({
      method: 'POST',
      url: '/api/join/sign-in',
      payload: { invite: back.code, email, password: 'a long and gentle password' },
    });
    expect(rejoined.statusCode, rejoined.body).toBe(200);
    // The same membership comes back, so what they did before is still theirs.
    expect(rejoined.json<SessionResponse>().member.id).toBe(joined.session.member.id);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: 'a long and gentle password' },
    });
    expect(again.statusCode).toBe(200);
  });

  it('refuses to switch to a family one is not part of', async () => {
    const stranger = await createFamily(t.app, { familyName: 'Strangers' });
    const response = await stranger.client.post('/api/account/family', { familyId: owner.session.family.id });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['familyId']);
  });
});

describe('rate limit', () => {
  it('slows down guessing codes from one address', async () => {
    const limited = await buildTestApp({ env: { AUTH_ATTEMPTS_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await limited.app.inject({
          method: 'POST',
          url: '/api/join/preview',
          payload: { invite: `AAAA-BBBB-CCC${'DEFG'[i]}` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('members', () => {
  let family: Family;
  let adult: Family;
  let child: Family;
  beforeAll(async () => {
    family = await createFamily(t.app, { displayName: 'Maya', familyName: 'The Okafor family' });
    adult = await addMember(t.app, t.container.db.kysely, family, 'adult', 'Dan');
    child = await addMember(t.app, t.container.db.kysely, family, 'child', 'Ada');
  });

  it('an owner makes an adult a co-owner; a child login cannot be made one', async () => {
    const made = await family.client.patch(`/api/family/members/${adult.session.member.id}`, {
      role: 'owner',
    });
    expect(made.statusCode).toBe(200);
    expect((await adult.client.get('/api/session')).json<SessionResponse>().member.role).toBe('owner');
    const refused = await family.client.patch(`/api/family/members/${child.session.member.id}`, {
      role: 'owner',
    });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields)).toEqual(['role']);
    // Back to an adult, for the tests below.
    await family.client.patch(`/api/family/members/${adult.session.member.id}`, { role: 'adult' });
  });

  it('never leaves the family without an owner', async () => {
    const self = await family.client.patch(`/api/family/members/${family.session.member.id}`, {
      role: 'adult',
    });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toBe(
      'Maya is the family’s only owner. Please make another adult an owner first.',
    );
    const leave = await family.client.post('/api/family/leave');
    expect(leave.statusCode).toBe(409);
    expect(leave.json().error.message).toBe(
      'You are the family’s only owner. Please hand over ownership to another adult before leaving.',
    );
    expect((await family.client.get('/api/session')).json<SessionResponse>().member.role).toBe('owner');
  });

  it('removes a member: their session ends, and what they ticked still shows their name', async () => {
    const helper = await addMember(t.app, t.container.db.kysely, family, 'adult', 'Helper');
    const trip = await createTripWithFlights(family.client);
    const item = (
      await family.client.post(`/api/trips/${trip.trip.id}/checklist`, { label: 'Blanket', scope: 'shared' })
    ).json<{ item: { id: string } }>().item;
    expect((await helper.client.patch(`/api/checklist-items/${item.id}`, { checked: true })).statusCode).toBe(
      200,
    );

    const removed = await family.client.delete(`/api/family/members/${helper.session.member.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await helper.client.get('/api/session')).statusCode).toBe(401);
    const names = (await family.client.get('/api/family/members'))
      .json<{ members: Array<{ displayName: string }> }>()
      .members.map((m) => m.displayName);
    expect(names).not.toContain('Helper');
    const list = (await family.client.get(`/api/trips/${trip.trip.id}/checklist`)).body;
    expect(list).toContain('"checkedByName":"Helper"');
    // Signing in again does not bring them back into the family.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: helper.session.user.email, password: 'another long gentle password' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('refuses an owner removing themselves (that is leaving) and a member who is already gone', async () => {
    expect((await family.client.delete(`/api/family/members/${family.session.member.id}`)).statusCode).toBe(
      409,
    );
    const gone = await addMember(t.app, t.container.db.kysely, family, 'viewer', 'Gone');
    expect((await family.client.delete(`/api/family/members/${gone.session.member.id}`)).statusCode).toBe(
      204,
    );
    expect((await family.client.delete(`/api/family/members/${gone.session.member.id}`)).statusCode).toBe(
      404,
    );
  });

  it('hands over ownership to an adult (not to a child login), and then the old owner may leave', async () => {
    const toChild = await family.client.post(`/api/family/members/${child.session.member.id}/hand-over`);
    expect(toChild.statusCode).toBe(409);
    const handed = await family.client.post(`/api/family/members/${adult.session.member.id}/hand-over`);
    expect(handed.statusCode).toBe(200);
    const roles = Object.fromEntries(
      handed
        .json<{ members: Array<{ displayName: string; role: string }> }>()
        .members.map((m) => [m.displayName, m.role]),
    );
    expect(roles).toMatchObject({ Maya: 'adult', Dan: 'owner', Ada: 'child' });
    expect((await family.client.post('/api/family/invites', { role: 'viewer' })).statusCode).toBe(201);
    expect(
      (await family.client.patch(`/api/family/members/${child.session.member.id}`, { role: 'viewer' }))
        .statusCode,
    ).toBe(403);

    const left = await family.client.post('/api/family/leave');
    expect(left.statusCode).toBe(200);
    expect(left.json<LeaveResponse>()).toEqual({
      family: null,
      message: 'You have left The Okafor family. Thank you for being part of it.',
    });
    expect(left.headers['set-cookie']).toMatch(/alongside_session=;/);
    expect((await family.client.get('/api/session')).statusCode).toBe(401);
  });

  it('leaving one of two families moves the session to the other', async () => {
    const home = await createFamily(t.app, { displayName: 'Pat', familyName: 'Pat’s family' });
    const made = await invite(adult, { role: 'viewer' }); // Dan is an owner of the Okafor family now
    await home.client.post('/api/join', { invite: made.code });
    const left = await home.client.post('/api/family/leave');
    expect(left.json<LeaveResponse>()).toEqual({
      family: { id: home.session.family.id, name: 'Pat’s family' },
      message: 'You have left The Okafor family. You are now in Pat’s family.',
    });
    expect((await home.client.get('/api/session')).json<SessionResponse>().family.name).toBe('Pat’s family');
    const families = (await home.client.get('/api/account/families')).json<FamiliesResponse>().families;
    expect(families.map((f) => f.name)).toEqual(['Pat’s family']);
  });
});
