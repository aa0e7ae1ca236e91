import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Clock } from '../../clock.js';
import { lovedOnesRepository } from './loved-ones.repository.js';
import { lovedOnesService, type LovedOnesService } from './loved-ones.service.js';

export { lovedOnesRoutes } from './loved-ones.routes.js';
export type { LovedOnesService, KeepsakeInUse } from './loved-ones.service.js';
export type { KeepsakeRow } from './loved-ones.repository.js';

export type LovedOnesModule = LovedOnesService;

export function lovedOnesModule({ db, clock }: { db: Kysely<Database>; clock: Clock }): LovedOnesModule {
  return lovedOnesService({ repo: lovedOnesRepository(db), clock });
}
