import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMER_MEMBER } from '../../../contracts/deletion.js';
import { hashToken, newId, newToken } from '../../secrets.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { addMember, createFamily, type Family } from '../../test/factories.js';
import { jpegWithGps, uploadPhoto } from '../../test/images.js';
import { populateEverything, type ResourceIds } from '../../test/populate.js';
import {
  blobsOf,
  findMentions,
  keyOf,
  personValues,
  placeTables,
  readEverything,
  referenceOf,
  rowsOfFamily,
  unplacedIdColumns,
  type Everything,
  type Ownership,
} from '../../test/schema-walk.js';
import { startSmtpServer, type SmtpServer } from '../../test/smtp.js';

// Deleting a family or an account leaves nothing of it behind, proved by walking the live schema:
// every table and column as the database's own catalogue lists them, every row, every stored byte.
// Two families are filled with one of everything (populateEverything); one is deleted, and nothing
// of it is left anywhere while the other is exactly as it was. Then a person's account is deleted:
// their address, name, password, sessions and private entries are nowhere, and what they did for the
// family is still there, under "a former member". What cannot be found from the catalogue is named
// below, and a table or id column the walker cannot place fails the test, so a new table cannot be
// forgotten by the deletion.

/** Tables that hold no family's rows, and why. Everything else must be placed from its columns. */
const NOT_FAMILY_DATA: Record<string, string> = {
  instance_settings: "the installation's own keys",
  auth_throttle:
    "failed attempts counted under hashed keys (a person's are removed with them: checked below)",
  sign_up_requests: 'sign-ups not yet finished: an address, and no family yet',
  jobs: 'the job queue: a job names rows only inside its key and payload, so it is searched as text',
};

/** Id columns with no foreign key, and what they name. */
const SOFT_REFERENCES: Record<string, string> = {
  'trips.created_by': 'memberships',
  'checklist_items.checked_by': 'memberships',
  'checklist_items.unticked_by': 'memberships',
  'check_confirmations.recorded_by': 'memberships',
  'requirement_ticks.ticked_by': 'memberships',
  'invites.created_by': 'memberships',
  'supporters.added_by': 'memberships',
  'supporter_replies.decided_by': 'memberships',
  'supporter_replies.supporter_day_id': 'supporter_days',
  'families.deletion_asked_by': 'memberships',
  'sessions.public_id': '(the session’s own name outside the server)',
  'trip_legs.to_place_id': '(a town of the packaged gazetteer, no one’s)',
  'jobs.locked_by': '(the worker holding the job)',
};

/**
 * When an account is deleted, what happens to each row naming one of its memberships or the person:
 * kept (what they did for the family, now under FORMER_MEMBER) or erased (their own).
 */
const KEPT = [
  'memberships.id',
  'memberships.user_id',
  'check_confirmations.recorded_by',
  'checklist_items.checked_by',
  'checklist_items.unticked_by',
  'requirement_ticks.ticked_by',
  'ritual_marks.marked_by',
  'trips.created_by',
  'trip_travellers.membership_id',
  'media.added_by',
  'tributes.created_by',
  'tribute_links.created_by',
  'invites.created_by',
  'invite_joins.membership_id',
  'supporters.added_by',
  'supporter_replies.decided_by',
  'child_profiles.created_by',
  'memory_box_items.by_member_id',
  'families.deletion_asked_by',
  // Kept only where shared with the family (private entries and the books holding them go).
  'journal_entries.author_id',
  // A photo goes where its entry goes: kept on a shared entry, erased with a private one.
  'journal_entry_photos.author_id',
  'memorial_books.asked_by',
];
const ERASED = [
  'sessions.membership_id',
  'sessions.user_id',
  'account_tokens.user_id',
  'reminder_preferences.membership_id',
  'reminders.membership_id',
  'inbox_items.membership_id',
  'member_tokens.membership_id',
  'journal_settings.membership_id',
  // An archive holds the asker's private entries: it is theirs alone, and goes with them.
  'family_exports.asked_by',
  // What they brought in (the family made stays, with its other members; the record of it goes).
  'family_imports.asked_by',
];

const START = '2026-06-01T09:00:00.000Z';
const DAY = 86_400_000;
const OWNER_PASSWORD = 'a long and gentle password';
const MEMBER_PASSWORD = 'another long gentle password';

let smtp: SmtpServer;
let t: TestApp;
let a: Family;
let b: Family;
let aIds: ResourceIds;
let bIds: ResourceIds;
let sam: Family;
/** The import Samwise is sending (waiting for its job), and Alice's. */
let samsImport: string;
let alicesImport: string;

const db = () => t.container.db.kysely;
const ok = (response: { statusCode: number; body: string }, status = 200) =>
  expect(response.statusCode, response.body).toBe(status);
const runDue = () =>
  (
    t.container.modules.find((m) => m.name === 'deletions')!.built.services as {
      runDue(): Promise<{ families: number; accounts: number }>;
    }
  ).runDue();
/** Seven days on, what is due is carried out; then back (sessions idle for seven days end by themselves). */
async function sevenDaysOn(): Promise<{ families: number; accounts: number }> {
  t.clock.set(new Date(Date.parse(START) + 7 * DAY).toISOString());
  const done = await runDue();
  t.clock.set(START);
  return done;
}

/** An archive the person sent to bring in, waiting for its job: its row and its upload's pieces. */
async function importWaiting(userId: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db()
    .insertInto('family_imports')
    .values({
      id,
      asked_by: userId,
      file_path: '',
      state: 'queued',
      attempt: 0,
      family_name: 'A family on its way',
      made_family_id: null,
      files_done: 0,
      files_total: 0,
      result: null,
      message: null,
      created_at: now,
      finished_at: null,
      stored_at: now,
    })
    .execute();
  for (const seq of [0, 1])
    await db()
      .insertInto('family_import_chunks')
      .values({ import_id: id, seq, data: Buffer.from(`piece ${seq} of ${id}`) })
      .execute();
  return id;
}

/** Samwise, an adult of family B, does one of everything a member does for a family. */
async function samDoesEverything(): Promise<void> {
  const me = sam.session.member.id;
  const c = sam.client;
  ok(
    await c.post(`/api/leg-checks/${bIds.checkId}/confirmations`, {
      travellerId: bIds.travellerId,
      tripKeepsakeIds: [bIds.tripKeepsakeId],
    }),
    201,
  );
  // He ticks an item of his own, and ticks then unticks the keepsake's own item (which is kept, said).
  const item = await c.post(`/api/trips/${bIds.tripId}/checklist`, {
    label: 'Walking boots',
    scope: 'shared',
  });
  ok(item, 201);
  ok(await c.patch(`/api/checklist-items/${item.json().item.id}`, { checked: true }));
  const pinned = (await c.get(`/api/trips/${bIds.tripId}/checklist`))
    .json<{ items: Array<{ id: string; pinned: boolean }> }>()
    .items.find((i) => i.pinned)!;
  ok(await c.patch(`/api/checklist-items/${pinned.id}`, { checked: true }));
  ok(await c.patch(`/api/checklist-items/${pinned.id}`, { checked: false, confirmUntick: true }));
  const rules = (await c.get(`/api/trips/${bIds.tripId}/travel-rules`)).json<{
    carrying: Array<{ legs: Array<{ requirements: Array<{ key: string }> }> }>;
  }>();
  const key = rules.carrying[0]!.legs[0]!.requirements.at(-1)!.key;
  ok(await c.post(`/api/trips/${bIds.tripId}/travel-rules/ticks`, { key, ticked: false }));
  ok(await c.post(`/api/trips/${bIds.tripId}/travel-rules/ticks`, { key, ticked: true }));
  ok(await c.post('/api/trips', { name: 'The hill walk', purpose: 'carry', requireTwoPeople: false }), 201);
  ok(await b.client.post(`/api/trips/${bIds.tripId}/travellers`, { memberId: me, isChild: false }), 201);
  const photo = await uploadPhoto(c, await jpegWithGps(40, 30));
  ok(photo, 201);
  const tribute = await c.post('/api/tributes', {
    lovedOneId: bIds.lovedOneId,
    background: 'stone',
    words: 'From all of us',
    wording: 'name_only',
    forDate: '2026-09-01',
  });
  ok(tribute, 201);
  ok(await c.post(`/api/tributes/${tribute.json().tribute.id}/links`, {}), 201);
  const invite = await c.post('/api/family/invites', { role: 'viewer', forName: 'Samwise’s aunt' });
  ok(invite, 201);
  ok(
    await c.post('/api/supporters', {
      name: 'Rosie',
      email: `rosie-${newId()}@example.com`,
      days: [{ dayId: bIds.dayId, suggestion: 'A walk at noon' }],
    }),
    201,
  );
  ok(await c.post('/api/child-profiles', { displayName: 'Elanor' }), 201);
  ok(
    await c.post(`/api/loved-ones/${bIds.lovedOneId}/memory-box/letters`, {
      prompt: 'If you came back for five minutes, I would…',
      text: 'I wrote this for you.',
    }),
    201,
  );
  for (const shared of [false, true]) {
    const entry = await c.post(`/api/loved-ones/${bIds.lovedOneId}/journal`, {
      kind: 'entry',
      text: shared ? 'We walked to the sea together.' : 'Only for my eyes, from Samwise.',
      writtenFor: '2026-05-02',
    });
    ok(entry, 201);
    // A photo on each: the private one's goes with it, the shared one's stays on its entry.
    ok(
      await c.request({
        method: 'POST',
        url: `/api/journal-entries/${entry.json().entry.id}/photos`,
        payload: await jpegWithGps(shared ? 45 : 44, 33),
        headers: { 'content-type': 'image/jpeg' },
      }),
      201,
    );
    if (shared) ok(await c.put(`/api/journal-entries/${entry.json().entry.id}/sharing`, { shared: true }));
  }
  ok(await c.put('/api/journal/settings', { prompts: true, acrossYearsHidden: true }));
  for (const mine of [false, true])
    ok(
      await c.post(`/api/loved-ones/${bIds.lovedOneId}/books`, {
        from: '2026-01-01',
        to: '2026-12-31',
        paper: 'A4',
        withMyPrivateEntries: mine,
      }),
      202,
    );
  ok(
    await c.put('/api/reminders/preferences', {
      preferences: [
        {
          dayKind: 'custom',
          inApp: true,
          email: true,
          leads: ['on_day'],
          remindAt: '07:00',
          quietStart: null,
          quietEnd: null,
        },
      ],
    }),
  );
  ok(await c.post('/api/calendar-feed'), 201);
  ok(await c.post('/api/family-exports'), 202);
  ok(await c.post('/api/account/reauthenticate', { currentPassword: 'not my password at all' }), 400);
  await t.caughtUp();
  // What routes would leave, written as they leave it: a ritual marked, a supporter's reply decided,
  // a join through an invite made out to him by name, a reminder in his inbox, a reset link.
  const now = new Date().toISOString();
  await db()
    .insertInto('ritual_marks')
    .values({
      id: newId(),
      family_id: b.session.family.id,
      ritual_id: bIds.ritualId!,
      occurrence_key: `arrival:${newId()}`,
      due_at: '2026-07-01T11:00:00.000Z',
      outcome: 'done',
      took_part: 'Everyone',
      line: null,
      media_id: null,
      marked_by: me,
      marked_at: now,
    })
    .execute();
  await db()
    .updateTable('supporter_replies')
    .set({ status: 'declined', decided_at: now, decided_by: me })
    .where('id', '=', bIds.replyId!)
    .execute();
  await db()
    .updateTable('invites')
    .set({ for_name: 'Samwise' })
    .where('id', '=', invite.json().invite.id)
    .execute();
  await db()
    .insertInto('invite_joins')
    .values({
      id: newId(),
      family_id: b.session.family.id,
      invite_id: invite.json().invite.id,
      membership_id: me,
      joined_at: now,
    })
    .execute();
  await db()
    .insertInto('inbox_items')
    .values({
      id: newId(),
      family_id: b.session.family.id,
      membership_id: me,
      reminder_key: `test:${newId()}`,
      title: 'Bertie’s tree is tomorrow',
      body: 'Samwise, you asked to be reminded.',
      link: '/calendar',
      created_at: now,
      read_at: null,
    })
    .execute();
  // A family he brought in from an archive, as the import job leaves it: B itself, as it happens.
  await db()
    .insertInto('family_imports')
    .values({
      id: newId(),
      asked_by: sam.session.user.id,
      file_path: `/nowhere/import-${newId()}/archive.zip`,
      state: 'done',
      attempt: 1,
      family_name: 'Family B',
      made_family_id: b.session.family.id,
      files_done: 0,
      files_total: 0,
      result: JSON.stringify({
        invited: [{ name: 'Samwise’s cousin', role: 'adult', link: null, code: null, emailed: false }],
        notes: [],
      }),
      message: null,
      created_at: now,
      finished_at: now,
      stored_at: now,
    })
    .execute();
  // And one on its way, its upload waiting in pieces for the job.
  samsImport = await importWaiting(sam.session.user.id);
  await db()
    .insertInto('account_tokens')
    .values({
      id: hashToken(newToken()),
      user_id: sam.session.user.id,
      purpose: 'email_change',
      new_email: 'samwise.new@example.com',
      created_at: now,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    .execute();
  // The family's own deletion asked for by him, due after his account's.
  await db()
    .updateTable('families')
    .set({
      deletion_asked_at: START,
      deletion_asked_by: me,
      deletion_due_at: new Date(Date.parse(START) + 8 * DAY).toISOString(),
    })
    .where('id', '=', b.session.family.id)
    .execute();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
  t.clock.set(START);
  a = await createFamily(t.app, { displayName: 'Alice', familyName: 'Family A' });
  b = await createFamily(t.app, { displayName: 'Bea', familyName: 'Family B' });
  const walkOn = { app: t.app, caughtUp: () => t.caughtUp(), db: db() };
  aIds = await populateEverything(walkOn, a, 'Arthur');
  bIds = await populateEverything(walkOn, b, 'Bertie');
  // Samwise belongs to both families: deleting A must leave him, and his place in B, as they were.
  sam = await addMember(t.app, db(), b, 'adult', 'Samwise Gamgee');
  await db()
    .insertInto('memberships')
    .values({
      id: newId(),
      family_id: a.session.family.id,
      user_id: sam.session.user.id,
      role: 'adult',
      display_name: 'Samwise Gamgee',
      created_at: new Date().toISOString(),
    })
    .execute();
  await samDoesEverything();
  // Alice, whose only family is A, is sending an archive when A is deleted.
  alicesImport = await importWaiting(a.session.user.id);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** Rows of `table` as their keys mapped to their contents, for comparing before and after. */
const byKey = (all: Everything, table: string) =>
  new Map(
    (all.rows.get(table) ?? []).map((row) => [
      keyOf(all.catalogue, table, row),
      JSON.stringify(row, bytesAsDigest),
    ]),
  );
function bytesAsDigest(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array
    ? `bytes:${raw.length}:${Buffer.from(raw).toString('base64').slice(0, 40)}`
    : value;
}

describe('the walker', () => {
  it('places every table and every id column of the live schema', async () => {
    const { catalogue } = await readEverything(t.container.db);
    expect(catalogue.tables.length).toBeGreaterThan(40);
    expect(() => placeTables(catalogue, NOT_FAMILY_DATA)).not.toThrow();
    expect(unplacedIdColumns(catalogue, SOFT_REFERENCES)).toEqual([]);
  });

  it('fails on a table it cannot place and on an id column it cannot classify', async () => {
    await sql`create table stray_notes (id text primary key, note text)`.execute(db());
    await sql`create table stray_links (id text primary key, family_id text references families(id) on delete cascade, other_id text)`.execute(
      db(),
    );
    try {
      const { catalogue } = await readEverything(t.container.db);
      expect(() => placeTables(catalogue, NOT_FAMILY_DATA)).toThrow(
        'The walker cannot tell whose rows these tables hold: stray_notes',
      );
      expect(unplacedIdColumns(catalogue, SOFT_REFERENCES)).toEqual(['stray_links.other_id']);
    } finally {
      await sql`drop table stray_links`.execute(db());
      await sql`drop table stray_notes`.execute(db());
    }
  });
});

describe('deleting a family', () => {
  let before: Everything;
  let after: Everything;
  let ownership: Ownership;
  let aRows: Map<string, Set<string>>;
  let bRows: Map<string, Set<string>>;
  /** People for whom A is the only family: Alice, the uncle who joined by invite, the child-mode parent. */
  let aOnly: Array<{ id: string; email: string }>;
  /** What would betray a trace of A: the id of every row it had, its people's addresses, its words. */
  let traces: string[];

  beforeAll(async () => {
    ok(await a.client.post('/api/family/deletion', { currentPassword: OWNER_PASSWORD }));
    before = await readEverything(t.container.db);
    ownership = placeTables(before.catalogue, NOT_FAMILY_DATA);
    aRows = rowsOfFamily(before, ownership, a.session.family.id);
    bRows = rowsOfFamily(before, ownership, b.session.family.id);
    const memberships = before.rows.get('memberships')!;
    const aUsers = new Set(
      memberships.filter((m) => m.family_id === a.session.family.id).map((m) => String(m.user_id)),
    );
    const elsewhere = new Set(
      memberships
        .filter((m) => m.family_id !== a.session.family.id && m.removed_at === null)
        .map((m) => String(m.user_id)),
    );
    aOnly = before.rows
      .get('users')!
      .filter((u) => aUsers.has(String(u.id)) && !elsewhere.has(String(u.id)))
      .map((u) => ({ id: String(u.id), email: String(u.email) }));
    const ids = new Set<string>([a.session.family.id, ...aOnly.map((u) => u.id)]);
    for (const [table, keys] of aRows) {
      const primary = before.catalogue.primaryKeys.get(table) ?? [];
      if (primary.length !== 1) continue;
      for (const row of before.rows.get(table)!)
        if (keys.has(keyOf(before.catalogue, table, row))) ids.add(String(row[primary[0]!]));
    }
    expect(ids.size).toBeGreaterThan(60);
    traces = [...ids, 'Arthur', 'Family A', aIds.joinedEmail!, ...aOnly.map((u) => u.email)];
    expect(await sevenDaysOn()).toEqual({ families: 1, accounts: 0 });
    after = await readEverything(t.container.db);
  });

  it('had one of everything to delete: every table of a family held a row of A', () => {
    const empty = [...ownership.family.keys()].filter((table) => (aRows.get(table)?.size ?? 0) === 0);
    expect(empty).toEqual([]);
    expect(aOnly.map((u) => u.email)).toHaveLength(3);
  });

  it('left no row of A in any table of a family, and every row of B exactly as it was', () => {
    for (const table of ownership.family.keys()) {
      const now = byKey(after, table);
      const then = byKey(before, table);
      for (const key of aRows.get(table)!) expect(now.has(key), `${table} ${key}`).toBe(false);
      for (const key of bRows.get(table)!) expect(now.get(key), `${table} ${key}`).toBe(then.get(key));
    }
    const families = byKey(after, 'families');
    expect(families.has(a.session.family.id)).toBe(false);
    expect(families.get(b.session.family.id)).toBe(byKey(before, 'families').get(b.session.family.id));
  });

  it('deleted the accounts that had no other family, and left everyone else’s as they were', () => {
    const users = byKey(after, 'users');
    for (const person of aOnly) expect(users.has(person.id)).toBe(false);
    const gone = new Set(aOnly.map((u) => u.id));
    for (const [key, row] of byKey(before, 'users')) if (!gone.has(key)) expect(users.get(key)).toBe(row);
    for (const [table, { column }] of ownership.person) {
      // (A row under a parent, such as an import's piece, is found by its parent's rows before.)
      const theirs = personValues(before, ownership, table, gone);
      const left = (after.rows.get(table) ?? []).filter((row) => theirs.has(String(row[column])));
      expect(left, table).toEqual([]);
    }
    // The archive Alice was sending went with her, every piece of its upload.
    const pieces = (all: Everything) =>
      (all.rows.get('family_import_chunks') ?? []).filter((r) => r.import_id === alicesImport);
    expect(pieces(before)).toHaveLength(2);
    expect(pieces(after)).toEqual([]);
    const throttle = new Set((after.rows.get('auth_throttle') ?? []).map((r) => String(r.key)));
    expect(throttle.has(hashToken(`reauthenticate:${a.session.user.id}`))).toBe(false);
    expect(throttle.has(hashToken(`reauthenticate:${sam.session.user.id}`))).toBe(true);
  });

  it('left no id, name or address of A anywhere: not in any column, key, payload or stored byte', () => {
    expect(findMentions(before, traces).length).toBeGreaterThan(100);
    expect(findMentions(after, traces)).toEqual([]);
  });

  it('removed the jobs about A (even those naming only its rows), kept every other, and the media store holds exactly B’s bytes', () => {
    const jobsAfter = byKey(after, 'jobs');
    const lowered = traces.map((n) => n.toLowerCase());
    let aboutA = 0;
    for (const [key, row] of byKey(before, 'jobs')) {
      if (lowered.some((n) => row.toLowerCase().includes(n))) {
        aboutA++;
        expect(jobsAfter.has(key), row).toBe(false);
      } else expect(jobsAfter.get(key), row).toBe(row);
    }
    // The family's own follow-up, its reminder e-mail, its supporter's and its books' jobs, the notices.
    expect(aboutA).toBeGreaterThan(4);
    const inB = (table: string, row: Record<string, unknown>) =>
      ownership.family.has(table) && (bRows.get(table)?.has(keyOf(before.catalogue, table, row)) ?? false);
    // (And what belongs to people who stay, such as the upload of an archive Samwise is sending.)
    const gone = new Set(aOnly.map((u) => u.id));
    const keptPerson = (table: string, row: Record<string, unknown>) => {
      const link = ownership.person.get(table);
      return !!link && !personValues(before, ownership, table, gone).has(String(row[link.column]));
    };
    expect(blobsOf(after)).toEqual(
      blobsOf(before, (table, row) => inB(table, row) || keptPerson(table, row)),
    );
    expect(blobsOf(before).length).toBeGreaterThan(blobsOf(after).length);
  });

  it("ended A's sessions, and B and Samwise carry on", async () => {
    expect((await a.client.get('/api/session')).statusCode).toBe(401);
    expect((await b.client.get(`/api/trips/${bIds.tripId}`)).statusCode).toBe(200);
    const families = (await sam.client.get('/api/account/families')).json<{
      families: Array<{ name: string }>;
    }>();
    expect(families.families.map((f) => f.name)).toEqual(['Family B']);
  });
});

describe('deleting an account', () => {
  let before: Everything;
  let after: Everything;
  let memberIds: Set<string>;
  const samUser = () => sam.session.user.id;
  /** The columns naming a membership or a person, found from the catalogue. */
  let personColumns: string[];
  const referencing = (all: Everything, column: string) => {
    const [table, name] = column.split('.') as [string, string];
    const person = referenceOf(all.catalogue, table, name, SOFT_REFERENCES) === 'users';
    const targets = person ? new Set([samUser()]) : memberIds;
    return (all.rows.get(table) ?? []).filter((row) => targets.has(String(row[name])));
  };

  beforeAll(async () => {
    ok(await sam.client.post('/api/account/deletion', { currentPassword: MEMBER_PASSWORD }));
    before = await readEverything(t.container.db);
    memberIds = new Set(
      before.rows
        .get('memberships')!
        .filter((m) => m.user_id === samUser())
        .map((m) => String(m.id)),
    );
    personColumns = before.catalogue.columns
      .filter((c) => {
        if (c.column === 'id') return c.table === 'memberships';
        const target = referenceOf(before.catalogue, c.table, c.column, SOFT_REFERENCES);
        return target === 'memberships' || target === 'users';
      })
      .map((c) => `${c.table}.${c.column}`);
    expect(await sevenDaysOn()).toEqual({ families: 0, accounts: 1 });
    after = await readEverything(t.container.db);
  });

  it('knows, for every column that names a member or a person, whether it is kept or erased', () => {
    const unclassified = personColumns.filter((c) => !KEPT.includes(c) && !ERASED.includes(c));
    expect(unclassified).toEqual([]);
    // And Samwise had done each of them, so each was tried.
    const untried = personColumns.filter((c) => referencing(before, c).length === 0);
    expect(untried).toEqual([]);
  });

  it('erased his own rows, and kept what he did for the family', () => {
    for (const column of ERASED) expect(referencing(after, column), column).toEqual([]);
    for (const column of KEPT) {
      const then = referencing(before, column);
      const now = referencing(after, column);
      if (column === 'journal_entries.author_id')
        expect(now.map((r) => r.shared_at !== null)).toEqual([true]);
      else if (column === 'memorial_books.asked_by') expect(now.map((r) => r.private_to_asker)).toEqual([0]);
      else if (column === 'journal_entry_photos.author_id') {
        const shared = new Set(
          after.rows
            .get('journal_entries')!
            .filter((e) => e.shared_at !== null)
            .map((e) => String(e.id)),
        );
        expect(then.length).toBeGreaterThan(now.length);
        expect(now.every((r) => shared.has(String(r.entry_id)))).toBe(true);
      } else expect(now.length, column).toBe(then.length);
    }
  });

  it('took the archive he was sending with him, every piece of its upload', () => {
    const sending = (all: Everything) => ({
      imports: (all.rows.get('family_imports') ?? []).filter((r) => r.id === samsImport),
      pieces: (all.rows.get('family_import_chunks') ?? []).filter((r) => r.import_id === samsImport),
    });
    expect(sending(before).pieces).toHaveLength(2);
    expect(sending(after)).toEqual({ imports: [], pieces: [] });
  });

  it('left his address, name, password, sessions and private writing nowhere', () => {
    const privateEntries = new Set(
      before.rows
        .get('journal_entries')!
        .filter((e) => memberIds.has(String(e.author_id)) && e.shared_at === null)
        .map((e) => String(e.id)),
    );
    const samRow = before.rows.get('users')!.find((u) => u.id === samUser())!;
    const needles = [
      String(samRow.email),
      String(samRow.password_hash),
      'Samwise',
      'Gamgee',
      'Only for my eyes',
      ...before.rows
        .get('sessions')!
        .filter((s) => s.user_id === samUser())
        .flatMap((s) => [String(s.id), String(s.public_id)]),
      ...before.rows
        .get('account_tokens')!
        .filter((s) => s.user_id === samUser())
        .map((s) => String(s.id)),
      ...before.rows
        .get('journal_entries')!
        .filter((e) => memberIds.has(String(e.author_id)) && e.shared_at === null)
        .map((e) => String(e.id)),
      ...before.rows
        .get('journal_entry_photos')!
        .filter((p) => privateEntries.has(String(p.entry_id)))
        .flatMap((p) => [String(p.id), String(p.digest)]),
      ...before.rows
        .get('memorial_books')!
        .filter((book) => memberIds.has(String(book.asked_by)) && book.private_to_asker === 1)
        .map((book) => String(book.id)),
    ];
    expect(findMentions(before, needles).length).toBeGreaterThan(10);
    expect(findMentions(after, needles)).toEqual([]);
    const emptied = after.rows.get('users')!.find((u) => u.id === samUser())!;
    expect(emptied).toMatchObject({ email: `deleted:${samUser()}`, password_hash: '', display_name: '' });
    expect(emptied.deleted_at).not.toBeNull();
    const throttle = new Set((after.rows.get('auth_throttle') ?? []).map((r) => String(r.key)));
    expect(throttle.has(hashToken(`reauthenticate:${samUser()}`))).toBe(false);
  });

  it(`shows what he did as done by “${FORMER_MEMBER}”`, async () => {
    expect((await sam.client.get('/api/session')).statusCode).toBe(401);
    const trip = (await b.client.get(`/api/trips/${bIds.tripId}`)).body;
    const checklist = (await b.client.get(`/api/trips/${bIds.tripId}/checklist`)).body;
    for (const page of [trip, checklist]) {
      expect(page).toContain(FORMER_MEMBER);
      expect(page).not.toContain('Samwise');
    }
    const deletion = (await b.client.get('/api/family/deletion')).json<{ deletion: { askedBy: string } }>();
    expect(deletion.deletion.askedBy).toBe(FORMER_MEMBER);
    // Nothing else of the family changed on the way: its trips, loved ones and days are all there.
    for (const table of ['trips', 'loved_ones', 'remembrance_days', 'media', 'tributes'])
      expect(after.rows.get(table)!.length, table).toBe(before.rows.get(table)!.length);
  });
});
