import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry, EntryPhoto } from '../../../contracts/journal.js';
import type { MediaItem } from '../../../contracts/media.js';
import {
  choiceLeavingOut,
  type Book,
  type BookCandidatesResponse,
} from '../../../contracts/memorial-book.js';
import type { Tribute } from '../../../contracts/tributes.js';
import { sayDate } from '../../../domain/tributes/wording.js';
import type { Client } from '../../test/app.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import {
  addMember,
  createFamily,
  createKeepsake,
  createLovedOne,
  createTripWithFlights,
  type Family,
} from '../../test/factories.js';
import { jpegWithGps, uploadPhoto } from '../../test/images.js';
import { MAKE_BOOK_QUEUE } from './index.js';

// Choosing what goes in a memorial book, on both databases: the candidates are only what the asker
// may read; a book holds what was chosen (pdftotext), and a forged id is refused naming the field;
// an item removed before the book is made is simply not in it. Tributes print as their pictures
// (pdfimages), and the places map is drawn as vector paths with the towns listed under it.

let t: TestApp;
let owner: Family;
let sam: Family;
let other: Family;
let jackId: string;
let kept: Entry;
let leftOut: Entry;
let ownersPrivate: Entry;
let samsPrivate: Entry;
let tribute: Tribute;
let photos: MediaItem[];
let othersPhoto: MediaItem;
const tmp = mkdtempSync(join(tmpdir(), 'book-choice-test-'));
const range = { from: '2026-01-01', to: '2026-12-31' };
const MADRID = '3117735';

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-07-20T12:00:00.000Z');
  owner = await createFamily(t.app, { familyName: 'The Rivers family' });
  sam = await addMember(t.app, t.container.db.kysely, owner, 'adult', 'Sam');
  other = await createFamily(t.app, { familyName: 'Another family' });
  jackId = (await createLovedOne(owner.client, { name: 'Jack Rivers' })).id;
  // Jack's box went to Madrid this summer.
  await createKeepsake(owner.client, jackId);
  const trip = await createTripWithFlights(owner.client);
  const out = trip.legs.find((l) => !l.isReturn)!;
  const picked = await owner.client.patch(`/api/legs/${out.id}`, { toPlace: 'Madrid', toPlaceId: MADRID });
  expect(picked.statusCode, picked.body).toBe(200);

  kept = await write(owner.client, 'letter', 'Dear Jack, the sunflowers came up again.', true);
  leftOut = await write(owner.client, 'entry', 'A hard day at the sea, kept out of the book.', true);
  ownersPrivate = await write(owner.client, 'entry', 'Only the owner has read this.', false);
  samsPrivate = await write(sam.client, 'entry', 'Something Sam keeps to themselves.', false);

  const made = await owner.client.post('/api/tributes', {
    lovedOneId: jackId,
    background: 'sea',
    words: 'We light a candle for you every year.',
    wording: 'would_have_been',
    forDate: '2026-03-14',
  });
  expect(made.statusCode, made.body).toBe(201);
  tribute = made.json<{ tribute: Tribute }>().tribute;

  photos = [];
  for (const [width, height] of [
    [1200, 900],
    [1000, 800],
  ] as const) {
    const response = await uploadPhoto(owner.client, await jpegWithGps(width, height));
    expect(response.statusCode, response.body).toBe(201);
    photos.push(response.json<{ media: MediaItem }>().media);
  }
  const theirs = await uploadPhoto(other.client, await jpegWithGps(640, 480));
  othersPhoto = theirs.json<{ media: MediaItem }>().media;
});

afterAll(async () => {
  await t.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function write(client: Client, kind: 'letter' | 'entry', text: string, shared: boolean) {
  const response = await client.post(`/api/loved-ones/${jackId}/journal`, { kind, text });
  expect(response.statusCode, response.body).toBe(201);
  const entry = response.json<{ entry: Entry }>().entry;
  if (shared)
    expect((await client.put(`/api/journal-entries/${entry.id}/sharing`, { shared: true })).statusCode).toBe(
      200,
    );
  return entry;
}

async function addEntryPhoto(client: Client, entryId: string, width: number, height: number) {
  const response = await client.request({
    method: 'POST',
    url: `/api/journal-entries/${entryId}/photos`,
    payload: await jpegWithGps(width, height),
    headers: { 'content-type': 'image/jpeg' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ photo: EntryPhoto }>().photo;
}

async function candidates(client: Client, withMyPrivateEntries = false) {
  const response = await client.get(
    `/api/loved-ones/${jackId}/books/candidates?from=${range.from}&to=${range.to}&mine=${withMyPrivateEntries ? 'yes' : 'no'}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BookCandidatesResponse>();
}

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((item) => item.id);

/** Everything offered, less what is named in `without`. */
const allBut = (offered: BookCandidatesResponse, without: readonly string[]) =>
  choiceLeavingOut(offered, new Set(without));

async function ask(body: Record<string, unknown>): Promise<Book> {
  const response = await owner.client.post(`/api/loved-ones/${jackId}/books`, { paper: 'A4', ...body });
  expect(response.statusCode, response.body).toBe(202);
  return response.json<{ book: Book }>().book;
}

async function made(book: Book): Promise<string> {
  await t.container.jobs(t.app.log).drain(MAKE_BOOK_QUEUE);
  const now = (await owner.client.get(`/api/books/${book.id}`)).json<{ book: Book }>().book;
  expect(now.state).toBe('ready');
  const file = await owner.client.get(now.fileUrl!);
  const pdf = join(tmp, `${book.id}.pdf`);
  writeFileSync(pdf, file.rawPayload);
  return pdf;
}

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });
const textOf = (pdf: string, page?: number) =>
  run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-']);
/** `pdfimages -list` rows: one per picture, "page num type width height …". */
const imagesOf = (pdf: string, page?: number) =>
  run('pdfimages', ['-list', ...(page ? ['-f', String(page), '-l', String(page)] : []), pdf])
    .split('\n')
    .slice(2)
    .filter(Boolean);
const pagesOf = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
function pageWith(pdf: string, words: string): number {
  for (let page = 1; page <= pagesOf(pdf); page++) if (textOf(pdf, page).includes(words)) return page;
  throw new Error(`no page says ${words}`);
}
/**
 * How far (in points) the middle of the line that holds `words` on `page` sits from the middle of
 * the page (pdftotext's word boxes): 0 for a centred line.
 */
function offCentre(pdf: string, page: number, words: string): number {
  const html = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  const pageWidth = Number(/<page width="([\d.]+)"/.exec(html)![1]);
  const boxes = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g),
  ].map((m) => ({ xMin: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]), text: m[4]! }));
  const first = words.split(' ')[0]!;
  const start = boxes.findIndex(
    (box, i) =>
      box.text === first &&
      boxes
        .slice(i, i + words.split(' ').length)
        .map((b) => b.text)
        .join(' ') === words,
  );
  if (start < 0) throw new Error(`page ${page} has no line "${words}"`);
  const line = boxes.filter((box) => Math.abs(box.y - boxes[start]!.y) < 1);
  const middle = (Math.min(...line.map((b) => b.xMin)) + Math.max(...line.map((b) => b.xMax))) / 2;
  return Math.abs(middle - pageWidth / 2);
}
/** How many filled or stroked shapes a page draws (pdftocairo's SVG: one <path> per shape or glyph). */
const pathsOn = (pdf: string, page: number) =>
  (run('pdftocairo', ['-svg', '-f', String(page), '-l', String(page), pdf, '-']).match(/<path/g) ?? [])
    .length;

const fieldsOf = (body: string) =>
  (JSON.parse(body) as { error: { code: string; fields: Record<string, string> } }).error;

describe('choosing what goes in a memorial book', () => {
  it('offers only what the asker may read, grouped and dated; their own private entries only when asked', async () => {
    const offered = await candidates(owner.client);
    expect(ids(offered.entries).sort()).toEqual([kept.id, leftOut.id].sort());
    expect(offered.entries.find((e) => e.id === kept.id)).toMatchObject({
      date: kept.writtenFor,
      label: 'A letter · Anna',
      privateToMe: false,
    });
    expect(offered.tributes).toEqual([expect.objectContaining({ id: tribute.id, date: '2026-03-14' })]);
    expect(ids(offered.photos).sort()).toEqual(ids(photos).sort());
    expect(offered.photos.find((p) => p.id === photos[0]!.id)!.thumbnailUrl).toBe(photos[0]!.thumbnailUrl);
    expect(JSON.stringify(offered)).not.toContain(othersPhoto.id);
    expect(JSON.stringify(offered)).not.toContain(samsPrivate.id);

    const withMine = await candidates(owner.client, true);
    expect(withMine.entries.find((e) => e.id === ownersPrivate.id)).toMatchObject({ privateToMe: true });
    expect(ids(withMine.entries)).not.toContain(samsPrivate.id);
    // Sam sees Sam's own, never the owner's.
    const samsOwn = await candidates(sam.client, true);
    expect(ids(samsOwn.entries)).toContain(samsPrivate.id);
    expect(ids(samsOwn.entries)).not.toContain(ownersPrivate.id);
    // Only those who may make a book may ask.
    const viewer = await addMember(t.app, t.container.db.kysely, owner, 'viewer', 'Gran');
    const path = `/api/loved-ones/${jackId}/books/candidates?from=${range.from}&to=${range.to}`;
    expect((await viewer.client.get(path)).statusCode).toBe(403);
    expect((await other.client.get(path)).statusCode).toBe(404);
    // The range is checked as for a book, naming the field.
    const backwards = await owner.client.get(
      `/api/loved-ones/${jackId}/books/candidates?from=2026-12-31&to=2026-01-01`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(fieldsOf(backwards.body).fields).toHaveProperty('to');
  });

  it('holds only what was chosen: an entry and a photo left out are not in the PDF', async () => {
    const offered = await candidates(owner.client);
    const book = await ask({ ...range, chosen: allBut(offered, [leftOut.id, photos[1]!.id]) });
    const pdf = await made(book);
    const text = textOf(pdf);
    expect(text).toContain('Dear Jack, the sunflowers came up again.');
    expect(text).not.toContain('A hard day at the sea');
    // One tribute picture (1080 × 1350) and one photo; the photo left out is not there.
    const images = imagesOf(pdf);
    expect(images.filter((row) => /\s1080\s+1350\s/.test(row))).toHaveLength(1);
    expect(images.filter((row) => /\s1200\s+900\s/.test(row))).toHaveLength(1);
    expect(images.filter((row) => /\s1000\s+800\s/.test(row))).toHaveLength(0);
    expect(images).toHaveLength(2);

    // Without a choice, everything the days hold goes in (as before choosing).
    const everything = await made(await ask(range));
    expect(textOf(everything)).toContain('A hard day at the sea');
    expect(imagesOf(everything)).toHaveLength(3);
  });

  it('prints a tribute as its picture, with its words under it as text', async () => {
    const pdf = await made(
      await ask({ ...range, chosen: { ...allBut(await candidates(owner.client), []), photos: [] } }),
    );
    const page = pageWith(pdf, 'We light a candle for you every year.');
    expect(textOf(pdf, page)).toContain(tribute.datesLine!);
    expect(imagesOf(pdf, page)).toEqual([expect.stringMatching(/\s1080\s+1350\s/)]);
  });

  it('draws the places map as vector paths, no picture, with the towns listed under it', async () => {
    const pdf = await made(await ask({ ...range, chosen: allBut(await candidates(owner.client), []) }));
    const page = pageWith(pdf, 'Places Jack Rivers has been');
    const text = textOf(pdf, page);
    expect(text).toContain('Madrid');
    expect(text).toContain('Summer in Spain');
    expect(imagesOf(pdf, page)).toEqual([]);
    // The world's countries are shapes on the page: far more than the glyphs of its words.
    const entriesPage = pageWith(pdf, 'Letters and entries');
    expect(pathsOn(pdf, page) - pathsOn(pdf, entriesPage)).toBeGreaterThan(150);
  });

  it('refuses an id the asker may not put in, naming the field, and stores nothing', async () => {
    const offered = await candidates(owner.client);
    const before = await t.container.db.kysely.selectFrom('memorial_books').select('id').execute();
    const cases: Array<[string, Record<string, string[]>]> = [
      ['chosen.entries', { entries: [...ids(offered.entries), samsPrivate.id] }],
      // The owner's own private entry, without asking for private entries.
      ['chosen.entries', { entries: [ownersPrivate.id] }],
      ['chosen.photos', { photos: [othersPhoto.id] }],
      ['chosen.tributes', { tributes: [photos[0]!.id] }],
    ];
    for (const [field, forged] of cases) {
      const response = await owner.client.post(`/api/loved-ones/${jackId}/books`, {
        ...range,
        paper: 'A4',
        chosen: { ...allBut(offered, []), ...forged },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(fieldsOf(response.body).fields[field]).toMatch(/not yours to put in it/);
    }
    expect(await t.container.db.kysely.selectFrom('memorial_books').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it("prints a chosen entry's photos after its text; never an entry's left out, nor another member's private one", async () => {
    // A photo on the letter kept, one on the entry left out, one on Sam's private entry; each its own size.
    await addEntryPhoto(owner.client, kept.id, 1400, 1050);
    await addEntryPhoto(owner.client, leftOut.id, 700, 500);
    const samsPhoto = await addEntryPhoto(sam.client, samsPrivate.id, 800, 600);
    const offered = await candidates(owner.client);
    const chosen = { ...allBut(offered, [leftOut.id]), tributes: [], photos: [] };
    const pdf = await made(await ask({ ...range, chosen }));
    expect(imagesOf(pdf)).toEqual([expect.stringMatching(/\s1400\s+1050\s/)]);
    // On the letter's page or the next, under its words, with a calm caption.
    const page = pageWith(pdf, `With Anna’s letter of ${sayDate(kept.writtenFor)}`);
    expect(page - pageWith(pdf, 'Dear Jack, the sunflowers came up again.')).toBeLessThanOrEqual(1);
    expect(imagesOf(pdf, page)).toHaveLength(1);
    // Centred under the photo, which is centred on the page.
    expect(offCentre(pdf, page, `With Anna’s letter of ${sayDate(kept.writtenFor)}`)).toBeLessThan(3);

    // With everything the days hold (and the owner's own private entries), Sam's private photo is
    // still not in it; the entry left out before is, with its photo.
    const everything = await made(await ask({ ...range, withMyPrivateEntries: true }));
    const images = imagesOf(everything);
    expect(images.filter((row) => /\s1400\s+1050\s/.test(row))).toHaveLength(1);
    expect(images.filter((row) => /\s700\s+500\s/.test(row))).toHaveLength(1);
    expect(images.filter((row) => /\s800\s+600\s/.test(row))).toHaveLength(0);
    // As the journal answers the owner for it: not found.
    expect((await owner.client.get(samsPhoto.url)).statusCode).toBe(404);
  });

  it('leaves out an item removed after it was chosen', async () => {
    const gone = await write(owner.client, 'letter', 'A letter written and then taken back.', true);
    const book = await ask({ ...range, chosen: allBut(await candidates(owner.client), []) });
    expect((await owner.client.delete(`/api/journal-entries/${gone.id}`)).statusCode).toBe(204);
    const text = textOf(await made(book));
    expect(text).not.toContain('A letter written and then taken back.');
    expect(text).toContain('Dear Jack, the sunflowers came up again.');
  });
});
