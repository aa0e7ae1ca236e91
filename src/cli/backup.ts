import type { Config } from '../server/config.js';
import { backupStore, restoreStore, storeOf } from '../server/store.js';
import type { Output } from './run.js';

// `alongside backup FILE` and `alongside restore FILE`: what was done, said plainly (docs/backups.md).

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const methods = {
  'sqlite-online-backup': "SQLite's online backup",
  pg_dump: 'pg_dump',
  logical: 'a logical dump (every table read in one snapshot)',
} as const;

/** The database a configuration names, without a password. */
function where(config: Config): string {
  const store = storeOf(config);
  if (store.kind === 'sqlite') return store.file;
  const url = new URL(store.url);
  url.password = '';
  return url.toString();
}

export async function backup(args: string[], io: Output, config: Config): Promise<number> {
  const logical = args.includes('--logical');
  const files = args.filter((a) => a !== '--logical');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    io.err('Use "alongside backup <file>", or "alongside backup --logical <file>" for a logical dump.\n');
    return 2;
  }
  const started = performance.now();
  const result = await backupStore(storeOf(config), files[0]!, { logical });
  const { header } = result;
  io.out(
    `Backed up ${where(config)} with ${header.method === 'pg_dump' ? (header.tool ?? 'pg_dump') : methods[header.method]}.\n` +
      (result.note ? `  (${result.note})\n` : '') +
      `  File:     ${result.file} (${megabytes(result.bytes)})\n` +
      `  Snapshot: ${header.takenAt}, schema ${header.schemaVersion}\n` +
      `  Took ${seconds(started)}.\n`,
  );
  return 0;
}

export async function restore(args: string[], io: Output, config: Config): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    io.err(
      'Use "alongside restore <file>", with DATA_DIR or DATABASE_URL naming an empty place to restore into.\n',
    );
    return 2;
  }
  const started = performance.now();
  const result = await restoreStore(storeOf(config), args[0]!);
  const from = result.header
    ? `backed up from ${result.header.store === 'sqlite' ? 'SQLite' : 'PostgreSQL'} with ${methods[result.header.method]} at ${result.header.takenAt}`
    : 'a copy of an Alongside SQLite database';
  io.out(
    `Restored ${args[0]} (${from}) into ${where(config)}.\n` +
      (result.migrated.length === 0
        ? `  Its schema (${result.schemaVersion}) is this version's: nothing to bring up to date.\n`
        : `  Brought it up to date from ${result.schemaVersion}: ${result.migrated.length} migration(s) applied.\n`) +
      `  Took ${seconds(started)}. Alongside can be started on it now.\n`,
  );
  return 0;
}
