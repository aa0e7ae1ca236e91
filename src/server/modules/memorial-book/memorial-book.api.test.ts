import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../../contracts/journal.js';
import type { Book, BooksResponse } from '../../../contracts/memorial-book.js';
import type { DueRitualsResponse } from '../../../contracts/rituals.js';
import type { Client } from '../../test/app.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { addMember, createFamily, createLovedOne, type Family } from '../../test/factories.js';
import { jpegWithGps, uploadPhoto } from '../../test/images.js';
import { MAKE_BOOK_QUEUE } from './index.js';

// The memorial book on both databases: made by the job (never on the request), its text read back
// with pdftotext (the name, a shared letter, who took part in a ritual), another member's private
// entry absent, A4 and US Letter, photos one to a page, the download refused to a teen, a viewer
// and another family, a book holding the asker's private entries shown to no one else, removal.

let t: TestApp;
let owner: Family;
let adult: Family;
let jackId: string;
const tmp = mkdtempSync(join(tmpdir(), 'book-test-'));

beforeAll(async () => {
  t = await buildTestApp();
  t.clock.set('2026-06-13T12:00:00.000Z');
  owner = await createFamily(t.app, { familyName: 'The Rivers family' });
  adult = await addMember(t.app, t.container.db.kysely, owner, 'adult', 'Sam');
  jackId = (
    await createLovedOne(owner.client, {
      name: 'Jack Rivers',
      kind: 'infant',
      dateOfBirth: '2020-03-14',
      dateOfDeath: '2020-04-02',
      dateOfLoss: undefined,
      dueDate: undefined,
      gestationWeeks: undefined,
    })
  ).id;

  const shared = await write(owner.client, 'letter', 'Dear Jack, the garden is full of your sunflowers.');
  expect(
    (await owner.client.put(`/api/journal-entries/${shared.id}/sharing`, { shared: true })).statusCode,
  ).toBe(200);
  await write(adult.client, 'entry', 'Something Sam keeps to themselves.');
  await write(owner.client, 'entry', 'A note only the owner has read.');

  // A ritual done this morning, with who took part.
  const ritual = await owner.client.post(`/api/loved-ones/${jackId}/rituals`, {
    title: 'Candle for Jack',
    whatToDo: 'Light a candle at the window',
    when: 'schedule',
    repeat: 'weekly',
    date: '2026-06-06',
    time: '09:00',
  });
  expect(ritual.statusCode, ritual.body).toBe(201);
  const due = (await owner.client.get('/api/rituals/due')).json<DueRitualsResponse>().due;
  const card = due.find((d) => d.title === 'Candle for Jack')!;
  const marked = await owner.client.post(`/api/rituals/${card.ritualId}/marks`, {
    occurrenceKey: card.occurrenceKey,
    outcome: 'done',
    tookPart: 'Mum, Sam and Ellie',
  });
  expect(marked.statusCode, marked.body).toBe(201);
});
afterAll(async () => {
  await t.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function write(client: Client, kind: 'letter' | 'entry', text: string): Promise<Entry> {
  const response = await client.post(`/api/loved-ones/${jackId}/journal`, { kind, text });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ entry: Entry }>().entry;
}

async function ask(client: Client, body: Record<string, unknown>): Promise<Book> {
  const response = await client.post(`/api/loved-ones/${jackId}/books`, body);
  expect(response.statusCode, response.body).toBe(202);
  const book = response.json<{ book: Book }>().book;
  // Asked for, not made: the request only queues the job.
  expect(book).toMatchObject({ state: 'waiting', fileUrl: null });
  return book;
}

async function made(client: Client, book: Book): Promise<{ book: Book; pdf: string }> {
  await t.container.jobs(t.app.log).drain(MAKE_BOOK_QUEUE);
  const now = (await client.get(`/api/books/${book.id}`)).json<{ book: Book }>().book;
  expect(now.state).toBe('ready');
  const file = await client.get(now.fileUrl!);
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toBe('application/pdf');
  expect(file.headers['content-disposition']).toMatch(/^attachment; filename="Jack-Rivers-2026\.pdf"/);
  expect(file.headers['x-content-type-options']).toBe('nosniff');
  expect(file.rawPayload.length).toBe(now.byteSize);
  const pdf = join(tmp, `${book.id}.pdf`);
  writeFileSync(pdf, file.rawPayload);
  return { book: now, pdf };
}

const textOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const infoOf = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });

describe('the memorial book', () => {
  it('is made by the job with the name, a shared letter and who took part, and no one else’s private entry', async () => {
    const { book, pdf } = await made(
      owner.client,
      await ask(owner.client, { from: '2026-01-01', to: '2026-12-31', paper: 'A4' }),
    );
    const text = textOf(pdf);
    expect(text).toContain('Jack Rivers');
    expect(text).toContain('14 March 2020 – 2 April 2020');
    expect(text).toContain('Dear Jack, the garden is full of your sunflowers.');
    expect(text).toContain('Took part: Mum, Sam and Ellie');
    expect(text).not.toContain('Something Sam keeps to themselves.');
    // The asker's own private entry only when they ask for it.
    expect(text).not.toContain('A note only the owner has read.');
    expect(infoOf(pdf)).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(infoOf(pdf)).toMatch(new RegExp(`Pages:\\s+${book.pagesTotal}\\n`));
    expect(book.pagesDone).toBe(book.pagesTotal);
    // Fonts are embedded (pdffonts lists each as "emb yes").
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it('is printed on US Letter, with photos and the children’s drawings each on a page at print size', async () => {
    for (let i = 0; i < 20; i++)
      expect((await uploadPhoto(owner.client, await jpegWithGps(1200, 900))).statusCode).toBe(201);
    const drawing = await owner.client.request({
      method: 'POST',
      url: `/api/loved-ones/${jackId}/memory-box/drawings`,
      payload: await jpegWithGps(800, 600),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(drawing.statusCode, drawing.body).toBe(201);
    const { book, pdf } = await made(
      owner.client,
      await ask(owner.client, { from: '2026-06-01', to: '2026-06-30', paper: 'LETTER' }),
    );
    expect(infoOf(pdf)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(images).toHaveLength(21);
    // Kept at the pixels they came with (fewer than 300 per inch of the page would take).
    expect(images.filter((line) => /\s1200\s+900\s/.test(line))).toHaveLength(20);
    // The loved one's page, one section page each for letters and rituals, and a page per picture.
    expect(book.pagesTotal).toBeGreaterThanOrEqual(1 + 2 + 21);
    const text = textOf(pdf);
    expect(text).toMatch(/By .+ · 13 June 2026/);
    // Numbered to the last page.
    const last = String(book.pagesTotal);
    const lastPage = execFileSync('pdftotext', ['-f', last, '-l', last, pdf, '-'], { encoding: 'utf8' });
    expect(lastPage.split('\n').map((l) => l.trim())).toContain(last);
  });

  it('holds the asker’s own private entries only when asked, and is then theirs alone', async () => {
    const asked = await ask(owner.client, {
      from: '2026-01-01',
      to: '2026-12-31',
      paper: 'A4',
      withMyPrivateEntries: true,
    });
    const { pdf } = await made(owner.client, asked);
    const text = textOf(pdf);
    expect(text).toContain('A note only the owner has read.');
    expect(text).not.toContain('Something Sam keeps to themselves.');
    // Sam, another parent, neither sees nor downloads it.
    const samsList = (await adult.client.get(`/api/loved-ones/${jackId}/books`)).json<BooksResponse>().books;
    expect(samsList.map((b) => b.id)).not.toContain(asked.id);
    expect((await adult.client.get(`/api/books/${asked.id}/file`)).statusCode).toBe(404);
    expect((await adult.client.delete(`/api/books/${asked.id}`)).statusCode).toBe(404);
  });

  it('is refused to a teen, a viewer and another family', async () => {
    const asked = await ask(owner.client, { from: '2026-01-01', to: '2026-12-31', paper: 'A4' });
    await made(owner.client, asked);
    const teen = await addMember(t.app, t.container.db.kysely, owner, 'child', 'Ellie');
    const viewer = await addMember(t.app, t.container.db.kysely, owner, 'viewer', 'Gran');
    const other = await createFamily(t.app, { familyName: 'Another family' });
    for (const client of [teen.client, viewer.client]) {
      expect((await client.get(`/api/books/${asked.id}/file`)).statusCode).toBe(403);
      expect((await client.get(`/api/loved-ones/${jackId}/books`)).statusCode).toBe(403);
      expect(
        (
          await client.post(`/api/loved-ones/${jackId}/books`, {
            from: '2026-01-01',
            to: '2026-12-31',
            paper: 'A4',
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await other.client.get(`/api/books/${asked.id}/file`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/books/${asked.id}`)).statusCode).toBe(404);
    // Sam, a parent, downloads the family's book.
    expect((await adult.client.get(`/api/books/${asked.id}/file`)).statusCode).toBe(200);
  });

  it('names the field when the range is wrong, and stores nothing', async () => {
    const before = (await owner.client.get(`/api/loved-ones/${jackId}/books`)).json<BooksResponse>().books
      .length;
    const backwards = await owner.client.post(`/api/loved-ones/${jackId}/books`, {
      from: '2026-12-31',
      to: '2026-01-01',
      paper: 'A4',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('to');
    const paper = await owner.client.post(`/api/loved-ones/${jackId}/books`, {
      from: '2026-01-01',
      to: '2026-12-31',
      paper: 'A5',
    });
    expect(paper.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('paper');
    expect(
      (await owner.client.get(`/api/loved-ones/${jackId}/books`)).json<BooksResponse>().books,
    ).toHaveLength(before);
  });

  it('is removed with its file', async () => {
    const asked = await ask(owner.client, { from: '2026-06-13', to: '2026-06-13', paper: 'A4' });
    await made(owner.client, asked);
    expect((await owner.client.delete(`/api/books/${asked.id}`)).statusCode).toBe(204);
    expect((await owner.client.get(`/api/books/${asked.id}/file`)).statusCode).toBe(404);
    const pieces = await t.container.db.kysely
      .selectFrom('memorial_book_chunks')
      .select('seq')
      .where('book_id', '=', asked.id)
      .execute();
    expect(pieces).toEqual([]);
  });
});
