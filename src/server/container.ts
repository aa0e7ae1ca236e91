import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { accountsRepository, accountsService, type AccountsService } from './modules/accounts/index.js';
import { lovedOnesModule, type LovedOnesModule } from './modules/loved-ones/index.js';
import { tripsModule, type TripsModule } from './modules/trips/index.js';

/** The composition root: everything the app, the CLI and the tests need, built from config. */
export interface Container {
  config: Config;
  db: Db;
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesModule;
  trips: TripsModule;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ContainerOptions {
  clock?: Clock;
  /** Run migrations before returning (the default; the CLI's `migrate` command turns it off). */
  migrate?: boolean;
}

export async function buildContainer(config: Config, options: ContainerOptions = {}): Promise<Container> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = connect({
    databaseUrl: config.databaseUrl,
    sqliteFile: join(config.dataDir, 'alongside.sqlite'),
    poolSize: config.databasePoolSize,
  });
  if (options.migrate !== false) await migrateToLatest(db);
  const clock = options.clock ?? systemClock;

  const accounts = accountsService({ repo: accountsRepository(db), clock });
  const lovedOnes = lovedOnesModule({ db: db.kysely, clock });
  const trips = tripsModule({
    db: db.kysely,
    clock,
    lovedOnes,
    accounts,
    checkContracts: config.validateResponses,
  });

  return {
    config,
    db,
    clock,
    accounts,
    lovedOnes,
    trips,
    migrate: () => migrateToLatest(db),
    close: () => db.close(),
  };
}
