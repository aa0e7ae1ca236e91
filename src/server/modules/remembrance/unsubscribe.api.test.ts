import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createFamily, type Family } from '../../test/factories.js';
import { LEGACY_UNTIL, unsubscribeSigner } from './unsubscribe.js';
import { instanceSecrets } from '../../instance-secrets.repository.js';

// The one-click unsubscribe link from a reminder e-mail: the signed token in the address is the
// only proof it needs, it is read exactly, and it stops working after a year or once the member
// has turned e-mail reminders on again since it was sent.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const post = (token: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/unsubscribe/${token}`,
    payload: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

const signer = () =>
  unsubscribeSigner(() => instanceSecrets(t.container.db.kysely).secret('unsubscribe-key'), t.clock);

/** Saves this member's reminder choices, then marks e-mail on for them as of now. */
async function emailOn(family: Family): Promise<void> {
  const saved = await family.client.request({
    method: 'PUT',
    url: '/api/reminders/preferences',
    payload: {
      preferences: [
        {
          dayKind: 'loss_anniversary',
          inApp: true,
          email: false,
          leads: ['day_before'],
          remindAt: '09:00',
          quietStart: null,
          quietEnd: null,
        },
      ],
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  await t.container.db.kysely
    .updateTable('reminder_preferences')
    .set({ email: 1, updated_at: new Date(t.clock.now()).toISOString() })
    .where('membership_id', '=', family.session.member.id)
    .execute();
}

const emailIsOn = async (family: Family) =>
  (
    await t.container.db.kysely
      .selectFrom('reminder_preferences')
      .select('email')
      .where('membership_id', '=', family.session.member.id)
      .execute()
  ).some((row) => row.email === 1);

describe('the one-click unsubscribe link', () => {
  it('works from our own page in a signed-in browser: Origin null, a session cookie, no CSRF token', async () => {
    const family = await createFamily(t.app);
    await emailOn(family);
    t.clock.advance(60_000);
    const token = await signer().tokenFor(family.session.member.id);
    const clicked = await post(token, { origin: 'null', cookie: family.cookie });
    expect(clicked.statusCode).toBe(200);
    expect(clicked.body).toContain('E-mail reminders are off');
    expect(await emailIsOn(family)).toBe(false);
  });

  it('is read exactly: anything added after the signature, or a changed part, is refused', async () => {
    const family = await createFamily(t.app);
    await emailOn(family);
    t.clock.advance(60_000);
    const token = await signer().tokenFor(family.session.member.id);
    const [id, issued, signature] = token.split('.') as [string, string, string];
    for (const bad of [
      `${token}.anything`,
      `${token}x`,
      `${id}.${issued}`,
      `${id}.${(parseInt(issued, 36) + 1).toString(36)}.${signature}`,
      `${id.toUpperCase()}.${issued}.${signature}`,
      'forged.token',
    ]) {
      const response = await post(bad);
      expect(response.statusCode, bad).toBe(404);
      expect(response.body).toContain('This link no longer works');
    }
    expect(await emailIsOn(family)).toBe(true);
  });

  it('stops working once the member turns e-mail on again after it was sent', async () => {
    const family = await createFamily(t.app);
    await emailOn(family);
    t.clock.advance(60_000);
    const old = await signer().tokenFor(family.session.member.id);
    t.clock.advance(60_000);
    await emailOn(family); // turned on again, after the e-mail with the old link
    expect((await post(old)).statusCode).toBe(404);
    expect(await emailIsOn(family)).toBe(true);
    t.clock.advance(60_000);
    const fresh = await signer().tokenFor(family.session.member.id);
    expect((await post(fresh)).statusCode).toBe(200);
    expect(await emailIsOn(family)).toBe(false);
  });

  it('answers 404 for a member who is no longer in the family (left, removed, or their account deleted)', async () => {
    const family = await createFamily(t.app);
    await emailOn(family);
    t.clock.advance(60_000);
    const token = await signer().tokenFor(family.session.member.id);
    await t.container.db.kysely
      .updateTable('memberships')
      .set({ removed_at: new Date(t.clock.now()).toISOString() })
      .where('id', '=', family.session.member.id)
      .execute();
    expect((await post(token)).statusCode).toBe(404);
    // Nothing is written for someone who is gone: their settings stay as they were.
    expect(await emailIsOn(family)).toBe(true);
  });

  it('stops working a year after it was sent', async () => {
    const family = await createFamily(t.app);
    await emailOn(family);
    t.clock.advance(60_000);
    const token = await signer().tokenFor(family.session.member.id);
    t.clock.advance(366 * 24 * 3_600_000);
    expect((await post(token)).statusCode).toBe(404);
    expect(await emailIsOn(family)).toBe(true);
  });

  it('keeps links already in inboxes (without an issue date) working until they are retired', async () => {
    const family = await createFamily(t.app);
    await emailOn(family);
    const row = await t.container.db.kysely
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', 'unsubscribe-key')
      .executeTakeFirstOrThrow();
    const memberId = family.session.member.id;
    const legacy = `${memberId}.${createHmac('sha256', row.value).update(`unsubscribe:${memberId}`).digest('base64url')}`;
    t.clock.set(new Date(LEGACY_UNTIL + 1000).toISOString());
    expect((await post(legacy)).statusCode).toBe(404);
    t.clock.set(new Date(LEGACY_UNTIL - 24 * 3_600_000).toISOString());
    expect((await post(legacy)).statusCode).toBe(200);
    expect(await emailIsOn(family)).toBe(false);
  });
});
