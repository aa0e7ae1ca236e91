import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTributeLink, Tribute } from '../../../contracts/tributes.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { addMember, createFamily, createLovedOne, type Family } from '../../test/factories.js';
import { jpegWithGps, uploadPhoto } from '../../test/images.js';
import { snapshotData } from '../../test/snapshot.js';

// Tributes on both databases: the pictures at their exact sizes, the dates in the family's wording,
// only the family's own photo, and the unlisted page by share link — its page, picture and JSON all
// answer before revoking and 404 after; expiry and password the same; no indexing, no referrer, no
// other family data; the token kept only as a hash.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.clock.set('2026-03-10T09:00:00.000Z'));

async function jacksTribute(family?: Family, extra: Record<string, unknown> = {}) {
  family ??= await createFamily(t.app, { familyName: 'The Rivers family' });
  const jack = await createLovedOne(family.client, {
    name: 'Jack',
    kind: 'infant',
    dateOfBirth: '2020-03-14',
    dateOfDeath: '2020-04-02',
  });
  const response = await family.client.post('/api/tributes', {
    lovedOneId: jack.id,
    background: 'dawn',
    words: 'We light a candle for you every year.',
    wording: 'would_have_been',
    forDate: '2026-03-14',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { family, jack, tribute: response.json<{ tribute: Tribute }>().tribute };
}

const sizeOf = async (png: Buffer) => {
  const meta = await sharp(png).metadata();
  return `${meta.format} ${meta.width}×${meta.height}`;
};

const anonymous = (method: 'GET' | 'POST', url: string, extra: Record<string, unknown> = {}) =>
  t.app.inject({ method, url, ...extra });

describe('tributes', () => {
  it('says the dates in the family’s wording and suggests a caption with the full words', async () => {
    const { tribute } = await jacksTribute();
    expect(tribute.datesLine).toBe('Would have been 6 today · 14 March 2026');
    expect(tribute.caption).toBe(
      'We light a candle for you every year.\n\nRemembering Jack · Would have been 6 today · 14 March 2026',
    );
    expect(tribute.caption).toBe(tribute.suggestedCaption);
  });

  it('keeps a caption the family wrote, and changes with a PUT', async () => {
    const { family, jack, tribute } = await jacksTribute();
    const changed = await family.client.request({
      method: 'PUT',
      url: `/api/tributes/${tribute.id}`,
      payload: {
        lovedOneId: jack.id,
        background: 'night',
        words: null,
        wording: 'years_since',
        forDate: '2026-04-02',
        caption: 'Six years, Jack.',
      },
    });
    expect(changed.statusCode).toBe(200);
    const view = changed.json<{ tribute: Tribute }>().tribute;
    expect([view.caption, view.datesLine, view.background]).toEqual([
      'Six years, Jack.',
      'Died 6 years ago today · 2 April 2026',
      'night',
    ]);
    expect((await family.client.get('/api/tributes')).json<{ tributes: Tribute[] }>().tributes).toHaveLength(
      1,
    );
  });

  it('draws the three sizes exactly, with the family’s own photo', async () => {
    const family = await createFamily(t.app);
    const photo = await uploadPhoto(family.client, await jpegWithGps(800, 600));
    const mediaId = photo.json<{ media: { id: string } }>().media.id;
    const { tribute } = await jacksTribute(family, { mediaId });
    expect(tribute.mediaId).toBe(mediaId);
    for (const [size, expected] of [
      ['portrait', 'png 1080×1350'],
      ['square', 'png 1080×1080'],
      ['story', 'png 1080×1920'],
    ] as const) {
      const response = await family.client.get(`/api/tributes/${tribute.id}/picture?size=${size}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['content-disposition']).toBe(`inline; filename="tribute-${size}.png"`);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(await sizeOf(response.rawPayload)).toBe(expected);
    }
    const portrait = await family.client.get(`/api/tributes/${tribute.id}/picture`);
    expect(await sizeOf(portrait.rawPayload)).toBe('png 1080×1350');
  });

  it('takes only the family’s own loved one and photo', async () => {
    const other = await createFamily(t.app);
    const theirPhoto = await uploadPhoto(other.client, await jpegWithGps(64, 48));
    const theirs = await createLovedOne(other.client, { name: 'Arthur' });
    const family = await createFamily(t.app);
    const jack = await createLovedOne(family.client);
    const before = await snapshotData(t.container.db.kysely, ['tributes']);
    const body = { lovedOneId: jack.id, background: 'sea', wording: 'dates', forDate: '2026-03-14' };
    const photo = await family.client.post('/api/tributes', {
      ...body,
      mediaId: theirPhoto.json<{ media: { id: string } }>().media.id,
    });
    expect(photo.statusCode).toBe(400);
    expect(photo.json().error.fields.mediaId).toBe('Please choose a photo your family has added.');
    const lovedOne = await family.client.post('/api/tributes', { ...body, lovedOneId: theirs.id });
    expect(lovedOne.statusCode).toBe(400);
    expect(Object.keys(lovedOne.json().error.fields)).toEqual(['lovedOneId']);
    expect(await snapshotData(t.container.db.kysely, ['tributes'])).toBe(before);
  });

  it('lets a teen see tributes but neither make nor share them', async () => {
    const { family, tribute, jack } = await jacksTribute();
    const teen = await addMember(t.app, t.container.db.kysely, family, 'child', 'Sam');
    expect((await teen.client.get('/api/tributes')).statusCode).toBe(200);
    expect((await teen.client.get(`/api/tributes/${tribute.id}/picture?size=square`)).statusCode).toBe(200);
    const make = await teen.client.post('/api/tributes', {
      lovedOneId: jack.id,
      background: 'sea',
      wording: 'dates',
      forDate: '2026-03-14',
    });
    expect(make.statusCode).toBe(403);
    expect((await teen.client.post(`/api/tributes/${tribute.id}/links`, {})).statusCode).toBe(403);
  });
});

describe('an unlisted tribute page by share link', () => {
  async function shared(body: Record<string, unknown> = {}) {
    const made = await jacksTribute();
    const response = await made.family.client.post(`/api/tributes/${made.tribute.id}/links`, body);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<CreatedTributeLink>();
    const token = created.url.split('/tribute/')[1]!;
    return { ...made, created, token };
  }

  const page = (token: string, cookie?: string) =>
    anonymous('GET', `/tribute/${token}`, cookie ? { headers: { cookie } } : {});
  const picture = (token: string, cookie?: string) =>
    anonymous('GET', `/tribute/${token}/picture.png`, cookie ? { headers: { cookie } } : {});
  const json = (token: string, password?: string) =>
    anonymous('POST', '/api/shared-tributes/view', { payload: { token, ...(password && { password }) } });

  it('serves the page, its picture and its JSON, unindexed, and all answer 404 once revoked', async () => {
    const { family, created, token, tribute } = await shared();
    expect(created.url).toMatch(/^http:\/\/alongside\.test\/tribute\/[A-Za-z0-9_-]{43}$/);
    expect(created.link).toMatchObject({ tributeId: tribute.id, hasPassword: false, revokedAt: null });

    const open = await page(token);
    expect(open.statusCode).toBe(200);
    expect(open.headers['x-robots-tag']).toContain('noindex');
    expect(open.headers['referrer-policy']).toBe('no-referrer');
    expect(open.headers['cache-control']).toBe('no-store');
    expect(open.body).toContain('<meta name="robots" content="noindex');
    expect(open.body).toContain('Remembering Jack');
    expect(open.body).toContain('Would have been 6 today · 14 March 2026');
    expect(open.body).toContain(`src="/tribute/${token}/picture.png"`);
    // Nothing of the family but this tribute, and nothing fetched from elsewhere.
    expect(open.body).not.toContain('Rivers family');
    expect(open.body).not.toContain(tribute.id);
    expect(open.body).not.toContain(tribute.lovedOneId);
    expect(open.body).not.toMatch(/https?:\/\//);
    expect(open.body).not.toContain('<script');

    const image = await picture(token);
    expect(image.statusCode).toBe(200);
    expect(image.headers['x-robots-tag']).toContain('noindex');
    expect(image.headers['referrer-policy']).toBe('no-referrer');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-disposition']).toBe('inline; filename="tribute-portrait.png"');
    expect(await sizeOf(image.rawPayload)).toBe('png 1080×1350');
    const story = await anonymous('GET', `/tribute/${token}/picture.png?size=story`);
    expect(await sizeOf(story.rawPayload)).toBe('png 1080×1920');

    const answer = await json(token);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['x-robots-tag']).toContain('noindex');
    expect(answer.json()).toEqual({
      tribute: {
        name: 'Jack',
        datesLine: 'Would have been 6 today · 14 March 2026',
        words: 'We light a candle for you every year.',
        forDate: '2026-03-14',
      },
    });

    const revoked = await family.client.post(`/api/tribute-links/${created.link.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().link.revokedAt).toBe('2026-03-10T09:00:00.000Z');
    for (const response of [await page(token), await picture(token), await json(token)]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Jack');
    }
    const [listed] = (await family.client.get(`/api/tributes/${tribute.id}/links`)).json().links;
    expect(listed).toMatchObject({ id: created.link.id, revokedAt: '2026-03-10T09:00:00.000Z' });
  });

  it('keeps only a hash of the token', async () => {
    const { token, created } = await shared();
    const rows = await t.container.db.kysely.selectFrom('tribute_links').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const row = rows.find((r) => r.id === created.link.id)!;
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('ends at its expiry: page, picture and JSON answer 404 from then on', async () => {
    const { token, created } = await shared({ expiresInDays: 2 });
    expect(created.link.expiresAt).toBe('2026-03-12T09:00:00.000Z');
    t.clock.set('2026-03-12T08:59:00.000Z');
    expect((await page(token)).statusCode).toBe(200);
    expect((await picture(token)).statusCode).toBe(200);
    expect((await json(token)).statusCode).toBe(200);
    t.clock.set('2026-03-12T09:00:00.000Z');
    expect((await page(token)).statusCode).toBe(404);
    expect((await picture(token)).statusCode).toBe(404);
    expect((await json(token)).statusCode).toBe(404);
  });

  it('asks for the password before showing anything, and shows all once it is typed', async () => {
    const { token, created, family } = await shared({ password: 'seashells by the sea' });
    expect(created.link.hasPassword).toBe(true);
    const [row] = await t.container.db.kysely
      .selectFrom('tribute_links')
      .select('password_hash')
      .where('id', '=', created.link.id)
      .execute();
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);

    const locked = await page(token);
    expect(locked.statusCode).toBe(200);
    expect(locked.body).toContain('name="password"');
    expect(locked.body).not.toContain('Jack');
    expect(locked.headers['x-robots-tag']).toContain('noindex');
    expect((await picture(token)).statusCode).toBe(404);
    const lockedJson = await json(token);
    expect(lockedJson.statusCode).toBe(401);
    expect(lockedJson.json().error.fields).toHaveProperty('password');
    expect((await json(token, 'not the password')).statusCode).toBe(401);

    const wrong = await anonymous('POST', `/tribute/${token}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'password=not+it',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('That password is not the one the family set');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const right = await anonymous('POST', `/tribute/${token}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `password=${encodeURIComponent('seashells by the sea')}`,
    });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe(`/tribute/${token}`);
    const setCookie = String(right.headers['set-cookie']);
    expect(setCookie).toContain(`Path=/tribute/${token}`);
    expect(setCookie).toContain('HttpOnly');
    const cookie = setCookie.split(';')[0]!;
    expect((await page(token, cookie)).body).toContain('Remembering Jack');
    expect((await picture(token, cookie)).statusCode).toBe(200);
    expect((await json(token, 'seashells by the sea')).statusCode).toBe(200);
    // A cookie made up, or one from another link, opens nothing.
    expect((await page(token, 'alongside_tribute=' + 'a'.repeat(64))).body).not.toContain('Jack');

    // Revoked: the cookie that opened it opens nothing more.
    await family.client.post(`/api/tribute-links/${created.link.id}/revoke`);
    expect((await page(token, cookie)).statusCode).toBe(404);
    expect((await picture(token, cookie)).statusCode).toBe(404);
  });

  it('answers 404 for a token that was never made, of any shape', async () => {
    for (const token of ['A'.repeat(43), 'short', '..%2f..%2fetc', 'A'.repeat(44)]) {
      expect((await page(token)).statusCode).toBe(404);
      expect((await picture(token)).statusCode).toBe(404);
    }
    expect((await json('A'.repeat(43))).statusCode).toBe(404);
  });
});

describe('password attempts', () => {
  it('are rate-limited per address', async () => {
    const limited = await buildTestApp({ env: { AUTH_ATTEMPTS_PER_MINUTE: '3' } });
    try {
      const family = await createFamily(limited.app);
      const jack = await createLovedOne(family.client);
      const tribute = (
        await family.client.post('/api/tributes', {
          lovedOneId: jack.id,
          background: 'stone',
          wording: 'name_only',
          forDate: '2026-03-14',
        })
      ).json<{ tribute: Tribute }>().tribute;
      const created = (
        await family.client.post(`/api/tributes/${tribute.id}/links`, { password: 'seashells by the sea' })
      ).json<CreatedTributeLink>();
      const token = created.url.split('/tribute/')[1]!;
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: `/tribute/${token}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'password=guess',
        });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
