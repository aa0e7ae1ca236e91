import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { mediaReferences } from './media-uses.repository.js';

// media-uses.repository.ts decides which pictures only one loved one uses (they go when that loved
// one is deleted: loved-one-removal.api.test.ts). It can only do so if it knows every table pointing
// at `media`: this fails when one is added and not named there. On both databases.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the tables that use a picture', () => {
  it('are all known to the media module, so none keeps a deleted loved one’s picture alive unseen', async () => {
    const db = t.container.db.kysely;
    const pointing =
      process.env.TEST_DIALECT === 'postgres'
        ? await sql<{ name: string }>`
            select distinct tc.table_name as name
            from information_schema.table_constraints tc
            join information_schema.constraint_column_usage cu on cu.constraint_name = tc.constraint_name
            where tc.constraint_type = 'FOREIGN KEY' and cu.table_name = 'media'
              and tc.table_name <> 'media'`.execute(db)
        : await sql<{ name: string }>`
            select distinct m.name as name
            from sqlite_master m join pragma_foreign_key_list(m.name) f
            where m.type = 'table' and f."table" = 'media'`.execute(db);
    expect(pointing.rows.map((row) => row.name).sort()).toEqual(Object.keys(mediaReferences).sort());
  });
});
