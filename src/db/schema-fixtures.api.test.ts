import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../server/test/database.js';
import { readCatalog, type ColumnShape } from './backup/catalog.js';
import { openLogical } from './backup/logical.js';
import { load } from './backup/restore.js';
import { inOneTransaction, openTool, type AnyKysely, type Store } from './backup/tool-connection.js';
import { encodeRow } from './backup/values.js';
import { connect } from './connect.js';
import { appliedMigrations, migrateToLatest, migrationNames } from './migrate.js';
import { migrations as shipped } from './migrations/index.js';

// Every schema version that reached main has a fixture (test/fixtures/schema-versions, written by
// `npm run fixtures:schema`): rows in every table, edge values included. Each is loaded into a
// database at its version, migrated to the current one, and every row must still be there with the
// same values in every column that survives. And a migration that fails midway changes nothing.

const fixtures = fileURLToPath(new URL('../../test/fixtures/schema-versions/', import.meta.url));
const fixtureOf = (migration: string) => join(fixtures, `${migration}.jsonl`);

let database: TestDatabase;
let count = 0;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** An empty store: a new SQLite file, or the test database's schema emptied. */
async function emptyStore(): Promise<Store> {
  if (database.dialect === 'sqlite')
    return { kind: 'sqlite', file: join(database.dataDir, `v${++count}.sqlite`) };
  const url = database.databaseUrl!;
  const tool = openTool({ kind: 'postgres', url });
  try {
    await sql`drop schema public cascade`.execute(tool.db);
    await sql`create schema public`.execute(tool.db);
  } finally {
    await tool.close();
  }
  return { kind: 'postgres', url };
}

async function loadFixture(store: Store, migration: string): Promise<void> {
  const tool = openTool(store);
  try {
    const { header, batches } = await openLogical(fixtureOf(migration));
    expect(header.schemaVersion).toBe(migration);
    await inOneTransaction(tool.db, 'begin', (tx) => load(tx, tool.dialect, header.migrations, batches));
  } finally {
    await tool.close();
  }
}

/** The fixture's rows, table by table, read straight from its file. */
async function fixtureRows(migration: string) {
  const tables = new Map<string, { columns: ColumnShape[]; rows: Record<string, unknown>[] }>();
  for await (const batch of (await openLogical(fixtureOf(migration))).batches) {
    const table = tables.get(batch.table) ?? { columns: batch.columns as ColumnShape[], rows: [] };
    table.rows.push(...batch.rows);
    tables.set(batch.table, table);
  }
  return tables;
}

describe('schema fixtures', () => {
  it('exist for every migration, the newest included, and for no other', () => {
    const have = readdirSync(fixtures).map((f) => f.replace(/\.jsonl$/, ''));
    expect(
      migrationNames.filter((m) => !existsSync(fixtureOf(m))),
      'a migration without its fixture: run "npm run fixtures:schema" and commit what it writes',
    ).toEqual([]);
    expect(
      have.filter((f) => !migrationNames.includes(f)),
      'fixtures of migrations that do not exist',
    ).toEqual([]);
  });

  it.each(migrationNames.map((m) => [m]))(
    '%s: every row arrives intact at the current schema',
    { timeout: 120_000 },
    async (migration) => {
      const store = await emptyStore();
      await loadFixture(store, migration);
      const tool = openTool(store);
      try {
        expect(await appliedMigrations(tool.db)).toEqual(migrationNames);
        const now = new Map((await readCatalog(tool.db, tool.dialect)).map((t) => [t.name, t]));
        let checked = 0;
        for (const [table, { columns, rows }] of await fixtureRows(migration)) {
          const current = now.get(table);
          if (!current) continue; // a table a later migration removed: nothing of it survives
          const surviving = columns.filter((c) => current.columns.some((s) => s.name === c.name));
          const stored = await tool.db
            .selectFrom(table)
            .select(surviving.map((c) => c.name))
            .execute();
          const have = new Map<string, number>();
          for (const row of stored) {
            const key = JSON.stringify(encodeRow(table, surviving, row));
            have.set(key, (have.get(key) ?? 0) + 1);
          }
          for (const row of rows) {
            const key = JSON.stringify(encodeRow(table, surviving, row));
            expect(
              have.get(key) ?? 0,
              `a row of ${table} changed or went missing: ${key.slice(0, 200)}`,
            ).toBeGreaterThan(0);
            have.set(key, have.get(key)! - 1);
            checked += 1;
          }
        }
        expect(checked).toBeGreaterThan(0);
      } finally {
        await tool.close();
      }
    },
  );
});

/** Everything a migration could change: tables, columns, indexes, every row, what was applied. */
async function describeDatabase(db: AnyKysely, dialect: 'sqlite' | 'postgres') {
  const objects =
    dialect === 'sqlite'
      ? (
          await sql<{
            sql: string | null;
          }>`select type, name, sql from sqlite_master order by type, name`.execute(db)
        ).rows
      : [
          ...(
            await sql`select table_name, column_name, data_type, is_nullable, column_default
              from information_schema.columns where table_schema = current_schema()
              order by table_name, column_name`.execute(db)
          ).rows,
          ...(
            await sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() order by indexname`.execute(
              db,
            )
          ).rows,
        ];
  const rows: Record<string, string[]> = {};
  for (const table of await readCatalog(db, dialect)) {
    rows[table.name] = (await db.selectFrom(table.name).selectAll().execute())
      .map((row) => JSON.stringify(encodeRow(table.name, table.columns, row)))
      .sort();
  }
  return { objects, rows, applied: await appliedMigrations(db) };
}

describe('a migration that fails midway', () => {
  const failing: Record<string, Migration> = {
    ...shipped,
    '9999-12-31-998-succeeds': {
      up: async (db) => {
        await db.schema
          .createTable('scratch_first')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .execute();
      },
    },
    '9999-12-31-999-fails-midway': {
      up: async (db) => {
        await db.schema
          .createTable('scratch')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .execute();
        await db.schema.alterTable('families').addColumn('scratch_note', 'text').execute();
        await db.schema.createIndex('families_scratch').on('families').column('name').execute();
        await db.insertInto('scratch').values({ id: 'x' }).execute();
        await db.updateTable('families').set({ name: 'changed', scratch_note: 'half done' }).execute();
        await db.deleteFrom('trips').execute();
        throw new Error('deliberately, midway');
      },
    },
  };

  it(
    'leaves the schema, the rows and the list of applied migrations as they were',
    { timeout: 120_000 },
    async () => {
      const store = await emptyStore();
      await loadFixture(store, migrationNames.at(-1)!);
      // The app's own connection (group commit on SQLite, pipelining on PostgreSQL), as at start-up.
      const db = connect(store.kind === 'sqlite' ? { sqliteFile: store.file } : { databaseUrl: store.url });
      try {
        const before = await describeDatabase(db.kysely, db.dialect);
        expect(before.rows.trips!.length).toBeGreaterThan(0);
        await expect(migrateToLatest(db, { migrations: failing })).rejects.toThrow(
          /9999-12-31-999-fails-midway failed: deliberately, midway/,
        );
        expect(await describeDatabase(db.kysely, db.dialect)).toEqual(before);
        // And the database is still the app's: nothing left to apply, and it reads as before.
        expect(await migrateToLatest(db)).toEqual([]);
      } finally {
        await db.close();
      }
    },
  );
});
