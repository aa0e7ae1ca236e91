import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { connect, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { jobQueue, type JobQueue } from './jobs/queue.js';
import { jobRunner, type JobRunner } from './jobs/runner.js';
import { accountsRepository, accountsService, type AccountsService } from './modules/accounts/index.js';
import { lovedOnesModule, type LovedOnesModule } from './modules/loved-ones/index.js';
import { disabledMailer, smtpMailer, type Mailer } from './modules/notifications/mailer.js';
import { remembranceModule, type RemembranceModule } from './modules/remembrance/index.js';
import { travelRulesModule, type TravelRulesService } from './modules/travel-rules/index.js';
import { tripsModule, type TripsModule } from './modules/trips/index.js';
import { newToken } from './secrets.js';

/** The composition root: everything the app, the CLI and the tests need, built from config. */
export interface Container {
  config: Config;
  db: Db;
  clock: Clock;
  accounts: AccountsService;
  lovedOnes: LovedOnesModule;
  trips: TripsModule;
  travelRules: TravelRulesService;
  remembrance: RemembranceModule;
  queue: JobQueue;
  mailer: Mailer;
  /** After every change a member makes: raise the family's revision, then bring its days and reminders up to date. */
  familyChanged(familyId: string, log: FastifyBaseLogger): Promise<void>;
  /** The job runner of this process (reminder ticks and deliveries), made once on first use. */
  jobs(log: FastifyBaseLogger): JobRunner;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ContainerOptions {
  clock?: Clock;
  /** Run migrations before returning (the default; the CLI's `migrate` command turns it off). */
  migrate?: boolean;
  /** Replace the SMTP mailer (tests that count what was sent without a mail server). */
  mailer?: Mailer;
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
  const travelRules = travelRulesModule({ db: db.kysely, clock, accounts, lovedOnes, trips });
  const queue = jobQueue(db.kysely, db.dialect);
  const mailer = options.mailer ?? (config.smtp ? smtpMailer(config.smtp) : disabledMailer);
  const remembrance = remembranceModule({
    db: db.kysely,
    dialect: db.dialect,
    clock,
    accounts,
    lovedOnes,
    trips,
    queue,
    mailer,
    baseUrl: config.baseUrl,
  });

  let runner: JobRunner | undefined;
  const workerId = `${hostname()}:${process.pid}:${newToken().slice(0, 8)}`;
  const DAY = 86_400_000;

  return {
    config,
    db,
    clock,
    accounts,
    lovedOnes,
    trips,
    travelRules,
    remembrance,
    queue,
    mailer,
    async familyChanged(familyId, log) {
      await accounts.familyChanged(familyId);
      try {
        await remembrance.syncFamily(familyId);
      } catch (error) {
        // The member's change is stored; the calendar catches up with the next change.
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'remembrance sync failed');
      }
    },
    jobs(log) {
      if (runner) return runner;
      runner = jobRunner({
        queue,
        clock,
        log,
        workerId,
        pollMs: config.jobPollMs,
        leaseMs: config.jobLeaseMs,
      });
      for (const definition of remembrance.jobs) runner.register(definition);
      runner.every('reminders.tick', config.reminderTickMs, () => remembrance.tick());
      runner.every('jobs.reclaim', Math.min(15_000, config.jobLeaseMs / 2), () =>
        queue.reclaimExpired(clock.now()),
      );
      runner.every('jobs.prune', 3_600_000, () => queue.pruneDone(clock.now() - 30 * DAY));
      runner.every('sessions.prune', 3_600_000, () => accounts.pruneSessions());
      return runner;
    },
    migrate: () => migrateToLatest(db),
    async close() {
      await runner?.stop();
      mailer.close();
      await db.close();
    },
  };
}
