import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/schema.js';
import { ARCHIVE_VERSION } from '../../../contracts/family-archive.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import {
  declaringSize,
  exportFamily,
  importAndRun,
  importFamily,
  markedEncrypted,
  patched,
  unzip,
  withData,
  zip64Declaring,
  zipOf,
} from '../../test/archives.js';
import { createFamily, type Family } from '../../test/factories.js';
import { populateFamily } from '../../test/populate.js';
import { snapshotData } from '../../test/snapshot.js';
import { archiveLimits } from './limits.js';
import { openArchive } from './zip-reader.js';
import { readCatalogue } from '../../../db/catalogue.js';

// Hostile archives, each a real zip made for the purpose from a real export, are refused whole with
// a message that says what was wrong, in the request itself (before any job is queued), and nothing
// is written: every table of the database (read from its own catalogue) is the same afterwards.

let t: TestApp;
let importer: Family;
let files: Map<string, Buffer>;
let tables: Array<keyof Database>;

beforeAll(async () => {
  t = await buildTestApp();
  const owner = await createFamily(t.app, { displayName: 'Olive', familyName: 'The Rivers family' });
  const { tripId } = await populateFamily(owner, 'Jack', t.container.db.kysely);
  // Jack is collected in Spain on his trip: a version 3 archive below must come without it.
  await owner.client.patch(`/api/trips/${tripId}`, { collectIn: 'ES' });
  files = await unzip((await exportFamily(t, owner.client)).zip);
  importer = await createFamily(t.app, { displayName: 'Ruth', familyName: 'Ruth’s family' });
  const db = t.container.db.kysely;
  tables = (await readCatalogue(db, t.database.dialect)).tables as Array<keyof Database>;
});
afterAll(() => t.close());

const entries = (from: Map<string, Buffer>) => [...from.entries()];

/** Sends the zip, expects a refusal whose message matches, and checks nothing at all was written. */
async function refused(zip: Buffer, message: RegExp): Promise<void> {
  const before = await snapshotData(t.container.db.kysely, tables);
  const response = await importFamily(importer.client, zip);
  expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, response.body).toBeLessThan(500);
  const error = response.json<{ error: { message: string; fields?: Record<string, string> } }>().error;
  expect(error.message).toMatch(message);
  expect(error.fields?.archive ?? error.message).toMatch(message);
  expect(await snapshotData(t.container.db.kysely, tables)).toBe(before);
  // Nor is the upload kept: no file waits under the data directory for a job that will not come.
  expect(await readdir(join(t.container.config.dataDir, 'uploads')).catch(() => [])).toEqual([]);
}

describe('an archive', () => {
  it('is imported when nothing is wrong with it (so each refusal below is for its one fault)', async () => {
    const { response, made } = await importAndRun(t, importer.client, await zipOf(entries(files)));
    expect(response.statusCode, response.body).toBe(202);
    expect(made?.state, made?.message ?? '').toBe('done');
  });

  it('of the previous format version (1, before photos on entries) is still imported', async () => {
    const data = dataOf(files);
    expect(data.journalPhotos!.length).toBeGreaterThan(0);
    const photoFiles = new Set(data.journalPhotos!.flatMap((p) => [String(p.file), String(p.thumbnail)]));
    const older = withData(new Map([...files].filter(([name]) => !photoFiles.has(name))), (old) => {
      delete (old as Record<string, unknown>).journalPhotos;
      Object.assign(old, { version: 1 });
    });
    const { response, made } = await importAndRun(t, importer.client, await zipOf(entries(older)));
    expect(response.statusCode, response.body).toBe(202);
    expect(made?.state, made?.message ?? '').toBe('done');
  });

  /**
   * An archive of an older version, without a field that version did not have, imports, and every
   * row of the table comes in with that column not said.
   */
  async function importedAsNotSaid(
    version: number,
    older: { collection: string; field: string; table: 'loved_ones' | 'trips'; column: string },
  ): Promise<void> {
    const archive = withData(files, (old) => {
      for (const record of old[older.collection]!) delete record[older.field];
      Object.assign(old, { version });
    });
    const { response, made } = await importAndRun(t, importer.client, await zipOf(entries(archive)));
    expect(response.statusCode, response.body).toBe(202);
    expect(made?.state, made?.message ?? '').toBe('done');
    const imported = await t.container.db.kysely
      .selectFrom(older.table)
      .selectAll()
      .where('family_id', '=', made!.result!.family.id)
      .execute();
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.map((row) => (row as Record<string, unknown>)[older.column])).toEqual(
      imported.map(() => null),
    );
  }

  it('of format version 2 (before a loved one’s nationality) is still imported, as not said', async () => {
    await importedAsNotSaid(2, {
      collection: 'lovedOnes',
      field: 'nationality',
      table: 'loved_ones',
      column: 'nationality',
    });
  });

  it('of format version 3 (before where a trip’s ashes are collected) is still imported, as not said', async () => {
    await importedAsNotSaid(3, {
      collection: 'trips',
      field: 'collectIn',
      table: 'trips',
      column: 'collect_in',
    });
  });

  it('is refused when a file name leaves the archive’s folder', async () => {
    const zip = await zipOf([...entries(files), ['aa/evil.txt', Buffer.from('hello')]]);
    await refused(patched(zip, Buffer.from('aa/evil.txt'), Buffer.from('../evil.txt')), /points outside/);
    const absolute = await zipOf([...entries(files), ['xetc/passwd', Buffer.from('root')]]);
    await refused(
      patched(absolute, Buffer.from('xetc/passwd'), Buffer.from('/etc/passwd')),
      /points outside/,
    );
  });

  it('is refused when it is a zip bomb: a file unpacking to far more than its packed size', async () => {
    await refused(await zipOf([...entries(files), ['notes.txt', Buffer.alloc(8 << 20)]]), /zip bomb/);
  });

  it('is refused when a header claims more than the caps, or less than the file unpacks to', async () => {
    const zip = await zipOf(entries(files));
    const photo = [...files.keys()].find((name) => /^media\/[^/]+\.jpg$/.test(name))!;
    await refused(declaringSize(zip, photo, 200 << 20), /larger than we keep/);
    await refused(declaringSize(zip, 'family.json', 10), /unpacks to a different size/);
  });

  it('is refused when its headers declare more than 4 GB unpacked in all (zip64 sizes, each file within its cap)', async () => {
    const MB = 1 << 20;
    const books = (count: number, declared: number) =>
      Array.from({ length: count }, (_, i) => ({
        name: `books/${i}.pdf`,
        data: Buffer.from('%PDF-'),
        declared,
      }));
    expect(archiveLimits.maxTotalBytes).toBe(4096 * MB);
    // Nine books of 500 MB (the most one book may be): 4.4 GB, declared by a zip of a few hundred bytes.
    await refused(zip64Declaring(books(9, 500 * MB)), /unpacks to more than 4 GB/);
    // Eight are under the cap: the headers pass, and the zip is refused for what it is not instead.
    await refused(zip64Declaring(books(8, 500 * MB)), /not an Alongside family archive/);
    // A single file declaring 5 GB in its zip64 header is over its own cap first.
    await refused(
      zip64Declaring([{ name: 'books/big.pdf', data: Buffer.from('%PDF-'), declared: 5 * 1024 * MB }]),
      /larger than we keep \(500 MB at most\)/,
    );
  });

  it('is refused, under a lower cap, when its files unpack to more than the cap in all', async () => {
    const zip = await zipOf(entries(files));
    const real = [...files.values()].reduce((sum, file) => sum + file.length, 0);
    const dir = await mkdtemp(join(tmpdir(), 'alongside-cap-'));
    try {
      const path = join(dir, 'archive.zip');
      await writeFile(path, zip);
      // The real archive, every file within its own cap, against a total cap one byte short of it.
      await expect(openArchive(path, { ...archiveLimits, maxTotalBytes: real - 1 })).rejects.toThrow(
        /unpacks to more than/,
      );
      const opened = await openArchive(path, { ...archiveLimits, maxTotalBytes: real });
      expect(opened.names().length).toBe(files.size);
      opened.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is refused when a file in it is encrypted (general-purpose flag bit 0)', async () => {
    const zip = await zipOf(entries(files));
    await refused(markedEncrypted(zip, 'family.json'), /locked with a password/);
    const photo = dataOf(files).media![0]!.file as string;
    await refused(markedEncrypted(zip, photo), /locked with a password/);
  });

  it('is refused when two files have the same name, or names differing only in letter case', async () => {
    await refused(
      await zipOf([...entries(files), ['family.json', files.get('family.json')!]]),
      /two files named/,
    );
    await refused(await zipOf([...entries(files), ['README.TXT', Buffer.from('hello')]]), /two files named/);
  });

  it('is refused when it is of another format version, or not an archive at all', async () => {
    const newer = withData(files, (data) => Object.assign(data, { version: ARCHIVE_VERSION + 1 }));
    await refused(
      await zipOf(entries(newer)),
      new RegExp(`newer Alongside \\(format version ${ARCHIVE_VERSION + 1}\\)`),
    );
    const older = withData(files, (data) => Object.assign(data, { version: 0 }));
    await refused(await zipOf(entries(older)), /format version \(0\) is not one this server reads/);
    await refused(await zipOf([['hello.txt', Buffer.from('hi')]]), /not an Alongside family archive/);
    await refused(Buffer.from('this is no zip at all'), /could not open this as a zip/);
  });

  it('is refused when a record points to a record or a file the archive does not hold', async () => {
    const stray = withData(files, (data) => Object.assign(data.keepsakes![0]!, { lovedOneId: randomUUID() }));
    await refused(await zipOf(entries(stray)), /keepsakes\[0\]\.lovedOneId points to .* not in this archive/);
    const missing = new Map(files);
    const photo = dataOf(missing).media![0]!.file as string;
    missing.delete(photo);
    await refused(await zipOf(entries(missing)), new RegExp(`names ${photo}, which is not in this archive`));
    const twice = withData(files, (data) => data.trips!.push(data.trips![0]!));
    await refused(await zipOf(entries(twice)), /is given to two records/);
  });

  it('is refused when a record does not have the documented shape', async () => {
    const wrong = withData(files, (data) =>
      Object.assign(data.tripLegs![0]!, { departureZone: 'Mars/Olympus' }),
    );
    await refused(await zipOf(entries(wrong)), /at tripLegs\.0\.departureZone/);
    const nation = withData(files, (data) =>
      Object.assign(data.lovedOnes![0]!, { nationality: 'Portuguese' }),
    );
    await refused(await zipOf(entries(nation)), /at lovedOnes\.0\.nationality/);
    const collect = withData(files, (data) => Object.assign(data.trips![0]!, { collectIn: 'Singapore' }));
    await refused(await zipOf(entries(collect)), /at trips\.0\.collectIn/);
  });

  it('is refused when a photo is larger than the app keeps, or no picture at all', async () => {
    const photo = dataOf(files).media![0]!.file as string;
    const huge = new Map(files).set(photo, randomBytes(26 << 20));
    await refused(await zipOf(entries(huge), { compress: false }), /larger than we keep \(25 MB at most\)/);
    const fake = new Map(files).set(photo, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    await refused(await zipOf(entries(fake)), /is not a picture we can keep/);
  });
});

const dataOf = (from: Map<string, Buffer>) =>
  JSON.parse(from.get('family.json')!.toString('utf8')) as Record<string, Array<Record<string, unknown>>>;
