import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personParams, scopedParams } from './owners.repository.js';
import { buildTestApp, type TestApp } from './test/app.js';
import { childMode, createFamily, type ChildModePhone, type Family } from './test/factories.js';
import { populateFamily, ROUTE_TABLE_TIMEOUT_MS, type ResourceIds } from './test/populate.js';
import { allTables, snapshotData } from './test/snapshot.js';

// No family can reach another's data through any route. The test walks the server's own route table,
// so a route added later is covered without anyone remembering to add it here.

let t: TestApp;
let a: Family;
let b: Family;
let aIds: ResourceIds & { memberId: string };
let bIds: ResourceIds & { memberId: string };
/** Family B's phone in child mode: child mode's own routes are walked with it. */
let bPhone: ChildModePhone;

beforeAll(async () => {
  t = await buildTestApp();
  a = await createFamily(t.app, { displayName: 'Alice', familyName: 'Family A' });
  b = await createFamily(t.app, { displayName: 'Bea', familyName: 'Family B' });
  aIds = await populateFamily(a, 'Arthur', t.container.db.kysely);
  bIds = await populateFamily(b, 'Bertie', t.container.db.kysely);
  bPhone = await childMode(t.app, t.container.db.kysely, b, { childProfileId: bIds.childProfileId! });
});
afterAll(() => t.close());

const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
const privateRoutes = () => apiRoutes().filter((r) => r.access !== 'public');
const fill = (url: string, ids: ResourceIds) =>
  url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? `missing-${name}`);
/** B's client whose role may call the route, so what answers is the family check, not the role check. */
const bClientFor = (route: { access?: unknown }) =>
  route.access === 'childMode.use' ? bPhone.client : b.client;
const hasBody = (method: string) => method === 'POST' || method === 'PATCH' || method === 'PUT';

describe('the route table', () => {
  it('is non-trivial, and every id parameter in it is one the test knows how to fill', () => {
    expect(privateRoutes().length).toBeGreaterThan(25);
    for (const route of apiRoutes()) {
      for (const [, name] of route.url.matchAll(/:([A-Za-z]+)/g)) {
        expect([...Object.keys(scopedParams), ...Object.keys(personParams)]).toContain(name);
        expect(aIds).toHaveProperty(name!);
      }
    }
  });
});

// Each walks the whole route table (see ROUTE_TABLE_TIMEOUT_MS).
describe('without a session', { timeout: ROUTE_TABLE_TIMEOUT_MS }, () => {
  it('every private route answers 401 and changes nothing', async () => {
    const before = await snapshotData(t.container.db.kysely, allTables);
    for (const route of privateRoutes()) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, aIds),
        ...(hasBody(route.method) && { payload: {} }),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });
});

describe("one family asking for another's data", { timeout: ROUTE_TABLE_TIMEOUT_MS }, () => {
  it("gets 404 for every route that names another family's resource, and nothing changes", async () => {
    const before = await snapshotData(t.container.db.kysely, allTables);
    const withIds = privateRoutes().filter((r) => r.url.includes(':'));
    expect(withIds.length).toBeGreaterThan(20);
    for (const route of withIds) {
      const response = await bClientFor(route).request({
        method: route.method,
        url: fill(route.url, aIds),
        ...(hasBody(route.method) && { payload: {} }),
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      expect(response.body).not.toContain('Arthur');
    }
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });

  it("never sees another family's data in any list", async () => {
    const lists = privateRoutes().filter((r) => r.method === 'GET' && !r.url.includes(':'));
    expect(lists.length).toBeGreaterThan(4);
    for (const route of lists) {
      const response = await bClientFor(route).get(route.url);
      expect(response.statusCode, route.url).toBe(200);
      for (const id of Object.values(aIds)) expect(response.body, route.url).not.toContain(id);
      expect(response.body).not.toContain('Arthur');
      expect(response.body).not.toContain('Family A');
    }
  });

  it("cannot point its own resources at another family's ids in a request body", async () => {
    const before = await snapshotData(t.container.db.kysely, allTables);
    const attempts: Array<[string, string, Record<string, unknown>]> = [
      [
        'POST',
        '/api/trips',
        { name: 'x', purpose: 'carry', requireTwoPeople: false, templateId: aIds.templateId },
      ],
      ['POST', `/api/trips/${bIds.tripId}/keepsakes`, { keepsakeId: aIds.keepsakeId, bagDescription: 'bag' }],
      ['POST', `/api/trips/${bIds.tripId}/travellers`, { memberId: aIds.memberId, isChild: false }],
      [
        'POST',
        `/api/trips/${bIds.tripId}/checklist`,
        { label: 'x', scope: 'personal', ownerTravellerId: aIds.travellerId },
      ],
      ['PATCH', `/api/trip-keepsakes/${bIds.tripKeepsakeId}`, { carrierTravellerId: aIds.travellerId }],
      // Making one's own traveller another family's member.
      ['POST', `/api/travellers/${bIds.travellerId}/member`, { memberId: aIds.memberId }],
      [
        'POST',
        `/api/leg-checks/${bIds.checkId}/confirmations`,
        { travellerId: aIds.travellerId, tripKeepsakeIds: [bIds.tripKeepsakeId] },
      ],
      [
        'POST',
        `/api/leg-checks/${bIds.checkId}/confirmations`,
        { travellerId: bIds.travellerId, tripKeepsakeIds: [aIds.tripKeepsakeId] },
      ],
      [
        'POST',
        '/api/remembrance/days',
        { title: 'x', date: '2026-01-01', recurrence: 'once', lovedOneId: aIds.lovedOneId },
      ],
      // Marking one's own ritual with another family's photo.
      [
        'POST',
        `/api/rituals/${bIds.ritualId}/marks`,
        { occurrenceKey: 'arrival:x', outcome: 'done', mediaId: aIds.mediaId },
      ],
      // A tribute of another family's loved one, or on another family's photo.
      [
        'POST',
        '/api/tributes',
        { lovedOneId: aIds.lovedOneId, background: 'sea', wording: 'dates', forDate: '2026-03-14' },
      ],
      [
        'PUT',
        `/api/tributes/${bIds.tributeId}`,
        {
          lovedOneId: bIds.lovedOneId,
          mediaId: aIds.mediaId,
          background: 'sea',
          wording: 'dates',
          forDate: '2026-03-14',
        },
      ],
      // Switching this session to a family one does not belong to.
      ['POST', '/api/account/family', { familyId: a.session.family.id }],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await b.client.request({ method: method, url, payload });
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(response.body).not.toContain('Arthur');
    }
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });

  it('covers every request body field that refers to another resource', async () => {
    // If a new body field names a resource by id, the attempts above must grow to include it.
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const covered = new Set([
      'templateId',
      'keepsakeId',
      'memberId',
      'ownerTravellerId',
      'carrierTravellerId',
      'travellerId',
      'tripKeepsakeIds',
      'lovedOneId',
      'familyId',
      // A leg's destination in the packaged gazetteer: the same for every family, owned by none.
      'toPlaceId',
      'mediaId',
    ]);
    for (const [path, operations] of Object.entries<
      Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>
    >(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const properties = operation.requestBody?.content['application/json']?.schema.properties ?? {};
        for (const field of Object.keys(properties)) {
          if (/Ids?$/.test(field))
            expect(covered, `${method.toUpperCase()} ${path} body field ${field}`).toContain(field);
        }
      }
    }
  });
});
