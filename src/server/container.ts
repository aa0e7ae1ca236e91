import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { connect, type Db } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { settableClock, systemClock, type Clock, type SettableClock } from './clock.js';
import type { Config } from './config.js';
import { familyChanges, type FamilyChanges } from './family-changes.js';
import { instanceSecrets } from './instance-secrets.repository.js';
import { familyChangedJob } from './jobs/family-changed.js';
import { jobQueue, type JobQueue } from './jobs/queue.js';
import { jobRunner, type JobRunner } from './jobs/runner.js';
import { accountsModule, type AccountsService } from './modules/accounts/index.js';
import { childrenModule } from './modules/children/index.js';
import { familyModule } from './modules/family/index.js';
import { liveModule } from './modules/live/index.js';
import { lovedOnesModule, type LovedOnesService } from './modules/loved-ones/index.js';
import { mediaModule } from './modules/media/index.js';
import { memoryBoxModule } from './modules/memory-box/index.js';
import type {
  BuiltModule,
  Module,
  ModuleContext,
  ModuleName,
  ModuleServices,
  Questions,
} from './modules/module.js';
import { notificationsModule, type Mailer } from './modules/notifications/index.js';
import { remembranceModule, type RemembranceServices } from './modules/remembrance/index.js';
import { supportersModule } from './modules/supporters/index.js';
import { ritualsModule } from './modules/rituals/index.js';
import { journalModule } from './modules/journal/index.js';
import { tributesModule } from './modules/tributes/index.js';
import { memorialBookModule } from './modules/memorial-book/index.js';
import { familyDataModule } from './modules/family-data/index.js';
import { deletionsModule } from './modules/deletions/index.js';
import { travelRulesModule, type TravelRulesService } from './modules/travel-rules/index.js';
import { tripsModule, type TripsServices } from './modules/trips/index.js';
import { placesModule } from './modules/places/index.js';
import { newToken } from './secrets.js';
import { storeOf } from './store.js';

/** Every module of the server, in the order they are built (a module comes after those it needs). */
export const modules: readonly Module[] = [
  notificationsModule,
  accountsModule,
  familyModule,
  mediaModule,
  lovedOnesModule,
  tripsModule,
  travelRulesModule,
  remembranceModule,
  childrenModule,
  liveModule,
  supportersModule,
  ritualsModule,
  // After rituals: a place links to the arrival rituals done there and their photos.
  placesModule,
  memoryBoxModule,
  journalModule,
  tributesModule,
  // Last: a book reads every module above it, as the parent who asked.
  memorialBookModule,
  // Deleting a family or an account: its notices go through remembrance's inbox.
  deletionsModule,
  // A family's archive reads every table a family owns (after every module that makes them); an
  // import that fails is removed as a family's deletion removes it.
  familyDataModule,
];

/** The composition root: everything the app, the CLI and the tests need, built from config. */
export interface Container {
  config: Config;
  db: Db;
  clock: Clock;
  /** The same clock, settable, when the TEST_CLOCK setting is on (tests only); otherwise null. */
  testClock: SettableClock | null;
  /** The modules as built, in order: the app registers their routes, the runner their jobs. */
  modules: ReadonlyArray<{ name: ModuleName; built: BuiltModule<unknown> }>;
  accounts: AccountsService;
  lovedOnes: LovedOnesService;
  trips: TripsServices;
  travelRules: TravelRulesService;
  remembrance: RemembranceServices;
  queue: JobQueue;
  mailer: Mailer;
  /** Changes to a family's data as one transaction with its revision and its family-changed job. */
  changes: FamilyChanges;
  /** The job runner of this process (family changes, reminder ticks, deliveries), made once on first use. */
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
  /** Replace the list of modules (the start-up test leaves one out). */
  modules?: readonly Module[];
}

export async function buildContainer(config: Config, options: ContainerOptions = {}): Promise<Container> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const store = storeOf(config);
  const db = connect({
    databaseUrl: store.kind === 'postgres' ? store.url : undefined,
    sqliteFile: store.kind === 'sqlite' ? store.file : undefined,
    poolSize: config.databasePoolSize,
  });
  try {
    if (options.migrate !== false) await migrateToLatest(db);
    return assemble(config, db, options);
  } catch (error) {
    await db.close();
    throw error;
  }
}

function assemble(config: Config, db: Db, options: ContainerOptions): Container {
  const testClock = config.testClock && !options.clock ? settableClock() : null;
  const clock = options.clock ?? testClock ?? systemClock;
  const queue = jobQueue(db.kysely, db.dialect);
  const changes = familyChanges({ db: db.kysely, queue, clock, dialect: db.dialect });
  const context: ModuleContext = {
    config,
    db: changes.scoped,
    database: { ...db, kysely: changes.scoped },
    clock,
    queue,
    changes,
    secrets: instanceSecrets(changes.scoped),
  };
  const mailer = options.mailer;
  const list = (options.modules ?? modules).map((module) =>
    mailer && module.name === 'notifications' ? { ...module, build: () => ({ services: mailer }) } : module,
  );
  const { services, built } = buildModules(list, context);

  let runner: JobRunner | undefined;
  changes.onCommitted(() => runner?.wake());
  const workerId = `${hostname()}:${process.pid}:${newToken().slice(0, 8)}`;
  const DAY = 86_400_000;

  return {
    config,
    db,
    clock,
    testClock,
    modules: built,
    accounts: services.get('accounts'),
    lovedOnes: services.get('loved-ones'),
    trips: services.get('trips'),
    travelRules: services.get('travel-rules'),
    remembrance: services.get('remembrance'),
    mailer: services.get('notifications'),
    queue,
    changes,
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
      const listeners = built.flatMap(({ name, built: b }) =>
        b.listens?.familyChanged ? [{ module: name, listener: b.listens.familyChanged }] : [],
      );
      runner.register(familyChangedJob(listeners));
      for (const { built: b } of built) {
        for (const definition of b.jobs ?? []) runner.register(definition);
        for (const work of b.every ?? []) runner.every(work.name, work.everyMs, work.run);
      }
      const self = runner;
      runner.every('jobs.reclaim', Math.min(15_000, config.jobLeaseMs / 2), () =>
        queue.reclaimExpired(clock.now(), self.inHand()),
      );
      runner.every('jobs.prune', 3_600_000, () => queue.pruneDone(clock.now() - 30 * DAY));
      return runner;
    },
    migrate: () => migrateToLatest(db),
    async close() {
      await runner?.stop();
      for (const { built: b } of built) await b.close?.();
      services.get('notifications').close();
      await db.close();
    },
  };
}

/**
 * Builds modules in order. A module that needs one not built before it, asks a question no module
 * answers, or answers one twice, stops start-up with a message naming both.
 */
function buildModules(list: readonly Module[], context: ModuleContext) {
  const built = new Map<ModuleName, unknown>();
  const answers: Partial<Questions> = {};
  const asked: Array<{ module: ModuleName; question: keyof Questions }> = [];
  const out: Array<{ name: ModuleName; built: BuiltModule<unknown> }> = [];

  for (const module of list) {
    if (built.has(module.name)) throw new Error(`Module "${module.name}" is listed twice.`);
    for (const need of module.needs) {
      if (!built.has(need))
        throw new Error(
          `Module "${module.name}" needs "${need}", which is ${list.some((m) => m.name === need) ? 'built after it' : 'missing'}.`,
        );
    }
    const use = <N extends ModuleName>(name: N): ModuleServices[N] => {
      if (!module.needs.includes(name))
        throw new Error(`Module "${module.name}" uses "${name}" without listing it in needs.`);
      return built.get(name) as ModuleServices[N];
    };
    const ask = <Q extends keyof Questions>(question: Q): Questions[Q] => {
      if (!module.asks?.includes(question))
        throw new Error(`Module "${module.name}" asks "${question}" without listing it in asks.`);
      asked.push({ module: module.name, question });
      // Answered once every module is built (checked below, before anything can call it).
      const answer = (...args: unknown[]) => (answers[question] as (...a: unknown[]) => unknown)(...args);
      return answer as unknown as Questions[Q];
    };
    const result = module.build(context, use, ask);
    for (const [question, answer] of Object.entries(result.answers ?? {}) as Array<
      [keyof Questions, Questions[keyof Questions]]
    >) {
      if (answers[question]) throw new Error(`Question "${question}" is answered twice.`);
      // One question at a time: the map's value type is the union of every question's answer.
      (answers as Record<keyof Questions, unknown>)[question] = answer;
    }
    built.set(module.name, result.services);
    out.push({ name: module.name, built: result });
  }
  for (const { module, question } of asked) {
    if (!answers[question])
      throw new Error(`Module "${module}" asks "${question}", which no module answers.`);
  }
  return {
    built: out,
    services: {
      get<N extends ModuleName>(name: N): ModuleServices[N] {
        if (!built.has(name)) throw new Error(`Module "${name}" is missing.`);
        return built.get(name) as ModuleServices[N];
      },
    },
  };
}
