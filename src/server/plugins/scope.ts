import type { FastifyInstance } from 'fastify';
import { notFound } from '../errors.js';
import type { OwnersRepository, PersonParam, ScopedParam } from '../owners.repository.js';
import { RevisionCache } from '../revision-cache.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every id in a URL names a family-owned row. Before a handler runs, each one is looked up and must
 * belong to the caller's family (a person's own row, such as an import, to the caller themselves); otherwise the answer is 404, exactly as if it did not exist, so no
 * family can learn that another's data is there. A route with an id parameter the owners repository
 * does not know (`scopedParams` in owners.repository.ts) fails at start-up, so a new route cannot
 * skip the check. Services still scope every query by family as a second line of defence.
 */
export function registerScope(app: FastifyInstance, owners: OwnersRepository): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return; // public pages carry tokens, not family ids
    for (const [, name] of route.url.matchAll(/:([A-Za-z]+)/g)) {
      if (name && !owners.knows(name) && !owners.knowsPerson(name)) {
        throw new Error(
          `Route ${route.url} has parameter :${name}, which owners.repository.ts does not know`,
        );
      }
    }
  });

  // A row never moves to another family and ids are never reused, so who owns an id can be
  // remembered; a row deleted since is simply not found by the service that reads it.
  const known = new RevisionCache<string>(20_000);

  async function ownerOf(name: ScopedParam, id: string): Promise<string | undefined> {
    const owner = await owners.ownerOf(name, id);
    if (owner !== undefined) known.set(id, 0, owner);
    return owner;
  }

  // A callback hook, so that the common case (every owner already known) costs no promise.
  app.addHook('preValidation', (request, _reply, done) => {
    const params = request.params as Record<string, string> | undefined;
    const auth = request.auth;
    if (!params || !auth) return done();
    const unknown: Array<[ScopedParam, string]> = [];
    const people: Array<[PersonParam, string]> = [];
    for (const [name, value] of Object.entries(params)) {
      if (owners.knowsPerson(name)) {
        if (!UUID.test(value)) return done(notFound());
        people.push([name, value]);
        continue;
      }
      if (!owners.knows(name)) continue;
      if (!UUID.test(value)) return done(notFound());
      const owner = known.get(value, 0);
      if (owner === undefined) unknown.push([name, value]);
      else if (owner !== auth.familyId) return done(notFound());
    }
    if (unknown.length === 0 && people.length === 0) return done();
    Promise.all([
      ...unknown.map(async ([name, value]) => (await ownerOf(name, value)) === auth.familyId),
      // A person's row: theirs alone, whichever family they are in now (never their child mode's).
      ...people.map(
        async ([name, value]) =>
          auth.childProfileId === null && (await owners.personOf(name, value)) === auth.userId,
      ),
    ]).then(
      (mine) => done(mine.every(Boolean) ? undefined : notFound()),
      (error: Error) => done(error),
    );
  });
}
