import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { NewRow } from '../src/db/schema.js';
import type { FamilyImport } from '../src/contracts/family-archive.js';
import { IMPORT_QUEUE } from '../src/server/modules/family-data/index.js';
import type { TripDetail } from '../src/contracts/trips.js';
import { processImage } from '../src/server/modules/media/index.js';
import { newId } from '../src/server/secrets.js';
import { buildTestApp } from '../src/server/test/app.js';
import { exportFamily, importFamily } from '../src/server/test/archives.js';
import { createFamily, createLovedOne, createTripWithFlights } from '../src/server/test/factories.js';

// `npm run bench:import`: a large family's archive made and brought in again, in one process on a
// fresh SQLite database (or PostgreSQL with TEST_DATABASE_URL set). The family has BENCH_TRIPS trips
// (50) with two flights each, BENCH_ENTRIES journal entries (500) and BENCH_PHOTOS photos (300, each
// a real 1600 × 1200 picture as the media pipeline keeps it, written straight to the table to spare
// the upload route's limits). Prints how long the export job and the import take, the process's peak
// resident memory above where it started for each, and how long another family's checklist tick
// (a write) waits while the import runs (the request, which checks and queues it, then the job,
// run as the server's runner would): median, p99 and the slowest. Figures only; asserts nothing.

const TRIPS = Number(process.env.BENCH_TRIPS ?? 50);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 500);
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 300);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const quantile = (sorted: number[], q: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** A photo with detail JPEG cannot squeeze away, as the pipeline keeps it (re-encoded, with preview). */
async function photo(seed: number) {
  const width = 1600;
  const height = 1200;
  const grain = randomBytes(width * height * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = 96 + (grain[i]! % 64) + ((i / 3 + seed) % 32);
  const jpeg = await sharp(grain, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return processImage(jpeg);
}

/** Peak resident memory while `work` runs, sampled every 10 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peak: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - started) / 1000, peak: peak - base };
  } finally {
    clearInterval(sampler);
  }
}

const t = await buildTestApp();
try {
  const db = t.container.db.kysely;
  const olive = await createFamily(t.app, { displayName: 'Olive', familyName: 'The Rivers family' });
  const jack = await createLovedOne(olive.client, { name: 'Jack' });
  for (let i = 0; i < TRIPS; i++) await createTripWithFlights(olive.client, { name: `Trip ${i + 1}` });
  for (let i = 0; i < ENTRIES; i++) {
    const written = await olive.client.post(`/api/loved-ones/${jack.id}/journal`, {
      kind: 'entry',
      text: `Day ${i + 1}. ${'We thought of you at the sea, and the children set out your water. '.repeat(6)}`,
    });
    if (written.statusCode !== 201) throw new Error(`entry failed: ${written.body}`);
  }
  const pictures = await Promise.all(Array.from({ length: 8 }, (_, i) => photo(i)));
  for (let i = 0; i < PHOTOS; i += 20) {
    const rows: NewRow<'media'>[] = [];
    for (let k = i; k < Math.min(PHOTOS, i + 20); k++) {
      const made = pictures[k % pictures.length]!;
      rows.push({
        id: newId(),
        family_id: olive.session.family.id,
        kind: 'photo',
        content_type: made.contentType,
        width: made.width,
        height: made.height,
        byte_size: made.data.length,
        data: made.data,
        thumbnail_content_type: made.thumbnail.contentType,
        thumbnail: made.thumbnail.data,
        thumbnail_byte_size: made.thumbnail.data.length,
        digest: `${made.digest}-${k}`,
        added_by: olive.session.member.id,
        created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, k)).toISOString(),
        from_name: null,
      });
    }
    await db.insertInto('media').values(rows).execute();
  }
  console.log(
    `A family of ${TRIPS} trips, ${ENTRIES} journal entries and ${PHOTOS} photos (${mb(pictures[0]!.data.length * PHOTOS)} of photos) on ${t.database.dialect}.`,
  );

  const exported = await measured(() => exportFamily(t, olive.client));
  console.log(
    `Export (the job, then the download): ${exported.seconds.toFixed(1)} s, a zip of ${mb(exported.value.zip.length)}, peak memory +${mb(exported.peak)}`,
  );

  // Another family ticks its checklist over and over while the import runs.
  const ruth = await createFamily(t.app, { displayName: 'Ruth', familyName: 'Ruth’s family' });
  const trip: TripDetail = await createTripWithFlights(ruth.client);
  const item = await ruth.client.post(`/api/trips/${trip.trip.id}/checklist`, {
    label: 'Passports',
    scope: 'shared',
  });
  const itemId = item.json<{ item: { id: string } }>().item.id;
  const waits: number[] = [];
  let importing = true;
  const ticking = (async () => {
    for (let checked = true; importing; checked = !checked) {
      const started = performance.now();
      const ticked = await ruth.client.patch(`/api/checklist-items/${itemId}`, { checked });
      if (ticked.statusCode !== 200) throw new Error(`tick failed: ${ticked.statusCode} ${ticked.body}`);
      waits.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  let accepted: { seconds: number; id: string } | undefined;
  const imported = await measured(async () => {
    try {
      const started = performance.now();
      const response = await importFamily(ruth.client, exported.value.zip);
      if (response.statusCode !== 202) throw new Error(`import refused: ${response.body}`);
      accepted = {
        seconds: (performance.now() - started) / 1000,
        id: response.json<{ import: FamilyImport }>().import.id,
      };
      await t.container.jobs(t.app.log).drain(IMPORT_QUEUE);
      return (await ruth.client.get(`/api/family-imports/${accepted.id}`)).json<{ import: FamilyImport }>()
        .import;
    } finally {
      importing = false;
    }
  });
  await ticking;
  const family = imported.value.result?.family;
  if (!family) throw new Error(`import failed: ${JSON.stringify(imported.value)}`);
  const photos = await db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('family_id', '=', family.id)
    .executeTakeFirstOrThrow();
  console.log(
    `Import: the request (upload and checks) ${accepted!.seconds.toFixed(1)} s; in all, with the job, ${imported.seconds.toFixed(1)} s, ${Number(photos.n)} photos in, peak memory +${mb(imported.peak)}`,
  );
  const sorted = [...waits].sort((a, b) => a - b);
  console.log(
    `A checklist tick of another family during the import (${waits.length} ticks): median ${ms(quantile(sorted, 0.5))}, p99 ${ms(quantile(sorted, 0.99))}, slowest ${ms(sorted.at(-1) ?? Number.NaN)}`,
  );
} finally {
  await t.close();
}
