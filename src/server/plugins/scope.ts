import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { notFound } from '../errors.js';

/**
 * Every id in a URL names a family-owned row. Before a handler runs, each one is looked up and must
 * belong to the caller's family; otherwise the answer is 404, exactly as if it did not exist, so no
 * family can learn that another's data is there. A route with an id parameter this table does not
 * know fails at start-up, so a new route cannot skip the check. Services still scope every query by
 * family as a second line of defence.
 */
export const scopedParams = {
  lovedOneId: 'loved_ones',
  keepsakeId: 'keepsakes',
  tripId: 'trips',
  legId: 'trip_legs',
  travellerId: 'trip_travellers',
  tripKeepsakeId: 'trip_keepsakes',
  itemId: 'checklist_items',
  checkId: 'leg_checks',
  confirmationId: 'check_confirmations',
  templateId: 'checklist_templates',
} as const satisfies Record<string, keyof Database>;

type ScopedTable = (typeof scopedParams)[keyof typeof scopedParams];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isScopedParam = (name: string): name is keyof typeof scopedParams => Object.hasOwn(scopedParams, name);

export function registerScope(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onRoute', (route) => {
    for (const [, name] of route.url.matchAll(/:([A-Za-z]+)/g)) {
      if (name && !isScopedParam(name)) {
        throw new Error(`Route ${route.url} has parameter :${name}, which plugins/scope.ts does not know`);
      }
    }
  });

  app.addHook('preValidation', async (request) => {
    const params = request.params as Record<string, string> | undefined;
    if (!params || !request.auth) return;
    for (const [name, value] of Object.entries(params)) {
      if (!isScopedParam(name)) continue;
      if (!UUID.test(value)) throw notFound();
      const owner = await familyOf(db, scopedParams[name], value);
      if (owner !== request.auth.familyId) throw notFound();
    }
  });
}

async function familyOf(db: Kysely<Database>, table: ScopedTable, id: string): Promise<string | undefined> {
  const row = await db.selectFrom(table).select('family_id').where('id', '=', id).executeTakeFirst();
  return row?.family_id;
}
