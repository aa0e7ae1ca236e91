import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, sessionRoles, type Permission, type SessionRole } from '../contracts/permissions.js';
import { buildTestApp, type TestApp } from './test/app.js';
import { addMember, childMode, createFamily, type Family } from './test/factories.js';
import type { Client } from './test/app.js';
import { populateFamily, ROUTE_TABLE_TIMEOUT_MS, type ResourceIds } from './test/populate.js';
import { allTables, snapshotData } from './test/snapshot.js';

// Every route checks the member's role on the server: walking the route table, a member whose role
// lacks a route's permission gets 403 and nothing changes; one whose role has it is never refused
// for their role.

let t: TestApp;
let owner: Family;
let ids: ResourceIds;
// Each session role, the child-mode session (a child profile on a handed-over phone) included.
const members = {} as Record<SessionRole, Pick<Family, 'client'> & { client: Client }>;

beforeAll(async () => {
  t = await buildTestApp();
  owner = await createFamily(t.app, { displayName: 'Olive' });
  ids = await populateFamily(owner, 'Jack', t.container.db.kysely);
  members.owner = owner;
  for (const role of ['adult', 'child', 'viewer'] as const)
    members[role] = await addMember(t.app, t.container.db.kysely, owner, role);
  members.childProfile = await childMode(t.app, t.container.db.kysely, owner, {
    childProfileId: ids.childProfileId!,
  });
});
afterAll(() => t.close());

const fill = (url: string) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name]!);

/** Reads that answer only for a range the family chose (without one they refuse, naming the field). */
const queryOf: Record<string, string> = {
  '/api/loved-ones/:lovedOneId/books/candidates': '?from=2026-01-01&to=2026-12-31',
};

/**
 * Reads of what belongs to the member who asked for it (the owner here, in populate.ts), with the
 * address the owner reads it at: a family's archive holds its asker's own private entries.
 */
const askersOwn: Record<string, (owner: Client) => Promise<string>> = {
  '/api/family-exports/:exportId': async () => fill('/api/family-exports/:exportId'),
  // An import is its asker's alone too, whatever family they are in.
  '/api/family-imports/:importId': async () => fill('/api/family-imports/:importId'),
  '/api/family-exports/:exportId/file': async (owner) =>
    (await owner.post(fill('/api/family-exports/:exportId/link'))).json<{ url: string }>().url,
};

// Each test walks the whole route table, so its work grows with every route a module adds: a
// generous cap (machines are noisy; on a busy 2-core machine the PostgreSQL run took 26 s of 30).
describe('roles', { timeout: ROUTE_TABLE_TIMEOUT_MS }, () => {
  it('a child can see trips, tick items and confirm keepsakes, but cannot change or delete anything else', () => {
    expect(can('child', 'checklist.tick')).toBe(true);
    expect(can('child', 'keepsakes.confirm')).toBe(true);
    expect(can('child', 'trips.write')).toBe(false);
    expect(can('child', 'lovedOnes.write')).toBe(false);
    expect(can('viewer', 'trips.read')).toBe(false);
    expect(can('adult', 'family.manage')).toBe(false);
  });

  it('gives a child profile in child mode its own view and nothing else', () => {
    for (const permission of ['family.read', 'trips.read', 'lovedOnes.read', 'keepsakes.confirm'] as const)
      expect(can('childProfile', permission)).toBe(false);
    expect(can('childProfile', 'childMode.use')).toBe(true);
    for (const role of ['owner', 'adult', 'child', 'viewer'] as const)
      expect(can(role, 'childMode.use')).toBe(false);
  });

  it('refuses every route to a role without its permission, and changes nothing', async () => {
    const guarded = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && r.access !== 'public' && r.url !== '/api/auth/sign-out',
    );
    let refusals = 0;
    for (const role of sessionRoles) {
      for (const route of guarded) {
        if (can(role, route.access as Permission)) continue;
        const before = await snapshotData(t.container.db.kysely, allTables);
        const response = await members[role].client.request({
          method: route.method,
          url: fill(route.url),
          ...(route.method !== 'GET' && route.method !== 'DELETE' && { payload: {} }),
        });
        expect(response.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
        expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(30);
    // The child-mode session is refused on every route but child mode's own.
    expect(refusals).toBeGreaterThan(guarded.length);
  });

  it('lets a role with the permission through (reads answer 200)', async () => {
    const reads = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && r.method === 'GET' && r.access !== 'public',
    );
    for (const role of sessionRoles) {
      for (const route of reads) {
        if (!can(role, route.access as Permission)) continue;
        const mine = askersOwn[route.url];
        const url = mine ? await mine(members.owner.client) : fill(route.url) + (queryOf[route.url] ?? '');
        const response = await members[role].client.get(url);
        // A member's own archive (or import) is theirs alone: 404 to anyone else, whatever their role.
        const expected = mine && role !== 'owner' ? 404 : 200;
        expect(response.statusCode, `${role} GET ${route.url}`).toBe(expected);
      }
    }
  });

  it('lets a child tick an item and confirm a keepsake, but not rename an item', async () => {
    const child = members.child.client;
    expect((await child.patch(`/api/checklist-items/${ids.itemId}`, { checked: true })).statusCode).toBe(200);
    expect(
      (await child.patch(`/api/checklist-items/${ids.itemId}`, { label: 'Something else' })).statusCode,
    ).toBe(403);
    const confirm = await child.post(`/api/leg-checks/${ids.checkId}/confirmations`, {
      travellerId: ids.travellerId,
      tripKeepsakeIds: [ids.tripKeepsakeId],
    });
    expect(confirm.statusCode).toBe(201);
  });
});
