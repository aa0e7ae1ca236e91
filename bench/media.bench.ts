import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { freePort, median, signUpFamily, startServer } from './lib.js';

// `npm run bench:media`: a family's phone photo through the real server (NODE_ENV=production, a
// fresh SQLite folder, or PostgreSQL with `-- --pg`). Each round uploads a 12-megapixel JPEG
// (4032 × 3024, made of noise-like detail so it does not compress away: about 5 MB, as a phone's
// are) and then fetches its thumbnail; prints the median and slowest upload and thumbnail times, and
// the server's resident memory before, at its highest while uploading, and after. BENCH_ROUNDS (20).
// Figures are printed, never asserted.

const PG = process.argv.includes('--pg');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'alongside-media-bench-'));
const pgServer =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** A phone-like photo: a smooth scene with fine grain, which JPEG cannot squeeze to nothing. */
async function phonePhoto(): Promise<Buffer> {
  const width = 4032;
  const height = 3024;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const grain = (Math.random() - 0.5) * 40;
      pixels[i] = Math.max(0, Math.min(255, 120 + 80 * Math.sin(x / 300) + grain));
      pixels[i + 1] = Math.max(0, Math.min(255, 140 + 60 * Math.cos(y / 250) + grain));
      pixels[i + 2] = Math.max(0, Math.min(255, 160 + grain));
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** Resident memory of a process, in MB (Linux). */
const rssOf = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
};

const port = await freePort();
let databaseName: string | undefined;
if (PG) {
  const pg = (await import('pg')).default;
  databaseName = `alongside_media_bench_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: pgServer });
  await client.connect();
  await client.query(`CREATE DATABASE ${databaseName}`);
  await client.end();
}
const databaseUrl =
  databaseName && Object.assign(new URL(pgServer), { pathname: `/${databaseName}` }).toString();
const server = await startServer(
  ['--import', 'tsx', join(root, 'src/server/main.ts')],
  {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: work,
    NODE_ENV: 'production',
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
  },
  /Alongside is ready/,
);
try {
  const base = `http://127.0.0.1:${port}`;
  const headers = await signUpFamily(base);
  const photo = await phonePhoto();
  console.log(
    `photo: 4032 × 3024, ${(photo.length / 1024 / 1024).toFixed(1)} MB JPEG; ${ROUNDS} rounds on ${PG ? 'PostgreSQL' : 'SQLite'}`,
  );
  const before = rssOf(server.pid!);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!))), 20);
  const uploads: number[] = [];
  const thumbnails: number[] = [];
  let kept = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const response = await fetch(`${base}/api/media`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'image/jpeg' },
      body: photo,
    });
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
    const { media } = (await response.json()) as { media: { thumbnailUrl: string; byteSize: number } };
    uploads.push(performance.now() - started);
    kept = media.byteSize;
    const thumbStarted = performance.now();
    const thumbnail = await fetch(`${base}${media.thumbnailUrl}`, { headers: { cookie: headers.cookie! } });
    if (thumbnail.status !== 200) throw new Error(`thumbnail: ${thumbnail.status}`);
    await thumbnail.arrayBuffer();
    thumbnails.push(performance.now() - thumbStarted);
  }
  clearInterval(sampler);
  const after = rssOf(server.pid!);
  const slowest = (values: number[]) => Math.max(...values);
  console.log(`kept: ${(kept / 1024).toFixed(0)} kB at 2560 × 1920`);
  console.log(
    `media_upload median_ms=${median(uploads).toFixed(0)} max_ms=${slowest(uploads).toFixed(0)} | media_thumbnail median_ms=${median(thumbnails).toFixed(1)} max_ms=${slowest(thumbnails).toFixed(1)}`,
  );
  console.log(`server_rss_mb before=${before} peak=${peak} after=${after}`);
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
  if (databaseName) {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: pgServer });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await client.end();
  }
}
