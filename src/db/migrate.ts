import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect.js';
import { migrations as shipped } from './migrations/index.js';

export interface MigrateOptions {
  /** The migrations to apply (tests add a failing one); the shipped list by default. */
  migrations?: Record<string, Migration>;
  /**
   * The caller already holds a transaction on `db` (a restore loads a whole backup in one): the
   * migrator then opens none of its own. Otherwise every pending migration runs in one transaction,
   * on PostgreSQL and SQLite alike (group-commit.ts), so a migration that fails midway leaves the
   * database as it was before the run.
   */
  inCallersTransaction?: boolean;
}

// Migrations are typed loosely (their own advice): they must not depend on today's schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

const migrator = (db: AnyKysely, options: MigrateOptions = {}) =>
  new Migrator({
    db,
    provider: { getMigrations: async () => options.migrations ?? shipped },
    disableTransactions: options.inCallersTransaction ?? false,
  });

/** Brings the schema up to date. Throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Db, options?: MigrateOptions): Promise<string[]> {
  return migrateKyselyToLatest(db.kysely, options);
}

/** The same, on any Kysely handle (a restore's single connection, a schema-fixture test's). */
export async function migrateKyselyToLatest(db: AnyKysely, options?: MigrateOptions): Promise<string[]> {
  return applied(await migrator(db, options).migrateToLatest());
}

/** Applies the migrations up to and including `name` (a restore rebuilds a backup's schema so). */
export async function migrateKyselyTo(
  db: AnyKysely,
  name: string,
  options?: MigrateOptions,
): Promise<string[]> {
  return applied(await migrator(db, options).migrateTo(name));
}

/** Rolls back the newest migration (used by the migration round-trip test and the CLI). */
export async function migrateDown(db: Db): Promise<string[]> {
  return applied(await migrator(db.kysely).migrateDown());
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
  return (await appliedMigrations(db.kysely)).at(-1) ?? null;
}

/** The migrations applied to this database, oldest first (empty for a database never migrated). */
export async function appliedMigrations(db: AnyKysely): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}

/** The shipped migrations' names in the order they apply (the migrator sorts them by name). */
export const migrationNames: readonly string[] = Object.keys(shipped).sort();

export const latestMigration = migrationNames.at(-1) ?? null;
