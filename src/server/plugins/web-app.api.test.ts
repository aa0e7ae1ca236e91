import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/app.js';

// A tiny web root shaped like `vite build`'s output (dist/web), with the .br and .gz copies the
// build writes beside each text file (scripts/vite-precompress.ts).
const script = `export const words = ${JSON.stringify('Alongside, for the journey. '.repeat(200))};\n`;
const shell = `<!doctype html><html><body><div id="root"><p>Loading…</p></div>${'<!-- shell -->'.repeat(100)}</body></html>`;
const asset = '/assets/index-AbC123.js';

let t: TestApp;
let webRoot: string;
beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'alongside-web-'));
  await mkdir(join(webRoot, 'assets'));
  const write = async (name: string, body: string) => {
    await writeFile(join(webRoot, name), body);
    await writeFile(join(webRoot, `${name}.br`), brotliCompressSync(body));
    await writeFile(join(webRoot, `${name}.gz`), gzipSync(body));
  };
  await write(asset.slice(1), script);
  await write('index.html', shell);
  await write('sw.js', `self.addEventListener('install', () => {}); ${'//'.repeat(600)}`);
  t = await buildTestApp({ webRoot });
});
afterAll(async () => {
  await t.close();
  await rm(webRoot, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('the web app is sent compressed, as the build wrote it', () => {
  it('a hashed asset comes as brotli when accepted, kept a year, varying on Accept-Encoding', async () => {
    const answer = await get(asset, { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(answer.rawPayload).toString()).toBe(script);
  });

  it('as gzip when only gzip is accepted', async () => {
    const answer = await get(asset, { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(answer.rawPayload).toString()).toBe(script);
  });

  it('plain when nothing compressed is accepted, still varying on Accept-Encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const answer = await get(asset, headers);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.body).toBe(script);
    }
  });

  it('the app shell answers any page the browser opens, compressed, and is always asked for again', async () => {
    for (const url of ['/', '/trips/0190c6a0-0000-7000-8000-000000000000', '/calendar']) {
      const answer = await get(url, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect(answer.statusCode, url).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(answer.rawPayload).toString()).toBe(shell);
    }
    const plain = await get('/trips/0190c6a0-0000-7000-8000-000000000000', { accept: 'text/html' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(shell);
  });

  it('hashed assets carry only the headers a subresource uses; pages and the service worker the page policy', async () => {
    const script = await get(asset, { 'accept-encoding': 'br' });
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(script.headers['content-security-policy']).toBeUndefined();
    expect(script.headers['permissions-policy']).toBeUndefined();
    for (const url of ['/sw.js', '/trips/0190c6a0-0000-7000-8000-000000000000']) {
      const answer = await get(url, { accept: 'text/html' });
      expect(answer.headers['content-security-policy'], url).toMatch(/script-src 'self'/);
      expect(answer.headers['permissions-policy'], url).toMatch(/camera=\(\)/);
      expect(answer.headers['x-frame-options'], url).toBe('SAMEORIGIN');
    }
  });

  it('the service worker is always asked for again, and the API still answers JSON 404s', async () => {
    const worker = await get('/sw.js', { 'accept-encoding': 'gzip' });
    expect(worker.headers['content-encoding']).toBe('gzip');
    expect(worker.headers['cache-control']).toBe('no-cache');
    const missing = await get('/api/nothing-here', { accept: 'text/html' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
