import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { freePort, signUpFamily, startServer } from './lib.js';

// `npm run bench:book`: a 300-page memorial book with 200 photos, made by the real server's job
// runner (NODE_ENV=production, a fresh SQLite folder). The family, 200 photos (2400 × 1800, about
// print size for a page) and 120 shared letters of a page each (with the tributes, the map and the photos, over 300 pages) are seeded through the API; the server
// is then started afresh, so its peak memory (VmHWM, the kernel's maxRSS) is the book's alone. Prints
// the pages, the size, how long the job took, and the server's resident memory at start and at its
// highest. Figures are printed, never asserted. BENCH_PHOTOS (200), BENCH_LETTERS (120),
// BENCH_TRIBUTES (12): tributes printed as their pictures (drawn by the tributes module one at a
// time); a trip to Madrid with Jack's box puts the vector world map in. The book is asked for as the
// app does: the candidates read first, one photo left out.

const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 200);
const LETTERS = Number(process.env.BENCH_LETTERS ?? 120);
const TRIBUTES = Number(process.env.BENCH_TRIBUTES ?? 12);
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'alongside-book-bench-'));

/** A photo-like picture with fine grain, so JPEG cannot squeeze it to nothing; each one different. */
async function photo(seed: number): Promise<Buffer> {
  const width = 2400;
  const height = 1800;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const grain = (Math.random() - 0.5) * 30;
      pixels[i] = Math.max(0, Math.min(255, 120 + 80 * Math.sin((x + seed * 37) / 300) + grain));
      pixels[i + 1] = Math.max(0, Math.min(255, 140 + 60 * Math.cos((y + seed * 11) / 250) + grain));
      pixels[i + 2] = Math.max(0, Math.min(255, 160 + grain));
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** Memory of a process in MB from /proc (Linux): resident now, and the highest it has been. */
const memoryOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n');
  const mb = (key: string) =>
    Math.round(Number(status.find((l) => l.startsWith(key))?.split(/\s+/)[1] ?? 0) / 1024);
  return { rss: mb('VmRSS:'), peak: mb('VmHWM:') };
};

const letter = (n: number) =>
  `Dear Jack, this is letter ${n}. ` +
  'We walked by the sea today and talked about you, and the children found a smooth grey stone that they said you would have liked. '.repeat(
    18,
  );

async function server(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = await startServer(
    ['--import', 'tsx', join(root, 'src/server/main.ts')],
    { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: work, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    /Alongside is ready/,
  );
  return { child, base: `http://127.0.0.1:${port}` };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

async function json<T>(response: Response): Promise<T> {
  if (response.status >= 300) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

let { child, base } = await server();
try {
  // Seeding, on a first server.
  const headers = await signUpFamily(base);
  const { lovedOne } = await json<{ lovedOne: { id: string } }>(
    await fetch(`${base}/api/loved-ones`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Jack',
        kind: 'infant',
        dateOfBirth: '2020-03-14',
        dateOfDeath: '2020-04-02',
      }),
    }),
  );
  const year = new Date().getUTCFullYear();
  for (let n = 1; n <= LETTERS; n++) {
    const { entry } = await json<{ entry: { id: string } }>(
      await fetch(`${base}/api/loved-ones/${lovedOne.id}/journal`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'letter', text: letter(n) }),
      }),
    );
    await json(
      await fetch(`${base}/api/journal-entries/${entry.id}/sharing`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ shared: true }),
      }),
    );
  }
  let photoBytes = 0;
  for (let n = 0; n < PHOTOS; n++) {
    const body = await photo(n);
    photoBytes += body.length;
    await json(
      await fetch(`${base}/api/media`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'image/jpeg' },
        body: new Uint8Array(body),
      }),
    );
  }
  for (let n = 0; n < TRIBUTES; n++)
    await json(
      await fetch(`${base}/api/tributes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          lovedOneId: lovedOne.id,
          background: (['dawn', 'sea', 'stone', 'night'] as const)[n % 4],
          words: `We light a candle for you, Jack, on day ${n + 1} of the year we carry you with us.`,
          wording: 'would_have_been',
          forDate: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-14`,
        }),
      }),
    );
  // Jack's box goes to Madrid: a pin on the map, Spain shaded.
  await json(
    await fetch(`${base}/api/loved-ones/${lovedOne.id}/keepsakes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: "Jack's box", kind: 'ashes', container: 'wood', travelsWithUs: true }),
    }),
  );
  const { trip } = await json<{ trip: { id: string } }>(
    await fetch(`${base}/api/trips`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Summer in Spain',
        startsOn: `${year}-07-01`,
        endsOn: `${year}-07-08`,
        purpose: 'carry',
        requireTwoPeople: false,
      }),
    }),
  );
  await json(
    await fetch(`${base}/api/trips/${trip.id}/legs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        label: 'Flight out',
        mode: 'air',
        fromCountry: 'GB',
        toCountry: 'ES',
        toPlace: 'Madrid',
        toPlaceId: '3117735',
        carrier: 'BA',
        bag: 'carry_on',
        departureLocal: `${year}-07-01T09:30`,
        departureZone: 'Europe/London',
        isReturn: false,
      }),
    }),
  );
  console.log(
    `seeded ${LETTERS} shared letters, ${TRIBUTES} tributes, a trip to Madrid and ${PHOTOS} photos (2400 × 1800, ${(photoBytes / 1024 / 1024).toFixed(0)} MB of JPEG)`,
  );
  await stop(child);

  // The book, on a fresh server: its memory is the book's.
  ({ child, base } = await server());
  // The session outlives the restart (it is in the database).
  const atStart = memoryOf(child.pid!);
  const started = performance.now();
  const days = { from: `${year}-01-01`, to: `${year}-12-31` };
  type Offered = Record<'entries' | 'tributes' | 'rituals' | 'drawings' | 'photos', Array<{ id: string }>>;
  const offered = await json<Offered>(
    await fetch(`${base}/api/loved-ones/${lovedOne.id}/books/candidates?from=${days.from}&to=${days.to}`, {
      headers,
    }),
  );
  const ids = (list: Array<{ id: string }>) => list.map((item) => item.id);
  const chosen = {
    entries: ids(offered.entries),
    tributes: ids(offered.tributes),
    rituals: ids(offered.rituals),
    drawings: ids(offered.drawings),
    photos: ids(offered.photos).slice(1),
  };
  const { book } = await json<{ book: { id: string } }>(
    await fetch(`${base}/api/loved-ones/${lovedOne.id}/books`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...days, paper: 'A4', chosen }),
    }),
  );
  let state = '';
  let pages = 0;
  let bytes = 0;
  while (state !== 'ready') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = (
      await json<{ book: { state: string; pagesTotal: number; byteSize: number } }>(
        await fetch(`${base}/api/books/${book.id}`, { headers }),
      )
    ).book;
    if (now.state === 'failed') throw new Error('the book could not be made');
    ({ state, pagesTotal: pages, byteSize: bytes } = now);
  }
  const seconds = (performance.now() - started) / 1000;
  const after = memoryOf(child.pid!);
  const file = await fetch(`${base}/api/books/${book.id}/file`, { headers });
  const pdf = join(work, 'book.pdf');
  writeFileSync(pdf, new Uint8Array(await file.arrayBuffer()));
  const pdfPages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1];
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n')
    .slice(2)
    .filter(Boolean);
  console.log(
    `chosen: ${chosen.photos.length} of ${offered.photos.length} photos, ${chosen.tributes.length} tributes; ` +
      `pictures in the PDF: ${images.length} (tributes 1080 × 1350: ${images.filter((l) => /\s1080\s+1350\s/.test(l)).length}); ` +
      `places map: ${text.includes('Madrid, ') ? 'yes' : 'no'}`,
  );
  console.log(
    `book: ${pages} pages (pdfinfo: ${pdfPages}), ${(bytes / 1024 / 1024).toFixed(0)} MB, made in ${seconds.toFixed(1)} s; text extractable: ${text.includes(`Dear Jack, this is letter ${LETTERS}.`) ? 'yes' : 'no'}`,
  );
  console.log(
    `server memory: ${atStart.rss} MB resident at start; peak (VmHWM, maxRSS) ${after.peak} MB; ${after.rss} MB resident after`,
  );
  await stop(child);
} finally {
  // A failure above must not leave the server running.
  if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
