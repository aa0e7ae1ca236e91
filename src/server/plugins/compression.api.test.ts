import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';
import { createFamily } from '../test/factories.js';
import { registerCompression } from './compression.js';

let t: TestApp;
let family: Awaited<ReturnType<typeof createFamily>>;
beforeAll(async () => {
  t = await buildTestApp();
  family = await createFamily(t.app);
});
afterAll(() => t.close());

// The carriers list is a JSON answer of many kilobytes; the session is well under the 1 KB threshold.
const carriers = (encoding?: string) =>
  family.client.request({
    method: 'GET',
    url: '/api/carriers',
    headers: encoding ? { 'accept-encoding': encoding } : {},
  });

describe('JSON answers are compressed on the way out', () => {
  it('as brotli when the browser accepts it, the same JSON once unpacked, varying on Accept-Encoding', async () => {
    const plain = await carriers();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await carriers('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gzip = await carriers('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());
  });

  it('small answers go as they are', async () => {
    const session = await family.client.request({
      method: 'GET',
      url: '/api/session',
      headers: { 'accept-encoding': 'br' },
    });
    expect(session.statusCode).toBe(200);
    expect(session.headers['content-encoding']).toBeUndefined();
  });

  it('a compressed request body is not unpacked: it is refused, and nothing is stored', async () => {
    const before = (await family.client.get('/api/loved-ones')).json<{ lovedOnes: unknown[] }>();
    const answer = await family.client.request({
      method: 'POST',
      url: '/api/loved-ones',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ name: 'Jack', kind: 'person' })),
    });
    expect(answer.statusCode).toBeGreaterThanOrEqual(400);
    expect(answer.statusCode).toBeLessThan(500);
    const after = (await family.client.get('/api/loved-ones')).json<{ lovedOnes: unknown[] }>();
    expect(after.lovedOnes).toHaveLength(before.lovedOnes.length);
  });
});

describe('how an answer is compressed', () => {
  // A bare app with only the compression plugin, so each path is seen on its own.
  const json = (bytes: number) => JSON.stringify({ words: 'Jack loved the sea. '.repeat(bytes / 20) });
  const app = Fastify();
  beforeAll(async () => {
    await registerCompression(app);
    app.get('/mid', async (_request, reply) => reply.type('application/json').send(json(10_000)));
    app.get('/large', async (_request, reply) => reply.type('application/json').send(json(200_000)));
    app.get('/varies', async (_request, reply) =>
      reply.header('vary', 'origin').type('application/json').send(json(10_000)),
    );
    app.get('/page', async (_request, reply) =>
      reply.type('text/html').send(`<p>${'Jack '.repeat(2000)}</p>`),
    );
    app.get('/stream', async (_request, reply) =>
      reply.type('application/json').send(Readable.from([json(10_000)])),
    );
    await app.ready();
  });
  afterAll(() => app.close());
  const get = (url: string, headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' }) =>
    app.inject({ method: 'GET', url, headers });

  it('an answer in memory is compressed in one call: whole, with its length, the same JSON unpacked', async () => {
    const br = await get('/mid');
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(br.headers['transfer-encoding']).toBeUndefined();
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(json(10_000));
    const gzip = await get('/mid', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(json(10_000));
    expect((await get('/mid', { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe(
      'gzip',
    );
  });

  it('a large answer and a stream still go through the plugin’s streams, unpacking to the same JSON', async () => {
    const large = await get('/large');
    expect(large.headers['content-encoding']).toBe('br');
    expect(large.headers['transfer-encoding']).toBe('chunked');
    expect(brotliDecompressSync(large.rawPayload).toString()).toBe(json(200_000));
    const stream = await get('/stream');
    expect(stream.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(stream.rawPayload).toString()).toBe(json(10_000));
  });

  it('adds accept-encoding to a Vary the route set, leaves other types to the plugin, and refusals and plain asks alone', async () => {
    expect((await get('/varies')).headers.vary).toBe('origin, accept-encoding');
    const page = await get('/page'); // not JSON or a calendar: the plugin's streams, as before
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['transfer-encoding']).toBe('chunked');
    const refused = await get('/mid', { 'accept-encoding': 'br', 'x-no-compression': '1' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(json(10_000));
    expect((await get('/mid', {})).headers['content-encoding']).toBeUndefined();
    expect((await get('/mid', { 'accept-encoding': 'deflate' })).headers['content-encoding']).toBeUndefined();
  });
});
