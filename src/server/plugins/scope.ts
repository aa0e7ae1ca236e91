import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connect.js';
import { preparedFirst } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { notFound } from '../errors.js';
import { RevisionCache } from '../revision-cache.js';

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
  dayId: 'remembrance_days',
  inboxItemId: 'inbox_items',
  sessionId: 'sessions',
} as const satisfies Record<string, keyof Database>;

/** The column a parameter's value is looked up in, where it is not the table's `id`. */
const idColumns: Partial<Record<(typeof scopedParams)[keyof typeof scopedParams], 'public_id'>> = {
  // A session is named by its public id; its stored id is the hash of its cookie's token.
  sessions: 'public_id',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isScopedParam = (name: string): name is keyof typeof scopedParams => Object.hasOwn(scopedParams, name);

export function registerScope(app: FastifyInstance, db: Pick<Db, 'kysely' | 'readFirstCompiled'>): void {
  const ownerQueries = new Map(
    Object.values(scopedParams).map((table) => [
      table,
      preparedFirst<[string], { family_id: string }>(db, (id) =>
        db.kysely
          .selectFrom(table)
          .select('family_id')
          .where(idColumns[table] ?? 'id', '=', id),
      ),
    ]),
  );

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return; // public pages carry tokens, not family ids
    for (const [, name] of route.url.matchAll(/:([A-Za-z]+)/g)) {
      if (name && !isScopedParam(name)) {
        throw new Error(`Route ${route.url} has parameter :${name}, which plugins/scope.ts does not know`);
      }
    }
  });

  // A row never moves to another family and ids are never reused, so who owns an id can be
  // remembered; a row deleted since is simply not found by the service that reads it.
  const owners = new RevisionCache<string>(20_000);

  async function ownerOf(name: keyof typeof scopedParams, id: string): Promise<string | undefined> {
    const owner = (await ownerQueries.get(scopedParams[name])!(id))?.family_id;
    if (owner !== undefined) owners.set(id, 0, owner);
    return owner;
  }

  // A callback hook, so that the common case (every owner already known) costs no promise.
  app.addHook('preValidation', (request, _reply, done) => {
    const params = request.params as Record<string, string> | undefined;
    const auth = request.auth;
    if (!params || !auth) return done();
    const unknown: Array<[keyof typeof scopedParams, string]> = [];
    for (const [name, value] of Object.entries(params)) {
      if (!isScopedParam(name)) continue;
      if (!UUID.test(value)) return done(notFound());
      const owner = owners.get(value, 0);
      if (owner === undefined) unknown.push([name, value]);
      else if (owner !== auth.familyId) return done(notFound());
    }
    if (unknown.length === 0) return done();
    Promise.all(unknown.map(([name, value]) => ownerOf(name, value))).then(
      (found) => done(found.every((owner) => owner === auth.familyId) ? undefined : notFound()),
      (error: Error) => done(error),
    );
  });
}
