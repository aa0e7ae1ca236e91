// `npm run fixtures:schema`: writes the schema fixture of every migration that has none yet, in
// test/fixtures/schema-versions/<migration>.jsonl. src/db/schema-fixtures.api.test.ts restores each
// into that schema version on SQLite and PostgreSQL, migrates it to the current one and checks that
// every row arrived intact; it fails while the newest migration has no fixture.
//
// A fixture is made from the one before it: that fixture's rows in a database at the previous
// version, this migration applied to them (as it would be to a family's data), then rows written
// into every table the migration created or gave new columns, so each column holds data. The rows
// come from the tables as the database describes them (rows.ts beside this file): each table gets
// an everyday row, a row of edge values (unicode of every kind, text past the point where
// PostgreSQL moves it out of line, the largest numbers, bytes of every value) and a row with every
// column that may be empty left empty. A fixture, once checked in, is never changed: its version's
// schema is never changed either.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCatalog } from '../src/db/backup/catalog.js';
import { lineWriter, pendingFile } from '../src/db/backup/files.js';
import type { BackupHeader } from '../src/db/backup/header.js';
import { openLogical, writeLogical } from '../src/db/backup/logical.js';
import { load } from '../src/db/backup/restore.js';
import { readTables } from '../src/db/backup/tables-io.js';
import { inOneTransaction, openTool } from '../src/db/backup/tool-connection.js';
import { migrateKyselyTo, migrationNames } from '../src/db/migrate.js';
import { checkKnownValues, touchedTables, writeRowsFor } from './schema-fixtures/rows.js';

export const fixturesDir = fileURLToPath(new URL('../test/fixtures/schema-versions/', import.meta.url));
export const fixtureFile = (migration: string) => join(fixturesDir, `${migration}.jsonl`);

async function makeFixture(index: number, scratch: string): Promise<void> {
  const name = migrationNames[index]!;
  const migrations = migrationNames.slice(0, index + 1);
  const tool = openTool({ kind: 'sqlite', file: join(scratch, `${index}.sqlite`) });
  try {
    await inOneTransaction(tool.db, 'begin', async (tx) => {
      if (index === 0) {
        await migrateKyselyTo(tx, name, { inCallersTransaction: true });
      } else {
        const previous = await openLogical(fixtureFile(migrationNames[index - 1]!));
        await load(tx, 'sqlite', previous.header.migrations, previous.batches, migrationNames[index - 1]);
      }
      const before = index === 0 ? [] : await readCatalog(tx, 'sqlite');
      if (index > 0) await migrateKyselyTo(tx, name, { inCallersTransaction: true });
      const after = await readCatalog(tx, 'sqlite');
      if (index === migrationNames.length - 1) checkKnownValues(after);
      const migrationNumber = /-(\d{3})-/.exec(name)?.[1] ?? String(index + 1);
      for (const table of touchedTables(before, after)) await writeRowsFor(tx, table, migrationNumber);
      const header: BackupHeader = {
        alongside: 'backup',
        formatVersion: 1,
        store: 'sqlite',
        method: 'logical',
        schemaVersion: name,
        migrations,
        // The migration's own date: a fixture made again comes out the same.
        takenAt: `${name.slice(0, 10)}T00:00:00.000Z`,
      };
      const pending = pendingFile(fixtureFile(name));
      try {
        const out = lineWriter(pending.temp);
        await writeLogical(out, header, readTables(tx, 'sqlite', after));
        await out.close();
        pending.finish();
      } catch (error) {
        pending.abandon();
        throw error;
      }
    });
  } finally {
    await tool.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(fixturesDir, { recursive: true });
  const have = new Set(readdirSync(fixturesDir).map((f) => f.replace(/\.jsonl$/, '')));
  const missing = migrationNames.map((name, i) => ({ name, i })).filter(({ name }) => !have.has(name));
  if (missing.length === 0) {
    process.stdout.write(`Every migration has its schema fixture (${migrationNames.length}).\n`);
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'alongside-fixtures-'));
  try {
    // In order: each is made from the one before it.
    for (const { name, i } of missing) {
      await makeFixture(i, scratch);
      process.stdout.write(`Wrote test/fixtures/schema-versions/${name}.jsonl\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
