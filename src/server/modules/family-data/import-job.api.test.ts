import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamiliesResponse } from '../../../contracts/family.js';
import type { FamilyImport } from '../../../contracts/family-archive.js';
import type { JobDefinition } from '../../jobs/runner.js';
import { jobRunner } from '../../jobs/runner.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { dataOf, exportFamily, importFamily, unzip } from '../../test/archives.js';
import { addMember, createFamily, type Family } from '../../test/factories.js';
import { populateFamily } from '../../test/populate.js';
import { blobsOf, findMentions, readEverything, type Everything } from '../../test/schema-walk.js';
import { IMPORT_FAILED, IMPORT_QUEUE, type ImportPayload } from './import.job.js';

// The import job under trouble, on a real database: a try that fails midway leaves nothing (not a
// row naming its family anywhere, not a stored byte), and after its last try the import says so; a
// try whose lease is lost is taken over, the half-made family removed and made again, once; while a
// family comes in, nobody sees it (not the importer's own list, not the jobs and ticks that walk
// families); an import is its asker's alone; and an importer who deletes their account while it
// waits or comes in takes it with them (no family, no piece of the upload, no file), quietly.

let t: TestApp;
let zip: Buffer;
let ruth: Family;
let ruthsPartner: Family;
let stranger: Family;
/** Two adults of the Holly family (not its owner), each of whom will delete their account. */
let ivy: Family;
let iris: Family;

const DAY = 86_400_000;
const MEMBER_PASSWORD = 'another long gentle password';

const db = () => t.container.db.kysely;
const services = () =>
  t.container.modules.find((m) => m.name === 'family-data')!.built.services as {
    importJobWith(afterFile: (done: number) => Promise<void>): JobDefinition<ImportPayload>;
  };
/** A runner of its own (another instance, as far as leases go) for one job definition. */
function worker(name: string, definition: JobDefinition<ImportPayload>) {
  const runner = jobRunner({
    queue: t.container.queue,
    clock: t.clock,
    log: t.app.log,
    workerId: name,
    pollMs: 1000,
    leaseMs: t.container.config.jobLeaseMs,
  });
  runner.register(definition);
  return runner;
}
const realJob = () =>
  (t.container.modules.find((m) => m.name === 'family-data')!.built.jobs ?? []).find(
    (j) => j.queue === IMPORT_QUEUE,
  ) as JobDefinition<ImportPayload>;

async function asked(client: Family['client']): Promise<FamilyImport> {
  const response = await importFamily(client, zip);
  expect(response.statusCode, response.body).toBe(202);
  return response.json<{ import: FamilyImport }>().import;
}
const read = async (client: Family['client'], id: string) =>
  (await client.get(`/api/family-imports/${id}`)).json<{ import: FamilyImport }>().import;
const madeFamily = async (id: string) =>
  (
    await db()
      .selectFrom('family_imports')
      .select('made_family_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).made_family_id;

/** Every id the family's rows hold (its own, its members', their placeholder accounts'). */
function idsOfFamily(all: Everything, familyId: string): string[] {
  const ids = new Set<string>([familyId]);
  for (const [, rows] of all.rows)
    for (const row of rows)
      if (row.family_id === familyId) {
        if (typeof row.id === 'string') ids.add(row.id);
        if (typeof row.user_id === 'string') ids.add(row.user_id);
      }
  return [...ids];
}
const runDue = () =>
  (
    t.container.modules.find((m) => m.name === 'deletions')!.built.services as {
      runDue(): Promise<{ families: number; accounts: number }>;
    }
  ).runDue();
/** Asks to delete the person's account; `carryOut` then does it, seven days on, and comes back. */
async function askToDelete(person: Family): Promise<{ carryOut(): Promise<void> }> {
  const asked = await person.client.post('/api/account/deletion', { currentPassword: MEMBER_PASSWORD });
  expect(asked.statusCode, asked.body).toBe(200);
  return {
    async carryOut() {
      const now = new Date(t.clock.now()).toISOString();
      t.clock.advance(7 * DAY);
      expect((await runDue()).accounts).toBe(1);
      t.clock.set(now);
    },
  };
}
const piecesOf = async (id: string) =>
  db().selectFrom('family_import_chunks').select('seq').where('import_id', '=', id).execute();
/** The import's job: ended with nothing to say (done, or gone with the account), never failing. */
async function endedQuietly(id: string): Promise<void> {
  const jobs = await db()
    .selectFrom('jobs')
    .select(['state', 'last_error'])
    .where('dedupe_key', '=', `family-import:${id}`)
    .execute();
  for (const job of jobs) expect(job).toEqual({ state: 'done', last_error: null });
}
const uploads = async () => readdir(join(t.container.config.dataDir, 'uploads')).catch(() => [] as string[]);

beforeAll(async () => {
  t = await buildTestApp();
  const owner = await createFamily(t.app, { displayName: 'Olive', familyName: 'The Rivers family' });
  await populateFamily(owner, 'Jack', db());
  zip = (await exportFamily(t, owner.client)).zip;
  ruth = await createFamily(t.app, { displayName: 'Ruth', familyName: 'Ruth’s family' });
  ruthsPartner = await addMember(t.app, db(), ruth, 'adult', 'Rowan');
  stranger = await createFamily(t.app, { displayName: 'Sid', familyName: 'Sid’s family' });
  const holly = await createFamily(t.app, { displayName: 'Holly', familyName: 'The Holly family' });
  ivy = await addMember(t.app, db(), holly, 'adult', 'Ivy');
  iris = await addMember(t.app, db(), holly, 'adult', 'Iris');
});
afterAll(() => t.close());

describe('an import that fails midway', () => {
  it('leaves nothing after each try, and after its last says kindly that nothing came in', async () => {
    const before = await readEverything(t.container.db);
    const started = await asked(ruth.client);
    const tried: string[][] = [];
    const failing = worker(
      'failing-worker',
      services().importJobWith(async (done) => {
        if (done !== 2) return;
        // Two files in: the half-made family is there, with its rows and its photos' bytes.
        const familyId = (await madeFamily(started.id))!;
        const now = await readEverything(t.container.db);
        const ids = idsOfFamily(now, familyId);
        expect(ids.length).toBeGreaterThan(10);
        expect(blobsOf(now).length).toBeGreaterThan(blobsOf(before).length);
        tried.push(ids);
        throw new Error('the disk went away');
      }),
    );
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await failing.drain(IMPORT_QUEUE)).toBe(1);
      const after = await readEverything(t.container.db);
      expect(findMentions(after, tried.at(-1)!), `try ${attempt}`).toEqual([]);
      // Every stored byte as before, but the upload's pieces, kept for the next try (and no longer).
      expect(blobsOf(after, (table) => table !== 'family_import_chunks')).toEqual(blobsOf(before));
      expect((await piecesOf(started.id)).length > 0, `try ${attempt}`).toBe(attempt < 3);
      const seen = await read(ruth.client, started.id);
      expect(seen.state).toBe(attempt < 3 ? 'queued' : 'failed');
      t.clock.advance(3_600_000); // past the runner's wait before the next try
    }
    expect(tried).toHaveLength(3);
    const failed = await read(ruth.client, started.id);
    expect(failed).toMatchObject({ state: 'failed', message: IMPORT_FAILED, result: null });
    expect(failed.message).toContain('Nothing was imported');
    expect(await uploads()).toEqual([]);
    const families = (await ruth.client.get('/api/account/families')).json<FamiliesResponse>();
    expect(families.families.map((f) => f.name)).toEqual(['Ruth’s family']);
  });
});

describe('an import whose lease is lost midway', () => {
  let started: FamilyImport;
  let first: string;
  let firstIds: string[];
  let before: Everything;

  beforeAll(async () => {
    before = await readEverything(t.container.db);
    started = await asked(ruth.client);
    const stalled = worker(
      'stalled-worker',
      services().importJobWith(async (done) => {
        if (done !== 2 || firstIds) return;
        first = (await madeFamily(started.id))!;
        firstIds = idsOfFamily(await readEverything(t.container.db), first);
        await whileHalfMade(first);
        // This instance stalls past its lease: the job goes back to the queue, and another
        // instance takes it and brings the family in, while this one still thinks it has it.
        await db()
          .updateTable('jobs')
          .set({ locked_until: t.clock.now() - 1 })
          .where('dedupe_key', '=', `family-import:${started.id}`)
          .execute();
        expect(await t.container.queue.reclaimExpired(t.clock.now())).toBe(1);
        expect(await worker('other-instance', realJob()).drain(IMPORT_QUEUE)).toBe(1);
      }),
    );
    await stalled.drain(IMPORT_QUEUE);
  });

  /** What anyone could see of the half-made family while it comes in: nothing. */
  async function whileHalfMade(familyId: string): Promise<void> {
    const progress = await read(ruth.client, started.id);
    // (Progress is written at most every half second, or every 20 files: the first file's is in.)
    expect(progress).toMatchObject({ state: 'working', result: null });
    expect(progress.filesDone).toBeGreaterThanOrEqual(1);
    expect(progress.filesTotal).toBeGreaterThan(2);
    for (const person of [ruth, ruthsPartner, stranger]) {
      const families = (await person.client.get('/api/account/families')).json<FamiliesResponse>();
      expect(families.families.map((f) => f.id)).not.toContain(familyId);
      const move = await person.client.post('/api/account/family', { familyId });
      expect(move.statusCode).toBeGreaterThanOrEqual(400);
    }
    // Every other job and tick of this instance runs: reminders, supporters, deletions, exports'
    // expiry, the family-changed jobs. None of them knows the family, and no job names it.
    await t.container.jobs(t.app.log).runOnce();
    await t.caughtUp();
    const now = await readEverything(t.container.db);
    const jobs = now.rows
      .get('jobs')!
      .filter((j) => `${String(j.dedupe_key)} ${String(j.payload)}`.includes(familyId));
    expect(jobs).toEqual([]);
    for (const table of ['reminders', 'inbox_items', 'member_tokens', 'invites', 'sessions'])
      expect(
        now.rows.get(table)!.filter((r) => r.family_id === familyId),
        table,
      ).toEqual([]);
    // Every member a placeholder no one can sign in as (the importer's too, not yet present).
    const members = now.rows.get('memberships')!.filter((m) => m.family_id === familyId);
    const users = new Map(now.rows.get('users')!.map((u) => [u.id, u]));
    expect(members.length).toBeGreaterThan(1);
    for (const m of members) {
      expect(users.get(m.user_id)?.password_hash).toBe('!');
      expect(m.removed_at).not.toBeNull();
    }
    expect(now.rows.get('families')!.find((f) => f.id === familyId)?.deletion_due_at).toBeNull();
  }

  it('was brought in once, by the instance that took it over, and the first try left nothing', async () => {
    const done = await read(ruth.client, started.id);
    const queued = await db()
      .selectFrom('jobs')
      .select(['state', 'last_error'])
      .where('dedupe_key', '=', `family-import:${started.id}`)
      .executeTakeFirstOrThrow();
    expect(done.state, queued.last_error ?? '').toBe('done');
    const made = done.result!.family.id;
    expect(made).not.toBe(first);
    const after = await readEverything(t.container.db);
    expect(findMentions(after, firstIds)).toEqual([]);
    const newFamilies = after.rows
      .get('families')!
      .filter((f) => !before.rows.get('families')!.some((b) => b.id === f.id));
    expect(newFamilies.map((f) => [f.id, f.name])).toEqual([[made, 'The Rivers family']]);
    // The photos are in once: as many as the archive holds, not one more.
    const media = after.rows.get('media')!.filter((m) => m.family_id === made);
    expect(media.length).toBe(dataOf(await unzip(zip)).media!.length);
    const job = after.rows.get('jobs')!.find((j) => j.dedupe_key === `family-import:${started.id}`)!;
    expect(job.state).toBe('done');
    expect(await uploads()).toEqual([]);
  });

  it('is Ruth’s to open, as its owner, and no one else’s', async () => {
    const done = await read(ruth.client, started.id);
    const families = (await ruth.client.get('/api/account/families')).json<FamiliesResponse>();
    expect(families.families.map((f) => f.name).sort()).toEqual(['Ruth’s family', 'The Rivers family']);
    const moved = await ruth.client.post('/api/account/family', { familyId: done.result!.family.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const session = (await ruth.client.get('/api/session')).json<{ member: { role: string } }>();
    expect(session.member.role).toBe('owner');
    // Still hers from whichever family she is in, and never anyone else's, not even her partner's.
    expect((await ruth.client.get(`/api/family-imports/${started.id}`)).statusCode).toBe(200);
    for (const other of [ruthsPartner, stranger]) {
      expect((await other.client.get(`/api/family-imports/${started.id}`)).statusCode).toBe(404);
      const list = (await other.client.get('/api/family-imports')).json<{ imports: FamilyImport[] }>();
      expect(list.imports.map((i) => i.id)).not.toContain(started.id);
    }
    const mine = (await ruth.client.get('/api/family-imports')).json<{ imports: FamilyImport[] }>();
    expect(mine.imports.map((i) => i.id)).toContain(started.id);
  });
});

describe('an import whose importer deletes their account', () => {
  it('while it waits for the job: goes with them, its upload too, and the job has nothing to do', async () => {
    const before = await readEverything(t.container.db);
    const started = await asked(ivy.client);
    expect((await piecesOf(started.id)).length).toBeGreaterThan(0);
    await (await askToDelete(ivy)).carryOut();

    expect(
      await db().selectFrom('family_imports').select('id').where('id', '=', started.id).execute(),
    ).toEqual([]);
    expect(await piecesOf(started.id)).toEqual([]);
    await worker('after-ivy', realJob()).drain(IMPORT_QUEUE);
    await endedQuietly(started.id);
    const after = await readEverything(t.container.db);
    expect(findMentions(after, [started.id])).toEqual([]);
    expect(blobsOf(after)).toEqual(blobsOf(before));
    expect(after.rows.get('families')!.length).toBe(before.rows.get('families')!.length);
    expect(await uploads()).toEqual([]);
  });

  it('while it comes in: the half-made family goes with them, and the job ends quietly', async () => {
    const before = await readEverything(t.container.db);
    const started = await asked(iris.client);
    const deletion = await askToDelete(iris);
    let halfMade: string[] = [];
    const working = worker(
      'working-worker',
      services().importJobWith(async (done) => {
        if (done !== 2 || halfMade.length > 0) return;
        halfMade = idsOfFamily(await readEverything(t.container.db), (await madeFamily(started.id))!);
        expect((await uploads()).length).toBe(1); // this try's own copy of the upload
        await deletion.carryOut();
      }),
    );
    await working.drain(IMPORT_QUEUE);
    expect(halfMade.length).toBeGreaterThan(10);

    await endedQuietly(started.id);
    const after = await readEverything(t.container.db);
    expect(findMentions(after, [started.id, ...halfMade])).toEqual([]);
    expect(blobsOf(after)).toEqual(blobsOf(before));
    expect(after.rows.get('families')!.length).toBe(before.rows.get('families')!.length);
    expect(await piecesOf(started.id)).toEqual([]);
    expect(await uploads()).toEqual([]);
  });
});
