import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';
import { createFamily } from '../test/factories.js';

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
