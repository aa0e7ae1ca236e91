import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountDeletionResponse, FamilyDeletionResponse } from '../../../contracts/deletion.js';
import type { TripDetail } from '../../../contracts/trips.js';
import { buildMailApps, type MailApps, type TestApp } from '../../test/app.js';
import {
  addMember,
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from '../../test/factories.js';
import { instanceSecrets } from '../../instance-secrets.repository.js';
import { DELETION_NOTICE_QUEUE } from './index.js';

// Deleting a family or an account: asked for with the password, cancellable for seven days, the
// other adults told in the app and by e-mail (a real SMTP server) when it is asked for and when it
// is cancelled; then carried out, after which the family's links answer 404 and the person's name
// is gone from what they did. The schema-walking proof that nothing is left is schema-walk.api.test.ts.

const PASSWORD = 'a long and gentle password';
const DAY = 86_400_000;

let mail: MailApps;
let t: TestApp;
beforeAll(async () => {
  mail = await buildMailApps();
  t = mail.t;
});
afterAll(() => mail.close());
// Each test starts on Monday 1 June 2026. A test moves the clock on to carry out what is due, then
// back, since sessions idle for seven days end by themselves and would hide what the deletion did.
const START = '2026-06-01T09:00:00.000Z';
beforeEach(() => t.clock.set(START));

const inbox = async (who: Family) =>
  (await who.client.get('/api/inbox')).json<{
    items: Array<{ title: string; body: string; link: string | null }>;
  }>().items;
const mailTo = (address: string) => mail.smtp.received.filter((m) => m.to.includes(address));
const sendNotices = () => t.container.jobs(t.app.log).drain(DELETION_NOTICE_QUEUE);
const emailOf = (who: Family) => who.session.user.email;
/** Signs as the installation signs its e-mailed links (remembrance/unsubscribe.ts, supporters/links.ts). */
async function signed(text: string): Promise<string> {
  const key = await instanceSecrets(t.container.db.kysely).secret('unsubscribe-key');
  return createHmac('sha256', key).update(text).digest('base64url');
}
const unsubscribeToken = async (memberId: string) => {
  const issued = Math.floor(t.clock.now() / 1000).toString(36);
  return `${memberId}.${issued}.${await signed(`unsubscribe:${memberId}:${issued}`)}`;
};
/** A one-click link posted as a mail client does. */
const postLink = (url: string) =>
  t.app.inject({
    method: 'POST',
    url,
    payload: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
/** Carries out what is due now, as the scheduled sweep would. */
const runDue = () =>
  (
    t.container.modules.find((m) => m.name === 'deletions')!.built.services as {
      runDue(): Promise<{ families: number; accounts: number }>;
    }
  ).runDue();

/** A family with an owner, a second adult, a teen and a grandparent (a viewer). */
async function familyOfFour(name: string) {
  const owner = await createFamily(t.app, { displayName: `${name} Owner`, familyName: `The ${name} family` });
  const db = t.container.db.kysely;
  return {
    owner,
    adult: await addMember(t.app, db, owner, 'adult', `${name} Adult`),
    teen: await addMember(t.app, db, owner, 'child', `${name} Teen`),
    viewer: await addMember(t.app, db, owner, 'viewer', `${name} Grandparent`),
  };
}

describe('deleting a family', () => {
  it('asks for the password, and only an owner may', async () => {
    const { owner, adult } = await familyOfFour('Ash');
    const wrong = await owner.client.post('/api/family/deletion', { currentPassword: 'not it at all' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassword).toBe('That is not your password. Please try again.');
    expect(
      (await owner.client.get('/api/family/deletion')).json<FamilyDeletionResponse>().deletion,
    ).toBeNull();
    const byAdult = await adult.client.post('/api/family/deletion', { currentPassword: PASSWORD });
    expect(byAdult.statusCode).toBe(403);
  });

  it('is set for seven days on, and tells the other adults in the app and by e-mail, not the children', async () => {
    const { owner, adult, teen, viewer } = await familyOfFour('Birch');
    const asked = await owner.client.post('/api/family/deletion', { currentPassword: PASSWORD });
    expect(asked.statusCode, asked.body).toBe(200);
    const { deletion } = asked.json<FamilyDeletionResponse>();
    expect(deletion).toMatchObject({ askedBy: 'Birch Owner' });
    expect(Date.parse(deletion!.dueAt) - t.clock.now()).toBe(7 * DAY);
    // Asking again changes nothing.
    const again = await owner.client.post('/api/family/deletion', { currentPassword: PASSWORD });
    expect(again.json<FamilyDeletionResponse>().deletion).toEqual(deletion);

    const [notice] = await inbox(adult);
    expect(notice!.title).toBe('The Birch family is set to be deleted on Monday 8 June');
    expect(notice!.body).toContain('Birch Owner asked for the family to be deleted');
    expect(notice!.link).toBe('/settings');
    expect(await inbox(owner)).toEqual([]);
    expect(await inbox(teen)).toEqual([]);
    expect(await inbox(viewer)).toEqual([]);
    // Everyone in the family can see that it is coming.
    for (const who of [adult, teen, viewer]) {
      const view = (await who.client.get('/api/family/deletion')).json<FamilyDeletionResponse>();
      expect(view.deletion?.dueAt).toBe(deletion!.dueAt);
    }

    await sendNotices();
    const sent = mailTo(emailOf(adult));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.parsed.subject).toBe('The Birch family is set to be deleted on Monday 8 June');
    expect(sent[0]!.parsed.text).toContain('an owner can cancel it in Settings');
    for (const who of [owner, teen, viewer]) expect(mailTo(emailOf(who))).toHaveLength(0);
  });

  it('can be cancelled by an owner, and the other adults are told that too', async () => {
    const { owner, adult } = await familyOfFour('Cedar');
    await owner.client.post('/api/family/deletion', { currentPassword: PASSWORD });
    expect((await adult.client.delete('/api/family/deletion')).statusCode).toBe(403);
    const kept = await owner.client.delete('/api/family/deletion');
    expect(kept.statusCode).toBe(200);
    expect(kept.json<FamilyDeletionResponse>().deletion).toBeNull();
    const titles = (await inbox(adult)).map((i) => i.title);
    expect(titles).toContain('The Cedar family will not be deleted');
    await sendNotices();
    expect(
      mailTo(emailOf(adult))
        .map((m) => m.parsed.subject)
        .sort(),
    ).toEqual([
      'The Cedar family is set to be deleted on Monday 8 June',
      'The Cedar family will not be deleted',
    ]);
    // Cancelled, it is not carried out when the seven days are over.
    t.clock.advance(8 * DAY);
    await runDue();
    t.clock.set(START);
    expect((await adult.client.get('/api/family/deletion')).statusCode).toBe(200);
  });

  it('is carried out after seven days: sessions end, and its share, feed, unsubscribe and supporter links answer 404', async () => {
    const owner = await createFamily(t.app, { displayName: 'Dell', familyName: 'The Dell family' });
    const adult = await addMember(t.app, t.container.db.kysely, owner, 'adult', 'Dell Adult');
    const lovedOne = await createLovedOne(owner.client, { name: 'Jack' });
    const tribute = await owner.client.post('/api/tributes', {
      lovedOneId: lovedOne.id,
      background: 'sea',
      wording: 'dates',
      forDate: '2026-03-14',
    });
    expect(tribute.statusCode, tribute.body).toBe(201);
    const link = await owner.client.post(`/api/tributes/${tribute.json().tribute.id}/links`, {});
    const shareToken = /\/tribute\/([A-Za-z0-9_-]+)$/.exec(link.json<{ url: string }>().url)![1]!;
    const feedUrl = (await owner.client.post('/api/calendar-feed')).json<{ url: string }>().url;
    const feedPath = new URL(feedUrl).pathname;
    // The e-mailed links are signed, not stored: made here as remembrance and supporters sign them.
    const unsubscribePath = `/unsubscribe/${await unsubscribeToken(owner.session.member.id)}`;
    const supporter = await owner.client.post('/api/supporters', {
      name: 'Nan',
      email: 'nan@example.com',
      days: [],
    });
    expect(supporter.statusCode, supporter.body).toBe(201);
    const supporterId = supporter.json<{ supporter: { id: string } }>().supporter.id;
    const stopPath = `/supporter-stop/${supporterId}.${await signed(`supporter-stop:${supporterId}`)}`;
    expect((await postLink(unsubscribePath)).statusCode).toBe(200);
    const view = () =>
      t.app.inject({ method: 'POST', url: '/api/shared-tributes/view', payload: { token: shareToken } });
    expect((await view()).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);

    await owner.client.post('/api/family/deletion', { currentPassword: PASSWORD });
    // Other tests' families may fall due at the same time; this one is looked at by its sessions.
    t.clock.advance(7 * DAY - 60_000);
    await runDue();
    expect((await owner.client.get('/api/session')).statusCode).toBe(200);

    t.clock.advance(60_000);
    expect((await runDue()).families).toBeGreaterThan(0);
    t.clock.set(START);
    for (const who of [owner, adult]) expect((await who.client.get('/api/session')).statusCode).toBe(401);
    expect((await view()).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(404);
    expect((await postLink(unsubscribePath)).statusCode).toBe(404);
    expect((await postLink(stopPath)).statusCode).toBe(404);
    // Their only family, so their accounts went with it: the address can sign up afresh.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: emailOf(owner), password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
  });
});

describe('deleting one’s account', () => {
  it('says first what goes and what stays, and is refused, with a way forward, for a family’s only owner', async () => {
    const { owner, adult } = await familyOfFour('Elm');
    const lovedOne = await createLovedOne(owner.client, { name: 'Nell', kind: 'adult' });
    for (const shared of [false, true]) {
      const entry = await adult.client.post(`/api/loved-ones/${lovedOne.id}/journal`, {
        kind: 'entry',
        text: shared ? 'For everyone' : 'Just for me',
        writtenFor: '2026-05-01',
      });
      if (shared)
        await adult.client.put(`/api/journal-entries/${entry.json().entry.id}/sharing`, { shared: true });
    }
    const view = (await adult.client.get('/api/account/deletion')).json<AccountDeletionResponse>();
    expect(view).toMatchObject({ deletion: null, privateEntries: 1, sharedEntries: 1, heldBy: [] });

    const held = (await owner.client.get('/api/account/deletion')).json<AccountDeletionResponse>();
    expect(held.heldBy).toEqual([
      { familyId: owner.session.family.id, familyName: 'The Elm family', reason: 'only_owner' },
    ]);
    const refused = await owner.client.post('/api/account/deletion', { currentPassword: PASSWORD });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      'You are the only owner of The Elm family. Please make another adult an owner first (in Family members), or delete the family.',
    );
    expect(
      (await owner.client.get('/api/account/deletion')).json<AccountDeletionResponse>().deletion,
    ).toBeNull();

    const alone = await createFamily(t.app, { displayName: 'Solo', familyName: 'The Solo family' });
    const onlyOne = await alone.client.post('/api/account/deletion', { currentPassword: PASSWORD });
    expect(onlyOne.json().error.message).toContain(
      'You are the only one left in The Solo family. Please delete the family instead',
    );
  });

  it('tells the other adults, can be cancelled, and meanwhile the last other owner cannot step down', async () => {
    const { owner, adult } = await familyOfFour('Fir');
    // The adult becomes an owner too, then asks to go: the first owner must stay one.
    await owner.client.post(`/api/family/members/${adult.session.member.id}/hand-over`);
    await adult.client.patch(`/api/family/members/${owner.session.member.id}`, { role: 'owner' });
    const asked = await owner.client.post('/api/account/deletion', { currentPassword: PASSWORD });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json<AccountDeletionResponse>().deletion?.dueAt).toBe(
      new Date(t.clock.now() + 7 * DAY).toISOString(),
    );
    const [notice] = await inbox(adult);
    expect(notice!.title).toBe('Fir Owner has asked to delete their account');
    expect(notice!.body).toContain('It will be deleted on Monday 8 June.');
    await sendNotices();
    expect(mailTo(emailOf(adult)).at(-1)!.parsed.subject).toBe('Fir Owner has asked to delete their account');

    const stepDown = await adult.client.patch(`/api/family/members/${adult.session.member.id}`, {
      role: 'adult',
    });
    expect(stepDown.statusCode).toBe(409);
    const handOver = await adult.client.post(`/api/family/members/${owner.session.member.id}/hand-over`);
    expect(handOver.statusCode).toBe(409);

    const kept = await owner.client.delete('/api/account/deletion');
    expect(kept.json<AccountDeletionResponse>().deletion).toBeNull();
    expect((await inbox(adult)).map((i) => i.title)).toContain('Fir Owner is keeping their account');
  });

  it('after seven days, leaves what they did under “a former member”, and nothing of them to sign in with', async () => {
    const owner = await createFamily(t.app, { displayName: 'Gale', familyName: 'The Gale family' });
    const adult = await addMember(t.app, t.container.db.kysely, owner, 'adult', 'Rowan Quill');
    const lovedOne = await createLovedOne(owner.client, { name: 'Jack' });
    await createKeepsake(owner.client, lovedOne.id);
    const trip = await createTripWithFlights(owner.client);
    const withAdult = (
      await owner.client.post(`/api/trips/${trip.trip.id}/travellers`, {
        memberId: adult.session.member.id,
        isChild: false,
      })
    ).json<TripDetail>();
    // The travelling keepsake comes along on the trip by itself.
    const tripKeepsakeId = withAdult.keepsakes[0]!.id;
    const check = withAdult.legs[0]!.checks[0]!;
    const traveller = withAdult.travellers.find((x) => x.memberId === adult.session.member.id)!;
    const confirmed = await adult.client.post(`/api/leg-checks/${check.id}/confirmations`, {
      travellerId: traveller.id,
      tripKeepsakeIds: [tripKeepsakeId],
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const before = JSON.stringify((await owner.client.get(`/api/trips/${trip.trip.id}`)).json());
    expect(before).toContain('Rowan Quill');

    const asked = await adult.client.post('/api/account/deletion', {
      currentPassword: 'another long gentle password',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    t.clock.advance(7 * DAY);
    expect((await runDue()).accounts).toBe(1);
    t.clock.set(START);

    expect((await adult.client.get('/api/session')).statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: emailOf(adult), password: 'another long gentle password' },
    });
    expect(signIn.statusCode).toBe(401);
    const after = JSON.stringify((await owner.client.get(`/api/trips/${trip.trip.id}`)).json());
    expect(after).not.toContain('Rowan Quill');
    expect(after).toContain('a former member');
    const members = JSON.stringify((await owner.client.get('/api/family/members')).json());
    expect(members).not.toContain('Rowan Quill');
    // The notices that named them are gone with them.
    expect(JSON.stringify(await inbox(owner))).not.toContain('Rowan Quill');
  });
});
