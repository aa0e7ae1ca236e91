import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveCollections,
  archiveJsonSchema,
  archiveSchema,
  type CollectionName,
  type FamilyExport,
} from '../../../contracts/family-archive.js';
import type { Entry } from '../../../contracts/journal.js';
import type { Database } from '../../../db/schema.js';
import { jpegWithGps } from '../../test/images.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { dataOf, exportFamily, unzip } from '../../test/archives.js';
import { addMember, type Family, createFamily } from '../../test/factories.js';
import { populateFamily, type ResourceIds } from '../../test/populate.js';
import { collectionTables, columnOf, leftOutColumns, leftOutTables } from './archive-tables.repository.js';
import { MAKE_EXPORT_QUEUE } from './index.js';
import { readCatalogue } from '../../../db/catalogue.js';

// A family's archive, made by the job and downloaded: every record the asker may read as documented
// JSON checked against its own schema, every photo, voice note and PDF, README.txt saying what stayed
// out, and an index.html with no script that names only files the archive holds. Another member's
// private journal entry is never in it.

let t: TestApp;
let owner: Family;
let sam: Family;
let ids: ResourceIds;
let files: Map<string, Buffer>;
/** The photo on each entry, by the entry's words: its id and its bytes as kept. */
const entryPhotos = new Map<string, { id: string; bytes: Buffer }>();

beforeAll(async () => {
  t = await buildTestApp();
  owner = await createFamily(t.app, { displayName: 'Olive', familyName: 'The Rivers family' });
  ids = await populateFamily(owner, 'Jack', t.container.db.kysely);
  sam = await addMember(t.app, t.container.db.kysely, owner, 'adult', 'Sam');
  for (const [client, text, share] of [
    [sam.client, 'Something Sam keeps to themselves.', false],
    [sam.client, 'Sam shares this with the family.', true],
    [owner.client, 'A note only Olive has read.', false],
  ] as const) {
    const written = await client.post(`/api/loved-ones/${ids.lovedOneId}/journal`, { kind: 'entry', text });
    expect(written.statusCode, written.body).toBe(201);
    const id = written.json<{ entry: Entry }>().entry.id;
    const photo = await client.request({
      method: 'POST',
      url: `/api/journal-entries/${id}/photos`,
      payload: await jpegWithGps(50 + entryPhotos.size, 37),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const { photo: kept } = photo.json<{ photo: { id: string; url: string } }>();
    entryPhotos.set(text, { id: kept.id, bytes: (await client.get(kept.url)).rawPayload });
    if (share)
      expect((await client.put(`/api/journal-entries/${id}/sharing`, { shared: true })).statusCode).toBe(200);
  }
  files = await unzip((await exportFamily(t, owner.client)).zip);
});
afterAll(() => t.close());

describe('asking for an archive and downloading it', () => {
  it('is made by the job, never on the request, and downloaded by its asker once per link', async () => {
    const asked = await owner.client.post('/api/family-exports');
    expect(asked.statusCode, asked.body).toBe(202);
    const made = asked.json<{ export: FamilyExport }>().export;
    expect(made).toMatchObject({ state: 'waiting', filesDone: 0 });
    // Not ready: no link yet.
    expect((await owner.client.post(`/api/family-exports/${made.id}/link`)).statusCode).toBe(409);
    await t.container.jobs(t.app.log).drain(MAKE_EXPORT_QUEUE);
    const ready = (await owner.client.get(`/api/family-exports/${made.id}`)).json<{ export: FamilyExport }>()
      .export;
    expect(ready.state).toBe('ready');
    expect(ready.filesDone).toBe(ready.filesTotal);
    expect(ready.expiresAt).not.toBeNull();
    const url = (await owner.client.post(`/api/family-exports/${made.id}/link`)).json<{ url: string }>().url;
    // Another adult of the family cannot use it, nor see the archive at all: it holds Olive's own.
    expect((await sam.client.get(url)).statusCode).toBe(404);
    expect((await sam.client.get(`/api/family-exports/${made.id}`)).statusCode).toBe(404);
    const first = await owner.client.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/zip');
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(first.rawPayload.length).toBe(ready.byteSize);
    const again = await owner.client.get(url);
    expect(again.statusCode).toBe(404);
    expect(again.json<{ error: { message: string } }>().error.message).toMatch(/used already, or has ended/);
    // Only the hash of the link's token is kept.
    const token = new URL(url, 'http://x').searchParams.get('token')!;
    const stored = await t.container.db.kysely
      .selectFrom('family_exports')
      .select('link_hash')
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(stored.link_hash).not.toContain(token);
    // A link not used within ten minutes ends.
    const late = (await owner.client.post(`/api/family-exports/${made.id}/link`)).json<{ url: string }>().url;
    t.clock.advance(11 * 60_000);
    expect((await owner.client.get(late)).statusCode).toBe(404);
  });

  it('is refused to a teen and a viewer', async () => {
    for (const role of ['child', 'viewer'] as const) {
      const member = await addMember(t.app, t.container.db.kysely, owner, role);
      expect((await member.client.post('/api/family-exports')).statusCode).toBe(403);
    }
  });
});

describe("a family's archive", () => {
  it('holds family.json in the documented shape, and the schema that documents it', () => {
    const data = dataOf(files);
    expect(archiveSchema.safeParse(data).success).toBe(true);
    expect(JSON.parse(files.get('schema.json')!.toString('utf8'))).toEqual(archiveJsonSchema());
    expect(data.family).toMatchObject({ name: 'The Rivers family', homeZone: 'Europe/London' });
    expect(data.lovedOnes!.map((l) => l.name)).toEqual(['Jack']);
    expect(data.trips!.map((t) => t.name)).toEqual(["Jack's trip"]);
    // Who confirmed what, and who ticked it, by their member's id (named in `members`).
    const confirmation = data.checkConfirmations![0]!;
    expect(data.members!.find((m) => m.id === confirmation.recordedBy)?.displayName).toBe('Olive');
  });

  it("leaves out another member's private entries, and says so", () => {
    const bodies = dataOf(files).journalEntries!.map((e) => e.body);
    expect(bodies).toContain('Sam shares this with the family.');
    expect(bodies).toContain('A note only Olive has read.');
    expect(bodies).not.toContain('Something Sam keeps to themselves.');
    const everything = [...files.values()].map((b) => b.toString('latin1')).join('\n');
    expect(everything).not.toContain('Something Sam keeps to themselves.');
    expect(files.get('README.txt')!.toString('utf8')).toMatch(/Another member's private journal entries/);
  });

  it("holds the photos of the entries it holds, with their writer, and never another member's private entry's", () => {
    const data = dataOf(files);
    const held = new Map(data.journalPhotos!.map((p) => [String(p.id), p]));
    const entryOf = new Map(data.journalEntries!.map((e) => [String(e.id), e]));
    for (const text of ['Sam shares this with the family.', 'A note only Olive has read.']) {
      const photo = held.get(entryPhotos.get(text)!.id)!;
      expect(entryOf.get(String(photo.entryId))?.body).toBe(text);
      expect(photo.authorId).toBe(entryOf.get(String(photo.entryId))?.authorId);
      expect(files.get(String(photo.file))!.equals(entryPhotos.get(text)!.bytes)).toBe(true);
    }
    const hidden = entryPhotos.get('Something Sam keeps to themselves.')!;
    expect(held.has(hidden.id)).toBe(false);
    for (const [name, bytes] of files) {
      expect(name).not.toContain(hidden.id);
      expect(bytes.equals(hidden.bytes), name).toBe(false);
    }
    expect(files.get('family.json')!.toString('utf8')).not.toContain(hidden.id);
  });

  it('holds every photo, preview, voice note, memorial book and travel packet its records name', () => {
    const data = dataOf(files);
    for (const m of data.media!) {
      expect(files.get(m.file as string)!.length).toBeGreaterThan(100);
      expect(
        files
          .get(m.thumbnail as string)!
          .subarray(8, 12)
          .toString('latin1'),
      ).toBe('WEBP');
    }
    const voice = data.memoryBoxItems!.find((i) => i.kind === 'voice')!;
    expect(files.get(voice.audio as string)!.readUInt32BE(0)).toBe(0x1a45dfa3); // WebM
    expect(
      files
        .get(data.memorialBooks![0]!.file as string)!
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const packet = (data.travelPackets as unknown as Array<{ file: string }>)[0]!;
    expect(files.get(packet.file)!.subarray(0, 5).toString()).toBe('%PDF-');
    // Secrets never leave: no hash of any token, no password.
    const { leftOut: _words, ...records } = dataOf(files);
    const json = JSON.stringify(records);
    expect(json.match(/.{0,60}(token|password|hash).{0,60}/i)?.[0]).toBeUndefined();
  });

  it('has an index.html that runs no script and shows only files from the archive', () => {
    const html = files.get('index.html')!.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Jack's trip");
    expect(html).toContain('Sam shares this with the family.');
    const sources = [...html.matchAll(/(?:src|href)="([^"#]+)"/g)].map(([, path]) => path!);
    expect(sources.length).toBeGreaterThan(3);
    for (const path of sources) expect(files.has(path), path).toBe(true);
  });

  it("shows each entry's photos with it on index.html: a small preview linking to the photo, saying whose entry and which day", () => {
    const html = files.get('index.html')!.toString('utf8');
    const data = dataOf(files);
    const names = new Map(data.members!.map((m) => [m.id, String(m.displayName)]));
    const entries = new Map(data.journalEntries!.map((e) => [e.id, e]));
    const asHtml = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    // Olive's and Sam's entries here, and the letter populateFamily writes: one photo on each.
    expect(data.journalPhotos!.length).toBeGreaterThanOrEqual(3);
    for (const photo of data.journalPhotos!) {
      const entry = entries.get(photo.entryId)!;
      const day = new Date(`${String(entry.writtenFor)}T12:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      const shown = `<a href="${String(photo.file)}"><img src="${String(photo.thumbnail)}" alt="A photo with ${names.get(
        entry.authorId,
      )}’s ${entry.kind === 'letter' ? 'letter' : 'entry'} for ${day}"`;
      const article = html.split('<article>').find((a) => a.includes(shown));
      expect(article, `${String(photo.id)} is shown`).toBeDefined();
      expect(article).toContain(asHtml(String(entry.body)));
      expect(files.has(String(photo.file)) && files.has(String(photo.thumbnail))).toBe(true);
    }
    expect(html).not.toContain(entryPhotos.get('Something Sam keeps to themselves.')!.id);
    expect(files.get('README.txt')!.toString('utf8')).toContain(
      `  - ${data.journalPhotos!.length} photos on journal entries`,
    );
  });

  it('says, for every table in the database, which collection holds it or why none does', async () => {
    const db = t.container.db.kysely;
    const tables = (await readCatalogue(db, t.database.dialect)).tables;
    const covered = new Set<string>([
      ...Object.values(collectionTables).map((c) => c.table),
      ...Object.keys(leftOutTables),
    ]);
    expect(tables.length).toBeGreaterThan(40);
    for (const table of tables)
      expect(covered, `${table} is neither exported nor left out with a reason`).toContain(
        table as keyof Database,
      );
  });

  it("says, for every column of a collection's table, which field holds it or why none does", async () => {
    // A new column is otherwise left behind by every export without a test failing: the archive
    // is checked strictly, so a field must be declared (with a new format version) to travel.
    const db = t.container.db.kysely;
    const { columns } = await readCatalogue(db, t.database.dialect);
    const missing: string[] = [];
    for (const [collection, spec] of Object.entries(collectionTables) as Array<
      [CollectionName, (typeof collectionTables)[CollectionName]]
    >) {
      const held = new Set<string>(['family_id', spec.key]);
      for (const field of Object.keys(archiveCollections[collection].fields)) held.add(columnOf(field));
      for (const file of Object.values(spec.files ?? {})) {
        held.add(file.column);
        if (file.typeColumn) held.add(file.typeColumn);
      }
      const leftOut = leftOutColumns[spec.table] ?? {};
      const ofTable = columns.filter((c) => c.table === spec.table);
      expect(ofTable.length, `${spec.table} has columns`).toBeGreaterThan(0);
      for (const { column } of ofTable)
        if (!held.has(column) && !(column in leftOut)) missing.push(`${spec.table}.${column}`);
      // A reason kept for a column that is gone, or now exported, would say something untrue.
      for (const column of Object.keys(leftOut))
        expect(
          ofTable.some((c) => c.column === column) && !held.has(column),
          `${spec.table}.${column} is said to be left out`,
        ).toBe(true);
    }
    expect(missing, 'columns neither exported nor left out with a reason').toEqual([]);
  });
});
