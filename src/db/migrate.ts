import { Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './connect.js';
import { migrations } from './migrations/index.js';

const provider = { getMigrations: async () => migrations };

/** Brings the schema up to date. Throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  return applied(await migrator.migrateToLatest());
}

/** Rolls back the newest migration (used by the migration round-trip test and the CLI). */
export async function migrateDown(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  return applied(await migrator.migrateDown());
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Migration ${failed} failed: ${reason}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** The newest migration applied, reported by /api/health. */
export async function schemaVersion(db: Db): Promise<string | null> {
  const migrator = new Migrator({ db: db.kysely, provider });
  const all = await migrator.getMigrations();
  const done = all.filter((m) => m.executedAt !== undefined);
  return done.at(-1)?.name ?? null;
}

export const latestMigration = Object.keys(migrations).at(-1) ?? null;
