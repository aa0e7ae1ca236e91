import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect, MAX_GROUP } from './group-commit.js';

interface Tables {
  notes: { id: number; text: string; parent: number | null };
}

let dir: string;
let file: string;
let sqlite: Database.Database;
let db: Kysely<Tables>;
/** Every COMMIT the dialect sent to SQLite. */
let commits: number;
/** A second connection, as another process would see the file: only committed data. */
let outside: Database.Database;

const storedOutside = (id: number): boolean =>
  outside.prepare('select 1 from notes where id = ?').get(id) !== undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'alongside-group-commit-'));
  file = join(dir, 'test.sqlite');
  sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.exec(`create table notes (
    id integer primary key, text text not null,
    parent integer references notes(id) deferrable initially deferred)`);
  commits = 0;
  const statements = {
    prepare(text: string) {
      if (/^commit$/i.test(text)) commits += 1;
      return sqlite.prepare(text);
    },
  };
  db = new Kysely<Tables>({ dialect: new GroupCommitSqliteDialect(sqlite, statements) });
  outside = new Database(file, { readonly: true });
});

afterEach(async () => {
  outside.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (id: number, parent: number | null = null) =>
  db.transaction().execute((trx) =>
    trx
      .insertInto('notes')
      .values({ id, text: `note ${id}`, parent })
      .execute(),
  );

describe('group commit on SQLite', () => {
  it('commits transactions that queue up together with one COMMIT, answering none before it', async () => {
    const seenWhenAnswered: boolean[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        insert(i + 1).then(() => seenWhenAnswered.push(storedOutside(i + 1))),
      ),
    );
    expect(seenWhenAnswered).toEqual(Array(10).fill(true));
    expect(commits).toBeLessThan(10);
    expect(commits).toBeGreaterThanOrEqual(1);
  });

  it('commits a lone transaction before answering it', async () => {
    await insert(1);
    expect(storedOutside(1)).toBe(true);
    await insert(2);
    expect(storedOutside(2)).toBe(true);
    expect(commits).toBe(2);
  });

  it('rolls a failed transaction back to its own savepoint, keeping the others', async () => {
    const results = await Promise.allSettled([
      insert(1),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('notes').values({ id: 2, text: 'note 2', parent: null }).execute();
        throw new Error('the request failed after writing');
      }),
      insert(3),
      insert(1), // a primary-key clash: this one fails, the first note 1 stays
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect([1, 2, 3].map(storedOutside)).toEqual([true, false, true]);
    expect(sqlite.prepare('select text from notes where id = 1').get()).toEqual({ text: 'note 1' });
  });

  it('gives every transaction of the group the error when the shared COMMIT fails, storing none', async () => {
    // A deferred foreign key is checked at COMMIT: note 2 points at a note that never exists.
    const results = await Promise.allSettled([insert(1), insert(2, 999), insert(3)]);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    // Whatever was answered as stored is stored; whatever failed is not.
    results.forEach((r, i) => expect(storedOutside(i + 1)).toBe(r.status === 'fulfilled'));
    expect(storedOutside(2)).toBe(false);
    expect(sqlite.inTransaction).toBe(false);
    // The connection is usable afterwards.
    await insert(4);
    expect(storedOutside(4)).toBe(true);
  });

  it('makes a plain query that runs inside an open group wait for its commit', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('notes').values({ id: 1, text: 'note 1', parent: null }).execute();
    const read = db.selectFrom('notes').selectAll().execute(); // queued behind the transaction
    await trx.commit().execute();
    expect(storedOutside(1)).toBe(true);
    const rows = await read;
    expect(rows.map((r) => r.id)).toEqual([1]);
    expect(sqlite.inTransaction).toBe(false);
  });

  it('bounds a group at MAX_GROUP transactions', async () => {
    const count = MAX_GROUP * 2 + 5;
    await Promise.all(Array.from({ length: count }, (_, i) => insert(i + 1)));
    expect(commits).toBeGreaterThanOrEqual(Math.ceil(count / MAX_GROUP));
    expect(outside.prepare('select count(*) as n from notes').get()).toEqual({ n: count });
  });

  it('lets a controlled transaction roll back without holding the connection', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('notes').values({ id: 1, text: 'note 1', parent: null }).execute();
    await trx.rollback().execute();
    await insert(2);
    expect([1, 2].map(storedOutside)).toEqual([false, true]);
    expect(await sql<{ n: number }>`select count(*) as n from notes`.execute(db)).toMatchObject({
      rows: [{ n: 1 }],
    });
  });
});
