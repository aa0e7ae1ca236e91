import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../server/test/database.js';
import { AT_COMMIT, PipelinedPostgresDialect } from './pg-pipelined.js';

interface Tables {
  notes: { id: number; text: string };
  counters: { id: number; value: number };
}

/** What the driver sent, in order, and whether each had been answered when the next went out. */
interface Sent {
  sql: string;
  answered: boolean;
  answeredBeforeNextSent?: boolean;
}

describe.skipIf(testDialect() !== 'postgres')('PostgreSQL round trips (pipeline mode)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let db: Kysely<Tables>;
  let sent: Sent[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.databaseUrl, max: 2, pipeline: true });
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      (client as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) => {
        const previous = sent.at(-1);
        if (previous) previous.answeredBeforeNextSent = previous.answered;
        const entry: Sent = { sql: String(args[0]), answered: false };
        sent.push(entry);
        const result = query(...args);
        const mark = () => (entry.answered = true);
        result.then(mark, mark);
        return result;
      };
    });
    db = new Kysely<Tables>({ dialect: new PipelinedPostgresDialect({ pool }) });
    await sql`create table notes (id integer primary key, text text not null)`.execute(db);
    await sql`create table counters (id integer primary key, value integer not null)`.execute(db);
    await sql`insert into counters values (1, 0)`.execute(db);
  });

  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  beforeEach(() => {
    sent = [];
  });

  const bump = (trx: Kysely<Tables>) =>
    sql`${sql.raw(AT_COMMIT)}update counters set value = value + 1 where id = 1`.execute(trx);
  const counter = async () =>
    (await db.selectFrom('counters').select('value').where('id', '=', 1).executeTakeFirstOrThrow()).value;
  const notes = async () =>
    (await db.selectFrom('notes').select('id').orderBy('id').execute()).map((n) => n.id);

  it('sends BEGIN with the first statement, and AT_COMMIT statements with the COMMIT', async () => {
    const before = await counter();
    sent = [];
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, text: 'one' }).execute();
      await bump(trx);
      await trx.insertInto('notes').values({ id: 2, text: 'two' }).execute();
    });
    expect(sent.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 30))).toEqual([
      'begin',
      'insert into "notes" ("id", "te',
      'insert into "notes" ("id", "te',
      `${AT_COMMIT}update counters`.slice(0, 30),
      'commit',
    ]);
    // BEGIN had no answer yet when the first insert went out; likewise the bump before COMMIT.
    expect(sent[0]!.answeredBeforeNextSent).toBe(false);
    expect(sent[3]!.answeredBeforeNextSent).toBe(false);
    expect(await counter()).toBe(before + 1);
    expect(await notes()).toEqual([1, 2]);
  });

  it('runs nothing marked AT_COMMIT when the transaction rolls back', async () => {
    const before = await counter();
    const trx = await db.startTransaction().execute();
    await trx.insertInto('notes').values({ id: 3, text: 'three' }).execute();
    await bump(trx);
    await trx.rollback().execute();
    expect(await counter()).toBe(before);
    expect(await notes()).not.toContain(3);
    expect(sent.map((s) => s.sql)).not.toContain(expect.stringContaining('update counters'));
  });

  it('fails the COMMIT, storing nothing, when a statement sent with it fails', async () => {
    const before = await counter();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 4, text: 'four' }).execute();
        await sql`${sql.raw(AT_COMMIT)}update counters set value = value / 0 where id = 1`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await counter()).toBe(before);
    expect(await notes()).not.toContain(4);
    // The connection is fine afterwards.
    await db
      .transaction()
      .execute((trx) => trx.insertInto('notes').values({ id: 5, text: 'five' }).execute());
    expect(await notes()).toContain(5);
  });

  it('surfaces an error in the statement that travelled with BEGIN, and rolls back', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 5, text: 'again' }).execute(); // id 5 exists
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await notes()).toEqual(expect.arrayContaining([1, 2, 5]));
    const [first] = await db.transaction().execute((trx) => trx.selectFrom('notes').select('id').execute());
    expect(first).toBeDefined();
  });

  it('sends nothing at all for a transaction that ran no statement', async () => {
    await db.transaction().execute(async () => undefined);
    const trx = await db.startTransaction().execute();
    await trx.rollback().execute();
    expect(sent).toEqual([]);
  });

  it('still honours an isolation level, sent on its own', async () => {
    await db
      .transaction()
      .setIsolationLevel('serializable')
      .execute((trx) => trx.insertInto('notes').values({ id: 6, text: 'six' }).execute());
    expect(sent[0]!.sql).toBe('start transaction isolation level serializable');
    expect(await notes()).toContain(6);
  });
});
