import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, MediaUsage } from '../../../contracts/media.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { addMember, createFamily, type Family } from '../../test/factories.js';
import { jpegWithGps, pngWithXmpLocation, uploadPhoto, webpWithGps } from '../../test/images.js';

// The media pipeline (issue 12): what a phone sends is decoded and made afresh, so no location,
// camera or other tag survives; what is not a photo by its bytes is refused with a message a person
// can act on; files are served to the family alone, and the family's room is kept to its quota.
// Metadata is read back with exifr (an EXIF/XMP/IPTC reader) and with sharp's own reader.

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await buildTestApp();
  family = await createFamily(t.app);
});
afterAll(() => t.close());

const upload = async (photo: Buffer, contentType = 'image/jpeg') =>
  uploadPhoto(family.client, photo, contentType);
const stored = async (item: MediaItem, which: 'file' | 'thumbnail' = 'file') => {
  const response = await family.client.get(which === 'file' ? item.url : item.thumbnailUrl);
  expect(response.statusCode).toBe(200);
  return { response, bytes: response.rawPayload };
};
/** A PNG's own header, which exifr reports beside any tags: the image's size and encoding. */
const PNG_HEADER = [
  'ImageWidth',
  'ImageHeight',
  'BitDepth',
  'ColorType',
  'Compression',
  'Filter',
  'Interlace',
];
/** Every tag exifr finds (EXIF, GPS, XMP, IPTC, the camera), past a PNG's header; undefined when none. */
async function tagsIn(bytes: Buffer): Promise<Record<string, unknown> | undefined> {
  const found = (await exifr.parse(bytes, {
    tiff: true,
    ifd0: {},
    exif: true,
    gps: true,
    xmp: true,
    iptc: true,
    icc: false,
  })) as Record<string, unknown> | undefined;
  const tags = Object.entries(found ?? {}).filter(([key]) => !PNG_HEADER.includes(key));
  return tags.length ? Object.fromEntries(tags) : undefined;
}

describe('keeping a photo', () => {
  it('takes a JPEG with GPS and the camera in its EXIF, and keeps none of it', async () => {
    const original = await jpegWithGps();
    // The test photo really carries them (so the check below can fail).
    const before = await tagsIn(original);
    expect(before).toMatchObject({ Make: 'Apple', GPSLatitudeRef: 'N' });
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(40.4167, 3) });

    const response = await upload(original);
    expect(response.statusCode).toBe(201);
    const item = response.json<{ media: MediaItem }>().media;
    expect(item).toMatchObject({ kind: 'photo', contentType: 'image/jpeg', width: 640, height: 480 });

    for (const which of ['file', 'thumbnail'] as const) {
      const { bytes } = await stored(item, which);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, which).toBeUndefined();
      expect(meta.xmp, which).toBeUndefined();
      expect(meta.iptc, which).toBeUndefined();
      if (which === 'file') expect(await tagsIn(bytes)).toBeUndefined();
    }
  });

  it('takes a WebP with EXIF GPS and a PNG with an XMP location, and keeps neither', async () => {
    const webp = await webpWithGps();
    expect((await sharp(webp).metadata()).exif?.length).toBeGreaterThan(0);
    const png = await pngWithXmpLocation();
    expect((await sharp(png).metadata()).xmp?.toString()).toContain('Madrid');

    const fromWebp = (await upload(webp, 'image/webp')).json<{ media: MediaItem }>().media;
    const fromPng = (await upload(png, 'image/png')).json<{ media: MediaItem }>().media;
    // A photo becomes a JPEG; a picture with see-through parts stays a PNG.
    expect(fromWebp.contentType).toBe('image/jpeg');
    expect(fromPng.contentType).toBe('image/png');
    for (const item of [fromWebp, fromPng]) {
      const { bytes } = await stored(item);
      expect(await tagsIn(bytes)).toBeUndefined();
      const meta = await sharp(bytes).metadata();
      expect([meta.exif, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined]);
      expect(bytes.toString('latin1')).not.toContain('Madrid');
    }
  });

  it('stands a photo the right way up from its orientation tag, then drops the tag', async () => {
    // Taken with the phone on its side: 640×480 pixels, tagged "turn 90° clockwise to view".
    const sideways = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#888' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const item = (await upload(sideways)).json<{ media: MediaItem }>().media;
    expect([item.width, item.height]).toEqual([480, 640]);
    const meta = await sharp((await stored(item)).bytes).metadata();
    expect(meta.orientation).toBeUndefined();
  });

  it('makes a large photo no larger than 2560 pixels, and its thumbnail 480', async () => {
    const big = await jpegWithGps(4032, 3024); // 12 megapixels, as a phone takes them
    const item = (await upload(big)).json<{ media: MediaItem }>().media;
    expect([item.width, item.height]).toEqual([2560, 1920]);
    const thumbnail = await sharp((await stored(item, 'thumbnail')).bytes).metadata();
    expect([thumbnail.format, thumbnail.width, thumbnail.height]).toEqual(['webp', 480, 360]);
  });
});

describe('what is not a photo', () => {
  const refusedWith = async (body: Buffer, contentType: string, message: RegExp) => {
    const before = (await family.client.get('/api/media')).json<{ media: MediaItem[] }>().media.length;
    const response = await upload(body, contentType);
    expect(response.statusCode, response.body).toBe(415);
    const error = response.json<{
      error: { code: string; message: string; fields: Record<string, string> };
    }>().error;
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toMatch(message);
    expect(error.fields.file).toBeTruthy();
    // Nothing half-stored.
    expect((await family.client.get('/api/media')).json<{ media: MediaItem[] }>().media.length).toBe(before);
  };

  it('refuses an SVG, a web page and a text file, whatever type they claim', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    await refusedWith(svg, 'image/jpeg', /JPEG, PNG or WebP/);
    await refusedWith(
      Buffer.from('<!doctype html><title>x</title><script>alert(1)</script>'),
      'image/png',
      /photo/,
    );
    await refusedWith(Buffer.from('just some words'), 'application/octet-stream', /photo/);
  });

  it('refuses a GIF and explains a HEIC', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    await refusedWith(gif, 'image/jpeg', /JPEG, PNG or WebP/);
    const heif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .heif({ compression: 'av1' })
      .toBuffer();
    await refusedWith(heif, 'image/jpeg', /HEIC|JPEG, PNG or WebP/);
  });

  it('refuses a truncated photo, and keeps nothing of it', async () => {
    const whole = await jpegWithGps(800, 600);
    await refusedWith(whole.subarray(0, Math.floor(whole.length * 0.6)), 'image/jpeg', /damaged/);
  });

  it('refuses a picture that would unpack to more than 60 megapixels, before decoding it', async () => {
    // 10,000 × 10,000 of one colour: a few kilobytes as a PNG, 300 MB of pixels once decoded.
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    await refusedWith(bomb, 'image/png', /too large/);
  });

  it('keeps a polyglot only as the pixels it draws: the page hidden in it is gone', async () => {
    const photo = await jpegWithGps(64, 64);
    const polyglot = Buffer.concat([photo, Buffer.from('<script>alert("hidden")</script>')]);
    const response = await upload(polyglot);
    expect(response.statusCode).toBe(201);
    const { bytes } = await stored(response.json<{ media: MediaItem }>().media);
    expect(bytes.toString('latin1')).not.toContain('<script>');
  });

  it('answers JSON, an empty body and an unknown type kindly, and an upload over 25 MB with 413', async () => {
    const json = await family.client.post('/api/media', { photo: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('unsupported_media_type');
    const empty = await upload(Buffer.alloc(0));
    expect(empty.statusCode).toBe(415);
    const text = await upload(Buffer.from('hello'), 'text/plain');
    expect(text.statusCode).toBe(415);
    const huge = await upload(Buffer.alloc(26 * 1024 * 1024, 0xff));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });
});

describe('serving a photo', () => {
  let item: MediaItem;
  beforeAll(async () => {
    item = (await upload(await jpegWithGps(320, 240))).json<{ media: MediaItem }>().media;
  });

  it('serves it with its type, never sniffed, inline, private, and 304 when unchanged', async () => {
    const { response } = await stored(item);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toMatch(/^inline; filename="photo-full\.jpg"$/);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    const etag = String(response.headers.etag);
    const again = await family.client.request({
      method: 'GET',
      url: item.url,
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const thumbnail = await stored(item, 'thumbnail');
    expect(thumbnail.response.headers['content-type']).toBe('image/webp');
    expect(thumbnail.response.headers.etag).not.toBe(etag);
  });

  it('answers 404 to a guessed id, and to everyone once it is removed', async () => {
    const guessed = await family.client.get('/api/media/0190f3a0-0000-7000-8000-000000000000/file');
    expect(guessed.statusCode).toBe(404);
    const removed = await family.client.delete(`/api/media/${item.id}`);
    expect(removed.statusCode).toBe(204);
    for (const url of [item.url, item.thumbnailUrl, `/api/media/${item.id}`])
      expect((await family.client.get(url)).statusCode).toBe(404);
  });

  it('lets a child add and see photos but not remove them; a viewer sees none', async () => {
    const child = await addMember(t.app, t.container.db.kysely, family, 'child', 'Mia');
    const viewer = await addMember(t.app, t.container.db.kysely, family, 'viewer', 'Grandma');
    const drawing = await uploadPhoto(child.client, await pngWithXmpLocation(200, 150), 'image/png');
    expect(drawing.statusCode).toBe(201);
    const added = drawing.json<{ media: MediaItem }>().media;
    expect(added.addedBy).toBe('Mia');
    expect((await child.client.get(added.thumbnailUrl)).statusCode).toBe(200);
    expect((await child.client.delete(`/api/media/${added.id}`)).statusCode).toBe(403);
    expect((await viewer.client.get(added.url)).statusCode).toBe(403);
    expect((await viewer.client.get('/api/media')).statusCode).toBe(403);
  });
});

describe("the family's room", () => {
  it('refuses a photo that would go over the quota, says so kindly, and keeps everything saved', async () => {
    const small = await buildTestApp({ env: { MEDIA_QUOTA_MB: '1' } });
    try {
      const f = await createFamily(small.app);
      // Noise does not compress: each of these takes over half a megabyte kept, so 1 MB holds one.
      const noisy = async () => {
        const pixels = Buffer.alloc(1000 * 800 * 3);
        for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(Math.random() * 256);
        return sharp(pixels, { raw: { width: 1000, height: 800, channels: 3 } })
          .jpeg({ quality: 95 })
          .toBuffer();
      };
      const first = await uploadPhoto(f.client, await noisy());
      expect(first.statusCode).toBe(201);
      const second = await uploadPhoto(f.client, await noisy());
      expect(second.statusCode).toBe(413);
      expect(second.json().error.message).toMatch(
        /room for photos is full \(1 MB\)\. Everything you have saved is safe/,
      );
      const list = (await f.client.get('/api/media')).json<{ media: MediaItem[] }>().media;
      expect(list.map((m) => m.id)).toEqual([first.json<{ media: MediaItem }>().media.id]);
      const usage = (await f.client.get('/api/media/usage')).json<MediaUsage>();
      expect(usage.quotaBytes).toBe(1024 * 1024);
      expect(usage.usedBytes).toBeGreaterThan(512 * 1024);
      expect(usage.usedBytes).toBeLessThanOrEqual(usage.quotaBytes);
    } finally {
      await small.close();
    }
  });
});
