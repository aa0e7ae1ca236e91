import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../server/test/database.js';
import { connect, type Db } from './connect.js';
import { latestMigration, migrateDown, migrateToLatest, schemaVersion } from './migrate.js';
import { migrations } from './migrations/index.js';

// One set of migrations runs on both databases: up, down all the way, and up again.
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = connect({ databaseUrl: database.databaseUrl, sqliteFile: `${database.dataDir}/m.sqlite` });
});
afterAll(async () => {
  await db.close();
  await database.drop();
});

const tableNames = async () =>
  (await db.kysely.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();

describe('migrations', () => {
  it('apply from empty, roll back fully, and apply again', async () => {
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    expect(await schemaVersion(db)).toBe(latestMigration);
    const tables = await tableNames();
    expect(tables).toEqual(
      expect.arrayContaining(['families', 'trips', 'checklist_items', 'check_confirmations']),
    );

    for (let i = 0; i < Object.keys(migrations).length; i++) await migrateDown(db);
    expect(await tableNames()).toEqual([]);
    expect(await schemaVersion(db)).toBeNull();

    await migrateToLatest(db);
    expect(await tableNames()).toEqual(tables);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('enforce foreign keys and cascades on this database', async () => {
    const now = new Date().toISOString();
    await db.kysely
      .insertInto('families')
      .values({ id: 'f1', name: 'F', home_zone: 'UTC', created_at: now })
      .execute();
    await expect(
      db.kysely
        .insertInto('loved_ones')
        .values({
          id: 'l1',
          family_id: 'nope',
          name: 'x',
          kind: 'adult',
          relationship: null,
          date_of_loss: null,
          due_date: null,
          date_of_birth: null,
          date_of_death: null,
          gestation_weeks: null,
          loss_country: null,
          story: null,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow();
    await db.kysely
      .insertInto('loved_ones')
      .values({
        id: 'l1',
        family_id: 'f1',
        name: 'x',
        kind: 'adult',
        relationship: null,
        date_of_loss: null,
        due_date: null,
        date_of_birth: null,
        date_of_death: null,
        gestation_weeks: null,
        loss_country: null,
        story: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db.kysely.deleteFrom('families').where('id', '=', 'f1').execute();
    expect(await db.kysely.selectFrom('loved_ones').selectAll().execute()).toEqual([]);
  });
});
