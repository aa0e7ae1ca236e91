import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, MediaUsage } from '../../../contracts/media.js';
import type { InboxItem } from '../../../contracts/remembrance.js';
import type { SupporterReply, SupportersResponse } from '../../../contracts/supporters.js';
import { instanceSecrets } from '../../instance-secrets.repository.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { addMember, createFamily, createLovedOne, type Family } from '../../test/factories.js';
import { jpegWithGps } from '../../test/images.js';
import { startSmtpServer } from '../../test/smtp.js';
import { supporterLinks } from './links.js';

// A supporter's reply with a photo (issue 11): the photo goes through the media pipeline (no GPS
// comes out), is refused by content when it is not a photo (and then nothing is stored), is seen
// before acceptance only by the parents reviewing it, becomes one of the family's photos ("From
// Grandma Ann") in the parents' and teens' inboxes once accepted, and is deleted when declined.

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let family: Family;
let teen: Family;
let viewer: Family;
let other: Family;
let waveId: string;

const TODAY = '2026-06-01'; // the test clock's day

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
  family = await createFamily(t.app, { email: 'anna.rivers@example.com' });
  await createLovedOne(family.client);
  await t.caughtUp();
  const list = (await family.client.get('/api/supporters')).json<SupportersResponse>();
  waveId = list.days.find((d) => d.title === 'International Wave of Light')!.id;
  teen = await addMember(t.app, t.container.db.kysely, family, 'child', 'Leo');
  viewer = await addMember(t.app, t.container.db.kysely, family, 'viewer', 'Gran');
  other = await createFamily(t.app, { familyName: 'The Hills family' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const db = () => t.container.db.kysely;
const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, payload: payload as object });
const links = () =>
  supporterLinks(() => instanceSecrets(db()).secret('unsubscribe-key'), 'http://alongside.test');

/** A supporter who said yes, and the reply link of today's e-mail. */
async function supporterWithLink(name: string, email: string) {
  const added = await family.client.post('/api/supporters', {
    name,
    email,
    days: [{ dayId: waveId, suggestion: 'Light a candle for Jack at 7pm and send us a photo' }],
  });
  expect(added.statusCode, added.body).toBe(201);
  const id = added.json<{ supporter: { id: string } }>().supporter.id;
  const mail = smtp.received.filter((m) => m.to.includes(email)).at(-1)!;
  const confirm = /\/supporter\/confirm#token=([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')![1]!;
  expect((await post('/api/supporter-links/confirm', { token: confirm })).statusCode).toBe(200);
  const day = await db()
    .selectFrom('supporter_days')
    .select('id')
    .where('supporter_id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, token: await links().replyToken(day.id, TODAY) };
}

const waiting = async (message: string) =>
  (await family.client.get('/api/supporter-replies'))
    .json<{ replies: SupporterReply[] }>()
    .replies.find((r) => r.message === message)!;
const heldPhotos = async () =>
  (await db().selectFrom('supporter_reply_photos').select('reply_id').execute()).map((r) => r.reply_id);
const familyMedia = async (who: Family = family) =>
  (await who.client.get('/api/media')).json<{ media: MediaItem[] }>().media;
const gpsIn = async (bytes: Buffer) => exifr.gps(bytes).catch(() => undefined);

describe("a supporter's photo", () => {
  let ann: { id: string; token: string };
  let replyId: string;
  let photoUrls: NonNullable<SupporterReply['photo']>;
  const message = 'Lit a candle for Jack in the garden tonight.';

  it('comes out of the pipeline with no GPS, and is seen before acceptance only by the parents reviewing it', async () => {
    ann = await supporterWithLink('Grandma Ann', 'ann@example.com');
    const original = await jpegWithGps();
    expect(await gpsIn(original)).toMatchObject({ latitude: expect.closeTo(40.4167, 3) }); // the check can fail
    const sent = await post('/api/supporter-links/reply', {
      token: ann.token,
      message,
      photo: original.toString('base64'),
    });
    expect(sent.statusCode, sent.body).toBe(201);

    const reply = await waiting(message);
    replyId = reply.id;
    expect(reply.status).toBe('pending');
    photoUrls = reply.photo!;
    expect(photoUrls).toEqual({
      url: `/api/supporter-replies/${reply.id}/photo`,
      thumbnailUrl: `/api/supporter-replies/${reply.id}/photo/thumbnail`,
    });

    // A parent reviewing sees it, as the family's photos are served.
    for (const url of [photoUrls.url, photoUrls.thumbnailUrl]) {
      const file = await family.client.get(url);
      expect(file.statusCode, url).toBe(200);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toMatch(
        /^inline; filename="photo-(full|small)\.(jpg|webp)"$/,
      );
      expect(await gpsIn(file.rawPayload)).toBeUndefined();
      const meta = await sharp(file.rawPayload).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
    }
    expect((await family.client.get(photoUrls.url)).headers['content-type']).toBe('image/jpeg');

    // Nobody else: not a teen, not a viewer, not another family, not someone signed out.
    for (const url of [photoUrls.url, photoUrls.thumbnailUrl]) {
      expect((await teen.client.get(url)).statusCode).toBe(403);
      expect((await viewer.client.get(url)).statusCode).toBe(403);
      expect((await other.client.get(url)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    // Not one of the family's photos, not in anyone's inbox, and not in the family's room.
    expect(await familyMedia()).toEqual([]);
    expect(await familyMedia(teen)).toEqual([]);
    expect((await family.client.get('/api/media/usage')).json<MediaUsage>().usedBytes).toBe(0);
    for (const who of [family, teen])
      expect(JSON.stringify((await who.client.get('/api/inbox')).json())).not.toContain(message);
    expect(await db().selectFrom('media').select('id').execute()).toEqual([]);
  });

  it('cannot come again through a link already used', async () => {
    const again = await post('/api/supporter-links/reply', {
      token: ann.token,
      message: 'And another',
      photo: (await jpegWithGps(320, 240)).toString('base64'),
    });
    expect(again.statusCode).toBe(409);
    expect(await heldPhotos()).toEqual([replyId]);
  });

  it("becomes one of the family's photos, \"From Grandma Ann\", with the message in parents' and teens' inboxes once accepted", async () => {
    const accepted = await family.client.post(`/api/supporter-replies/${replyId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const reply = accepted.json<{ reply: SupporterReply }>().reply;
    const media = await familyMedia();
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({ kind: 'photo', from: 'Grandma Ann', addedBy: null });
    expect(reply.photo).toEqual({ url: media[0]!.url, thumbnailUrl: media[0]!.thumbnailUrl });
    expect(await heldPhotos()).toEqual([]);
    expect((await family.client.get(photoUrls.url)).statusCode).toBe(404);
    expect((await family.client.get('/api/media/usage')).json<MediaUsage>().usedBytes).toBeGreaterThan(0);

    for (const who of [family, teen]) {
      const item = (await who.client.get('/api/inbox'))
        .json<{ items: InboxItem[] }>()
        .items.find((i) => i.body === message)!;
      expect(item).toMatchObject({ title: 'A message from Grandma Ann', photo: { url: media[0]!.url } });
      const file = await who.client.get(item.photo!.url);
      expect(file.statusCode).toBe(200);
      expect(await gpsIn(file.rawPayload)).toBeUndefined();
    }
    expect(JSON.stringify((await viewer.client.get('/api/inbox')).json())).not.toContain(message);
  });

  it('refuses a hostile file with a clear message naming the photo, and stores nothing', async () => {
    const priya = await supporterWithLink('Priya', 'priya@example.com');
    const before = await db().selectFrom('supporter_replies').select('id').execute();
    const hostile = [
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
      ),
      Buffer.from('<!doctype html><html><body><script>fetch("/api/session")</script></body></html>'),
      (await jpegWithGps()).subarray(0, 400), // a JPEG cut short
    ];
    for (const bytes of hostile) {
      const refused = await post('/api/supporter-links/reply', {
        token: priya.token,
        message: 'Thinking of you',
        photo: bytes.toString('base64'),
      });
      expect(refused.statusCode, refused.body).toBe(415);
      const error = refused.json<{ error: { message: string; fields: Record<string, string> } }>().error;
      expect(error.fields.photo).toMatch(/photo/i);
      expect(error.message).toMatch(/JPEG, PNG or WebP|damaged/);
    }
    const notBase64 = await post('/api/supporter-links/reply', {
      token: priya.token,
      message: 'Thinking of you',
      photo: 'not a photo at all!',
    });
    expect(notBase64.statusCode).toBe(400);
    expect(JSON.stringify(notBase64.json())).toContain('photo');
    expect(await db().selectFrom('supporter_replies').select('id').execute()).toEqual(before);
    expect(await heldPhotos()).toEqual([]);
    // Nothing was kept, so the link still works for a photo that is one.
    const preview = await post('/api/supporter-links/reply/preview', { token: priya.token });
    expect(preview.json()).toMatchObject({ alreadyReplied: false });
  });

  it('is deleted from the database at once when the reply is declined', async () => {
    const tom = await supporterWithLink('Uncle Tom', 'tom@example.com');
    const words = 'A photo from the beach';
    const sent = await post('/api/supporter-links/reply', {
      token: tom.token,
      message: words,
      photo: (await jpegWithGps()).toString('base64'),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const reply = await waiting(words);
    expect(await heldPhotos()).toEqual([reply.id]);
    const declined = await family.client.post(`/api/supporter-replies/${reply.id}/decline`);
    expect(declined.statusCode).toBe(200);
    expect(declined.json<{ reply: SupporterReply }>().reply).toMatchObject({
      status: 'declined',
      photo: null,
    });
    expect(await heldPhotos()).toEqual([]);
    expect((await family.client.get(reply.photo!.url)).statusCode).toBe(404);
    expect(await familyMedia()).toHaveLength(1); // Grandma Ann's only
  });

  it('cannot come through a stopped link, and goes with a supporter who is removed', async () => {
    const ed = await supporterWithLink('Cousin Ed', 'ed@example.com');
    const stopToken = await links().stopToken(ed.id);
    expect((await post('/api/supporter-links/stop', { token: stopToken })).statusCode).toBe(200);
    const stopped = await post('/api/supporter-links/reply', {
      token: ed.token,
      message: 'Hello',
      photo: (await jpegWithGps()).toString('base64'),
    });
    expect(stopped.statusCode).toBe(404);
    expect(await heldPhotos()).toEqual([]);

    const may = await supporterWithLink('Aunt May', 'may@example.com');
    const sent = await post('/api/supporter-links/reply', {
      token: may.token,
      message: 'From May',
      photo: (await jpegWithGps()).toString('base64'),
    });
    expect(sent.statusCode).toBe(201);
    expect(await heldPhotos()).toHaveLength(1);
    expect((await family.client.delete(`/api/supporters/${may.id}`)).statusCode).toBe(204);
    expect(await heldPhotos()).toEqual([]);
  });
});
