import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilyImport } from '../../../contracts/family-archive.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { buildContainer, type Container } from '../../container.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { dataOf, exportFamily, importFamily, unzip } from '../../test/archives.js';
import { createFamily, type Family } from '../../test/factories.js';
import { testDialect } from '../../test/database.js';
import { populateFamily } from '../../test/populate.js';
import { IMPORT_QUEUE } from './index.js';

// Two instances of the app on one PostgreSQL database, each with its own data directory (as two
// servers behind a load balancer, sharing no disk): instance A takes the upload and answers 202,
// instance B's job runner brings the family in. The upload is kept in the database
// (`family_import_chunks`), so B finds it; nothing of it stays on either disk or in the database.

let a: TestApp;
let b: { container: Container; dataDir: string; close(): Promise<void> };
let ruth: Family;
let zip: Buffer;

const uploads = (dataDir: string) => readdir(join(dataDir, 'uploads')).catch(() => [] as string[]);

beforeAll(async () => {
  if (testDialect() !== 'postgres') return;
  a = await buildTestApp();
  const dataDir = mkdtempSync(join(tmpdir(), 'alongside-test-b-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    BASE_URL: 'http://alongside.test',
    DATABASE_URL: a.database.databaseUrl!,
  });
  // The same clock: both instances agree on the time, as servers kept by NTP do.
  const container = await buildContainer(config, { clock: a.clock });
  const app = await buildApp(container);
  b = {
    container,
    dataDir,
    async close() {
      await app.close();
      await container.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const olive = await createFamily(a.app, { displayName: 'Olive', familyName: 'The Rivers family' });
  await populateFamily(olive, 'Jack', a.container.db.kysely);
  zip = (await exportFamily(a, olive.client)).zip;
  ruth = await createFamily(a.app, { displayName: 'Ruth', familyName: 'Ruth’s family' });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe.runIf(testDialect() === 'postgres')('an import on two instances of the app', () => {
  it('is taken by one instance and brought in, every photo, by the other', async () => {
    const response = await importFamily(ruth.client, zip);
    expect(response.statusCode, response.body).toBe(202);
    const { id } = response.json<{ import: FamilyImport }>().import;
    // Once answered, the upload should be nowhere on A's disk: it waits in the database. (Both
    // instances run on this one machine, so A's folder is taken away: B could never read it.)
    const leftOnA = await uploads(a.database.dataDir);
    rmSync(join(a.database.dataDir, 'uploads'), { recursive: true, force: true });

    // Only B's runner works: A never runs a job here.
    expect(await b.container.jobs(a.app.log).drain(IMPORT_QUEUE)).toBe(1);
    const db = a.container.db.kysely;
    const job = await db
      .selectFrom('jobs')
      .select(['state', 'last_error'])
      .where('dedupe_key', '=', `family-import:${id}`)
      .executeTakeFirstOrThrow();
    const done = (await ruth.client.get(`/api/family-imports/${id}`)).json<{ import: FamilyImport }>().import;
    expect(done.state, job.last_error ?? done.message ?? '').toBe('done');
    const media = await db
      .selectFrom('media')
      .select('id')
      .where('family_id', '=', done.result!.family.id)
      .execute();
    expect(media.length).toBe(dataOf(await unzip(zip)).media!.length);
    expect(media.length).toBeGreaterThan(0);

    // Nothing of the upload is left: not its pieces, not a file on either instance.
    const pieces = await db
      .selectFrom('family_import_chunks')
      .select('seq')
      .where('import_id', '=', id)
      .execute();
    expect(pieces).toEqual([]);
    expect(leftOnA).toEqual([]);
    expect(await uploads(a.database.dataDir)).toEqual([]);
    expect(await uploads(b.dataDir)).toEqual([]);
  });
});
