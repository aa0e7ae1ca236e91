import { readCatalog } from '../../db/backup/catalog.js';
import { openTool, type Store } from '../../db/backup/tool-connection.js';
import { encodeRow } from '../../db/backup/values.js';
import { appliedMigrations } from '../../db/migrate.js';
import type { Output } from '../../cli/run.js';
import type { TestDatabase } from './database.js';

/** The store a test database stands for, as the server would open it. */
export function storeOf(database: TestDatabase): Store {
  return database.databaseUrl
    ? { kind: 'postgres', url: database.databaseUrl }
    : { kind: 'sqlite', file: `${database.dataDir}/alongside.sqlite` };
}

/** The environment `alongside` would run with on this test database. */
export function envFor(database: TestDatabase): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: database.dataDir,
    ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
  };
}

/** Every row of every table (and the migrations applied), each row as JSON, sorted: equal means equal. */
export async function everyRow(
  store: Store,
): Promise<{ applied: string[]; tables: Record<string, string[]> }> {
  const tool = openTool(store);
  try {
    const tables: Record<string, string[]> = {};
    for (const table of await readCatalog(tool.db, tool.dialect)) {
      tables[table.name] = (await tool.db.selectFrom(table.name).selectAll().execute())
        .map((row) => JSON.stringify(encodeRow(table.name, table.columns, row)))
        .sort();
    }
    return { applied: await appliedMigrations(tool.db), tables };
  } finally {
    await tool.close();
  }
}

/** What a CLI command said, for a test to read. */
export function capture(): Output & { said: () => string } {
  let text = '';
  return {
    out: (t) => void (text += t),
    err: (t) => void (text += t),
    said: () => text,
  };
}
