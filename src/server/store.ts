import { join } from 'node:path';
import type { Store } from '../db/backup/index.js';
import type { Config } from './config.js';

// Where an installation keeps its data, and `alongside backup` / `restore`, which work on that store
// itself with no app built over it: a restore needs an empty store, and a backup must not migrate
// the database it copies. Kept apart from container.ts so the commands load no module (a backup
// run by cron starts in half the time).

/** PostgreSQL at DATABASE_URL, or the SQLite file in DATA_DIR. */
export function storeOf(config: Config): Store {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'sqlite', file: join(config.dataDir, 'alongside.sqlite') };
}

export { backupStore, restoreStore, BackupInputError, type Store } from '../db/backup/index.js';
