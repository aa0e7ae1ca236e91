import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { FamilyChanges } from '../family-changes.js';
import type { FamilyChangedListener } from '../jobs/family-changed.js';
import type { JobQueue } from '../jobs/queue.js';
import type { JobDefinition } from '../jobs/runner.js';
import type { AccountsServices } from './accounts/index.js';
import type { ChildrenService } from './children/index.js';
import type { FamilyServices } from './family/index.js';
import type { LiveServices } from './live/index.js';
import type { KeepsakeInUse, LovedOnesService } from './loved-ones/index.js';
import type { MediaService } from './media/index.js';
import type { MemoryBoxService } from './memory-box/index.js';
import type { RitualCalendarDay, RitualsService } from './rituals/index.js';
import type { JournalService } from './journal/index.js';
import type { TributesService } from './tributes/index.js';
import type { BooksService } from './memorial-book/index.js';
import type { FamilyDataService } from './family-data/index.js';
import type { DeletionsService } from './deletions/index.js';
import type { Mailer } from './notifications/index.js';
import type { RemembranceServices } from './remembrance/index.js';
import type { SupportersServices } from './supporters/index.js';
import type { TravelRulesService } from './travel-rules/index.js';
import type { TripsServices } from './trips/index.js';
import type { PlacesService } from './places/index.js';
import type { InstanceSecrets } from '../instance-secrets.repository.js';

/**
 * The one shape of a module (`src/server/modules/<name>/index.ts` exports one). The container builds
 * the modules in order, hands each the services of the modules it `needs`, registers its routes,
 * jobs and scheduled work, and calls its listeners after a family's data changed. A module that needs
 * one missing or listed after it, or asks a question no module answers, stops start-up.
 */
export interface Module<Name extends ModuleName = ModuleName> {
  name: Name;
  /** The modules whose services this one uses. */
  needs: readonly ModuleName[];
  /** Questions this module asks that another answers (a way round an import cycle). */
  asks?: readonly QuestionName[];
  build(context: ModuleContext, use: Use, ask: Ask): BuiltModule<ModuleServices[Name]>;
}

export interface BuiltModule<Services> {
  services: Services;
  /** Registers the module's routes on the app; each route declares its access (plugins/auth.ts). */
  routes?: Array<(app: FastifyInstance) => PromiseLike<unknown>>;
  /** Job definitions the runner takes from the queue. */
  jobs?: Array<JobDefinition<unknown>>;
  /** Work every instance does on a schedule. */
  every?: Array<{ name: string; everyMs: number; run: () => Promise<unknown> }>;
  /** What the module does after a family's data changed, in the family-changed job (never on a request). */
  listens?: { familyChanged?: FamilyChangedListener };
  answers?: Partial<Questions>;
  /** Lets go of what the module holds open (a listening connection), when the container closes. */
  close?: () => Promise<void>;
}

/** The services each module offers to others, by name. */
export interface ModuleServices {
  accounts: AccountsServices;
  family: FamilyServices;
  notifications: Mailer;
  'loved-ones': LovedOnesService;
  trips: TripsServices;
  'travel-rules': TravelRulesService;
  remembrance: RemembranceServices;
  media: MediaService;
  children: ChildrenService;
  live: LiveServices;
  supporters: SupportersServices;
  places: PlacesService;
  rituals: RitualsService;
  'memory-box': MemoryBoxService;
  journal: JournalService;
  tributes: TributesService;
  'memorial-book': BooksService;
  'family-data': FamilyDataService;
  deletions: DeletionsService;
}
export type ModuleName = keyof ModuleServices;

/** Questions one module answers for another that cannot import it. */
export interface Questions {
  /** Which trips (by name) the keepsakes are part of; asked by loved-ones, answered by trips. */
  keepsakeInUse: KeepsakeInUse;
  /** Whether a gazetteer place lies in a country; asked by trips (a leg's picked town), answered by places. */
  placeInCountry: (placeId: string, country: string) => boolean;
  /** A family's rituals as calendar days; asked by remembrance (calendar, feed, reminders), answered by rituals. */
  ritualDays: (familyId: string) => Promise<RitualCalendarDay[]>;
  /** Whether a ritual's time is already marked (done or "not today"); asked by remembrance's reminders. */
  ritualOccurrenceMarked: (familyId: string, ritualId: string, occurrenceKey: string) => Promise<boolean>;
  /** Bytes a family's voice notes take, for its room; asked by media, answered by memory-box. */
  voiceNoteBytes: (familyId: string) => Promise<number>;
  /** Bytes the photos on a family's journal entries take, for its room; asked by media, answered by journal. */
  journalPhotoBytes: (familyId: string) => Promise<number>;
  /** A loved one's letters and voice notes, said before deleting them; asked by loved-ones, answered by memory-box. */
  memoryBoxOf: (
    familyId: string,
    lovedOneId: string,
  ) => Promise<{ drawings: number; letters: number; voiceNotes: number; voiceBytes: number }>;
}
export type QuestionName = keyof Questions;

export type Use = <N extends ModuleName>(name: N) => ModuleServices[N];
export type Ask = <Q extends QuestionName>(name: Q) => Questions[Q];

/** What every module is built from. */
export interface ModuleContext {
  config: Config;
  /** The database as modules see it: inside a change, the change's transaction (family-changes.ts). */
  db: Kysely<Database>;
  /** The same, with the prepared-statement hot path, for repositories that use it. */
  database: Pick<Db, 'kysely' | 'readFirstCompiled' | 'dialect'>;
  clock: Clock;
  queue: JobQueue;
  changes: FamilyChanges;
  /** The installation's signing keys, kept in the database (instance-secrets.repository.ts). */
  secrets: InstanceSecrets;
}

/** Makes a module with its name and services checked against ModuleServices. */
export const defineModule = <Name extends ModuleName>(module: Module<Name>): Module<Name> => module;
