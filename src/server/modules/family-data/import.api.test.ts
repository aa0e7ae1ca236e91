import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamiliesResponse } from '../../../contracts/family.js';
import type { ImportResponse } from '../../../contracts/family-archive.js';
import type { Entry } from '../../../contracts/journal.js';
import type { MediaItem } from '../../../contracts/media.js';
import type { Checklist, TripDetail } from '../../../contracts/trips.js';
import type { Database } from '../../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { hashToken } from '../../secrets.js';
import {
  dataOf,
  exportFamily,
  importAndRun,
  importedFamily,
  unzip,
  withData,
  zipOf,
} from '../../test/archives.js';
import { addMember, createFamily, type Family } from '../../test/factories.js';
import { jpegWithGps } from '../../test/images.js';
import { populateFamily, type ResourceIds } from '../../test/populate.js';
import { snapshotData } from '../../test/snapshot.js';
import { startSmtpServer, takeMail, type SmtpServer } from '../../test/smtp.js';
import { readCatalogue } from '../../../db/catalogue.js';

// A family exported from one server and imported into another as a new family, by the import job:
// the importer is its owner; the other members are invited (an e-mail where their address has an
// account there; the others by the importer, afterwards, with the invite they make then), never
// joined; who confirmed and ticked what keeps their names; private entries come only with their
// writer; no secret comes, and none is kept in the import; a photo carrying a location is
// re-encoded on the way in; a family the database refuses deep inside leaves nothing behind.
// (import-job.api.test.ts: failures midway, a lost lease, and who can see what while it comes in.)

let a: TestApp;
let b: TestApp;
let smtp: SmtpServer;
let olive: Family;
let sam: Family;
let ellie: Family;
let ids: ResourceIds;
let zip: Buffer;
/** Olive and Sam on the second server, each with a family of their own there. */
let oliveB: Family;
let samB: Family;
let imported: ImportResponse;

beforeAll(async () => {
  a = await buildTestApp();
  smtp = await startSmtpServer();
  b = await buildTestApp({ env: { SMTP_URL: smtp.url } });
  olive = await createFamily(a.app, { displayName: 'Olive', familyName: 'The Rivers family' });
  ids = await populateFamily(olive, 'Jack', a.container.db.kysely);
  sam = await addMember(a.app, a.container.db.kysely, olive, 'adult', 'Sam');
  ellie = await addMember(a.app, a.container.db.kysely, olive, 'child', 'Ellie');
  // Sam packs the blanket; Sam and Olive write.
  expect((await sam.client.patch(`/api/checklist-items/${ids.itemId}`, { checked: true })).statusCode).toBe(
    200,
  );
  for (const [client, text, share] of [
    [sam.client, 'Sam shares this with the family.', true],
    [olive.client, 'A note only Olive has read.', false],
  ] as const) {
    const written = await client.post(`/api/loved-ones/${ids.lovedOneId}/journal`, { kind: 'entry', text });
    expect(written.statusCode, written.body).toBe(201);
    const id = written.json<{ entry: Entry }>().entry.id;
    if (share)
      expect((await client.put(`/api/journal-entries/${id}/sharing`, { shared: true })).statusCode).toBe(200);
  }
  zip = (await exportFamily(a, olive.client)).zip;

  oliveB = await createFamily(b.app, {
    displayName: 'Olive',
    email: olive.session.user.email,
    familyName: 'Olive at home',
  });
  samB = await createFamily(b.app, {
    displayName: 'Sam',
    email: sam.session.user.email,
    familyName: 'Sam at home',
  });
  imported = await importedFamily(b, oliveB.client, zip);
  const moved = await oliveB.client.post('/api/account/family', { familyId: imported.family.id });
  expect(moved.statusCode, moved.body).toBe(200);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await smtp.close();
});

/** Every table but the import's own row and its job (which a failed import leaves, saying why). */
async function tablesBesideImports(): Promise<Array<keyof Database>> {
  const db = b.container.db.kysely;
  return ((await readCatalogue(db, b.database.dialect)).tables as Array<keyof Database>).filter(
    (name) => name !== 'family_imports' && name !== 'jobs',
  );
}

async function tripOnB(): Promise<TripDetail> {
  const trips = (await oliveB.client.get('/api/trips')).json<{ trips: Array<{ id: string; name: string }> }>()
    .trips;
  const trip = trips.find((t) => t.name === "Jack's trip")!;
  return (await oliveB.client.get(`/api/trips/${trip.id}`)).json<TripDetail>();
}

describe('importing a family into another server', () => {
  it('makes a new family with the importer as its owner, and the same trip, days and people', async () => {
    expect(imported.family.name).toBe('The Rivers family');
    const session = (await oliveB.client.get('/api/session')).json<{
      member: { role: string };
      family: { id: string };
    }>();
    expect(session.family.id).toBe(imported.family.id);
    expect(session.member.role).toBe('owner');
    const trip = await tripOnB();
    expect(trip.trip.name).toBe("Jack's trip");
    expect(trip.legs.length).toBeGreaterThan(0);
    const calendar = await oliveB.client.get('/api/calendar?from=2026-01-01&to=2026-12-31');
    expect(calendar.body).toContain("Jack's tree");
  });

  it('keeps who confirmed and who ticked what, by name', async () => {
    const trip = await tripOnB();
    const confirmation = trip.legs[0]!.checks[0]!.keepsakes[0]!.confirmations[0]!;
    expect(confirmation.recordedByName).toBe('Olive');
    const list = (await oliveB.client.get(`/api/trips/${trip.trip.id}/checklist`)).json<Checklist>();
    expect(list.items.find((i) => i.label === "Jack's blanket")).toMatchObject({
      checked: true,
      checkedByName: 'Sam',
    });
  });

  it('invites the other members, e-mailing those with an account here, and joins no one', async () => {
    expect(imported.invited.map((i) => [i.name, i.role, i.emailed]).sort()).toEqual([
      ['Ellie', 'child', false],
      ['Sam', 'adult', true],
    ]);
    // No link or code is kept in the import: Sam's went by e-mail, and is his invite to this family.
    expect(imported.invited.every((i) => i.link === null && i.code === null)).toBe(true);
    const mailed = takeMail(sam.session.user.email, /(http:\/\/alongside\.test\/join#token=(\S+))/);
    const invites = await b.container.db.kysely
      .selectFrom('invites')
      .select(['token_hash', 'for_name', 'role'])
      .where('family_id', '=', imported.family.id)
      .execute();
    expect(invites).toEqual([
      { token_hash: hashToken(`invite:${decodeURIComponent(mailed![2]!)}`), for_name: 'Sam', role: 'adult' },
    ]);
    // Ellie has no account here: Olive makes her invite now, and is shown it once.
    const made = await oliveB.client.post('/api/family/invites', {
      role: 'child',
      forName: 'Ellie',
      maxUses: 1,
      expiresInDays: 14,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<{ link: string; code: string }>().link).toMatch(/\/join#token=/);
    const samsFamilies = (await samB.client.get('/api/account/families')).json<FamiliesResponse>();
    expect(samsFamilies.families.map((f) => f.name)).toEqual(['Sam at home']);
    const members = (await oliveB.client.get('/api/family/members')).json<{
      members: Array<{ displayName: string }>;
    }>();
    expect(members.members.map((m) => m.displayName)).toEqual(['Olive']);
  });

  it("brings the importer's own private entries, and the shared ones", async () => {
    const journal = (await oliveB.client.get(`/api/loved-ones/${await lovedOneOnB()}/journal`)).json<{
      entries: Entry[];
    }>();
    const texts = journal.entries.map((e) => e.text);
    expect(texts).toContain('A note only Olive has read.');
    expect(texts).toContain('Sam shares this with the family.');
  });

  it('brings every photo byte for byte, and no secret: no share link, no feed address, no invite of old', async () => {
    const photosA = (await olive.client.get('/api/media')).json<{ media: MediaItem[] }>().media;
    const photosB = (await oliveB.client.get('/api/media')).json<{ media: MediaItem[] }>().media;
    expect(photosB.length).toBe(photosA.length);
    const bytes = async (client: Family['client'], m: MediaItem) => (await client.get(m.url)).rawPayload;
    const digestsA = await Promise.all(
      photosA.map((m) => bytes(olive.client, m).then((x) => x.toString('base64'))),
    );
    const digestsB = await Promise.all(
      photosB.map((m) => bytes(oliveB.client, m).then((x) => x.toString('base64'))),
    );
    expect(digestsB.sort()).toEqual(digestsA.sort());
    const db = b.container.db.kysely;
    const familyId = imported.family.id;
    for (const table of ['tribute_links', 'member_tokens', 'invite_joins'] as const)
      expect(
        await db.selectFrom(table).select('id').where('family_id', '=', familyId).execute(),
        table,
      ).toEqual([]);
    // The invites there are the new ones, one for each member asked to join again (Sam's e-mailed,
    // Ellie's made by Olive on the finished import's page).
    expect(
      (await db.selectFrom('invites').select('id').where('family_id', '=', familyId).execute()).length,
    ).toBe(2);
  });

  it('re-encodes a photo that is not exactly as Alongside keeps one, leaving its location behind', async () => {
    const files = await unzip(zip);
    const photo = dataOf(files).media!.find((m) => m.kind === 'photo')!;
    const foreign = new Map(files).set(photo.file as string, await jpegWithGps(640, 480));
    const again = await importedFamily(b, oliveB.client, await zipOf([...foreign.entries()]));
    const stored = await b.container.db.kysely
      .selectFrom('media')
      .select(['data', 'width'])
      .where('family_id', '=', again.family.id)
      .where('width', '=', 640)
      .executeTakeFirstOrThrow();
    expect(await exifr.gps(Buffer.from(stored.data)).catch(() => undefined)).toBeUndefined();
  });

  it('leaves nothing when the records contradict one another deep inside, and says why', async () => {
    const files = await unzip(zip);
    // A second departure check of the same kind on one leg: every check passes, the database refuses it
    // only after the family, its members, trips and legs were written (each in a short transaction of
    // the job's). Every table is as it was but the import's own row (failed, saying why) and its job.
    const twice = withData(files, (data) =>
      data.legChecks!.push({ ...data.legChecks![0]!, id: '0190f0f0-0000-7000-8000-000000000001' }),
    );
    const db = b.container.db.kysely;
    const tables = await tablesBesideImports();
    const before = await snapshotData(db, tables);
    const { response, made } = await importAndRun(b, oliveB.client, await zipOf([...twice.entries()]));
    expect(response.statusCode, response.body).toBe(202);
    expect(made?.state).toBe('failed');
    expect(made?.message).toMatch(/legChecks contradict one another.* Nothing was imported\.$/);
    expect(made?.result).toBeNull();
    expect(await snapshotData(db, tables)).toBe(before);
    const row = await db
      .selectFrom('family_imports')
      .select(['made_family_id', 'state'])
      .where('id', '=', made!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ made_family_id: null, state: 'failed' });
  });

  it('leaves nothing when a picture’s header is fine but the picture does not decode, and names it', async () => {
    const files = await unzip(zip);
    // Cut short a few bytes into its picture data: the request's quick look (the headers alone)
    // passes it; the job, decoding every picture before it writes anything, cannot.
    const photo = dataOf(files).media!.find((m) => m.kind === 'photo')!;
    const whole = files.get(photo.file as string)!;
    const scan = whole.indexOf(Buffer.from([0xff, 0xda])); // the JPEG's start of scan
    const end = scan + 2 + whole.readUInt16BE(scan + 2) + 8;
    expect(end).toBeLessThan(whole.length);
    const cut = new Map(files).set(photo.file as string, whole.subarray(0, end));
    const db = b.container.db.kysely;
    const tables = await tablesBesideImports();
    const before = await snapshotData(db, tables);
    const { response, made } = await importAndRun(b, oliveB.client, await zipOf([...cut.entries()]));
    expect(response.statusCode, response.body).toBe(202);
    expect(made).toMatchObject({
      state: 'failed',
      result: null,
      message: `${String(photo.file)} in this archive is not a picture we can keep. Nothing was imported.`,
    });
    expect(await snapshotData(db, tables)).toBe(before);
    const pieces = await db
      .selectFrom('family_import_chunks')
      .select('seq')
      .where('import_id', '=', made!.id)
      .execute();
    expect(pieces).toEqual([]);
  });

  it('tells the asker by e-mail when an archive is ready, with no link that downloads it', async () => {
    await exportFamily(b, oliveB.client);
    const mail = smtp.received.findLast((m) => m.to.includes(olive.session.user.email));
    expect(mail?.parsed.subject).toBe("The Rivers family: your family's data is ready");
    expect(mail?.parsed.text).toContain('http://alongside.test/settings/data');
    expect(mail?.parsed.text).not.toMatch(/token|\/api\//);
  });

  it('is open to a teen and a viewer (a new family of their own), never to child mode or without a session', async () => {
    const { response, made } = await importAndRun(a, ellie.client, zip);
    expect(response.statusCode, response.body).toBe(202);
    expect(made?.state, made?.message ?? '').toBe('done');
    const anonymous = await a.app.inject({
      method: 'POST',
      url: '/api/family-imports',
      payload: zip,
      headers: { 'content-type': 'application/zip' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

async function lovedOneOnB(): Promise<string> {
  const list = (await oliveB.client.get('/api/loved-ones')).json<{
    lovedOnes: Array<{ id: string; name: string }>;
  }>();
  return list.lovedOnes.find((l) => l.name === 'Jack')!.id;
}
