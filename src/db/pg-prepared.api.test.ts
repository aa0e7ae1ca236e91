import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../server/test/database.js';
import { MAX_PREPARED, PREPARE_AFTER, prepareRepeatedStatements } from './pg-prepared.js';

describe.skipIf(testDialect() !== 'postgres')('PostgreSQL statements prepared once they repeat', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  /** The statements prepared on the pool's one connection, as the server lists them. */
  const prepared = async () =>
    (await pool.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map(
      (r) => r.statement,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.databaseUrl, max: 1 });
    prepareRepeatedStatements(pool);
    await pool.query('create table notes (id integer primary key, text text not null)');
    await pool.query("insert into notes values (1, 'one'), (2, 'two')");
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('prepares a statement on the server once it has been sent PREPARE_AFTER times, with the same answers', async () => {
    const text = 'select text from notes where id = $1';
    const answers: string[] = [];
    for (let i = 0; i < PREPARE_AFTER - 1; i++) answers.push((await pool.query(text, [1])).rows[0].text);
    expect(await prepared()).not.toContain(text);
    for (let i = 0; i < 3; i++) answers.push((await pool.query(text, [2])).rows[0].text);
    expect(await prepared()).toContain(text);
    expect(answers).toEqual([...Array(PREPARE_AFTER - 1).fill('one'), 'two', 'two', 'two']);
  });

  it('never prepares a statement without values (such as BEGIN or a list built into the text)', async () => {
    for (let i = 0; i < PREPARE_AFTER + 2; i++) await pool.query('select count(*) from notes');
    expect(await prepared()).not.toContain('select count(*) from notes');
  });

  it('gives a statement a fresh plan after a table it reads changed shape (another instance migrated)', async () => {
    const text = 'select * from notes where id = $1';
    for (let i = 0; i < PREPARE_AFTER + 1; i++) await pool.query(text, [1]);
    expect(await prepared()).toContain(text);
    await pool.query('alter table notes add column extra text');
    await expect(pool.query(text, [1])).rejects.toMatchObject({ code: '0A000' });
    for (let i = 0; i < PREPARE_AFTER + 1; i++)
      expect((await pool.query(text, [1])).rows[0]).toEqual({ id: 1, text: 'one', extra: null });
  });

  it('keeps at most MAX_PREPARED statements', async () => {
    for (let n = 0; n < MAX_PREPARED + 5; n++)
      for (let i = 0; i < PREPARE_AFTER; i++) await pool.query(`select ${n} + $1::int as v`, [i]);
    expect((await prepared()).length).toBeLessThanOrEqual(MAX_PREPARED);
    expect((await pool.query(`select ${MAX_PREPARED + 4} + $1::int as v`, [1])).rows[0].v).toBe(
      MAX_PREPARED + 5,
    );
  });
});
