import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TripRulesResponse } from '../contracts/trip-rules.js';
import { buildTestApp, type TestApp } from './test/app.js';
import {
  childMode,
  createFamily,
  outboundFlight,
  type ChildModePhone,
  type Family,
} from './test/factories.js';
import { populateFamily, ROUTE_TABLE_TIMEOUT_MS, type ResourceIds } from './test/populate.js';
import { allTables, snapshotData } from './test/snapshot.js';

// Every write endpoint answers malformed, missing, oversized and wrongly typed input with 400 (413 for
// a body over the size limit), names the field, and stores nothing. Cases are generated from each
// route's own request schema in the OpenAPI document, starting from one valid body per route.

let t: TestApp;
let family: Family;
let ids: ResourceIds & { memberId: string };
let tickKey: string;
/** Child mode's own routes are sent from a phone in child mode (every other session is refused). */
let phone: ChildModePhone;

beforeAll(async () => {
  t = await buildTestApp();
  family = await createFamily(t.app);
  ids = await populateFamily(family, 'Jack', t.container.db.kysely);
  phone = await childMode(t.app, t.container.db.kysely, family, { childProfileId: ids.childProfileId! });
  const rules = (await family.client.get(`/api/trips/${ids.tripId}/travel-rules`)).json<TripRulesResponse>();
  tickKey = rules.carrying[0]!.legs[0]!.requirements[0]!.key;
  // Every route that takes a JSON body, as the OpenAPI document (made from the route table) says.
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  bodyRoutes = new Set(
    Object.entries<Record<string, { requestBody?: unknown }>>(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody)
        .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`),
    ),
  );
});
afterAll(() => t.close());

type Body = Record<string, unknown>;
/** One valid body per write route ("METHOD url-pattern"). */
const validBodies = (): Record<string, Body> => ({
  'POST /api/auth/sign-up': {
    displayName: 'Ann',
    email: 'new@example.com',
    password: 'a long and gentle password',
    familyName: 'F',
    homeZone: 'Europe/London',
  },
  'POST /api/auth/sign-up/finish': { token: 'A'.repeat(43) },
  'POST /api/auth/sign-in': { email: 'new@example.com', password: 'a long and gentle password' },
  'POST /api/account/password': {
    currentPassword: 'a long and gentle password',
    newPassword: 'another long and gentle sentence',
  },
  'POST /api/auth/password-reset': { email: 'new@example.com' },
  'POST /api/auth/password-reset/confirm': {
    token: 'A'.repeat(43),
    newPassword: 'another long and gentle sentence',
  },
  'POST /api/account/email': {
    newEmail: 'moved@example.com',
    currentPassword: 'a long and gentle password',
  },
  'POST /api/account/email/confirm': { token: 'A'.repeat(43) },
  'POST /api/account/reauthenticate': { currentPassword: 'a long and gentle password' },
  'POST /api/family/deletion': { currentPassword: 'a long and gentle password' },
  'POST /api/account/deletion': { currentPassword: 'a long and gentle password' },
  'PATCH /api/family': { name: 'Renamed', homeZone: 'Europe/Paris', country: 'FR' },
  'POST /api/family/invites': { role: 'adult', forName: 'Sam', maxUses: 2, expiresInDays: 7 },
  'PATCH /api/family/members/:memberId': { role: 'owner' },
  'POST /api/join/preview': { invite: 'KQ7M-XH3D-R9TP' },
  'POST /api/join/sign-up': {
    invite: 'KQ7M-XH3D-R9TP',
    displayName: 'Sam',
    email: 'sam@example.com',
    password: 'a long and gentle password',
  },
  'POST /api/join': { invite: 'KQ7M-XH3D-R9TP' },
  'POST /api/join/sign-in': {
    invite: 'KQ7M-XH3D-R9TP',
    email: 'new@example.com',
    password: 'a long and gentle password',
  },
  'POST /api/account/family': { familyId: family.session.family.id },
  'POST /api/loved-ones': {
    name: 'Nell',
    kind: 'adult',
    dateOfBirth: '1940-01-02',
    dateOfDeath: '2020-05-06',
    story: 'Loved the sea.',
  },
  'PATCH /api/loved-ones/:lovedOneId': { name: 'Jack Rivers', gestationWeeks: 21 },
  'POST /api/loved-ones/:lovedOneId/keepsakes': {
    name: 'Locket',
    kind: 'jewellery',
    container: 'metal',
    travelsWithUs: false,
    weightGrams: 12,
  },
  'PATCH /api/keepsakes/:keepsakeId': { name: 'Small box', weightGrams: 300 },
  'POST /api/trips': {
    name: 'Coast',
    purpose: 'carry',
    requireTwoPeople: false,
    startsOn: '2026-08-01',
    endsOn: '2026-08-03',
  },
  'PATCH /api/trips/:tripId': { name: 'Coast again', notes: 'Bring the glass.' },
  'POST /api/trips/:tripId/travellers': { name: 'Tom', isChild: true },
  'POST /api/travellers/:travellerId/member': { memberId: ids.memberId },
  'POST /api/trips/:tripId/keepsakes': { keepsakeId: ids.keepsakeId, bagDescription: 'rucksack' },
  'PATCH /api/trip-keepsakes/:tripKeepsakeId': { bagDescription: 'blue rucksack' },
  'POST /api/trips/:tripId/legs': { ...outboundFlight, departureLocal: '2026-07-02T10:00' },
  'PATCH /api/legs/:legId': { carrier: 'IB', departureLocal: '2026-07-01T11:00' },
  'POST /api/trips/:tripId/checklist': { label: 'Sun hat', scope: 'shared' },
  'PATCH /api/checklist-items/:itemId': { label: 'Warm blanket' },
  'POST /api/leg-checks/:checkId/confirmations': {
    travellerId: ids.travellerId,
    tripKeepsakeIds: [ids.tripKeepsakeId],
  },
  'POST /api/trips/:tripId/save-as-template': { name: 'Beach list' },
  'POST /api/trips/:tripId/travel-rules/ticks': { key: tickKey, ticked: true },
  'POST /api/remembrance/days': {
    title: 'Planting day',
    date: '2026-04-01',
    recurrence: 'yearly',
    time: '10:00',
    lovedOneId: ids.lovedOneId,
  },
  'POST /api/supporters': {
    name: 'Nan',
    email: 'nan@example.com',
    timeZone: 'Europe/Paris',
    days: [{ dayId: ids.dayId, suggestion: 'Light a candle for Jack at 7pm' }],
  },
  'PUT /api/supporters/:supporterId/days': { days: [{ dayId: ids.dayId, suggestion: 'A candle at 7pm' }] },
  'POST /api/supporter-links/confirm': { token: 'A'.repeat(43) },
  'POST /api/supporter-links/reply/preview': { token: `${ids.supporterId}.2026-10-15.${'A'.repeat(43)}` },
  'POST /api/supporter-links/reply': {
    token: `${ids.supporterId}.2026-10-15.${'A'.repeat(43)}`,
    message: 'Thinking of you all',
  },
  'POST /api/supporter-links/stop': { token: `${ids.supporterId}.${'A'.repeat(43)}` },
  'PUT /api/reminders/preferences': {
    preferences: [
      {
        dayKind: 'awareness',
        inApp: true,
        email: false,
        leads: ['on_day'],
        remindAt: '08:30',
        quietStart: '22:00',
        quietEnd: '07:00',
      },
    ],
  },
  'POST /api/child-profiles': { displayName: 'Mia' },
  'PATCH /api/child-profiles/:childProfileId': { birthMonth: '2019-03' },
  'POST /api/loved-ones/:lovedOneId/memory-box/letters': {
    prompt: 'If you came back for five minutes, I would…',
    text: 'Show you my new bike.',
  },
  'PATCH /api/memory-box/:memoryItemId': { parentsOnly: false },
  'POST /api/child-profiles/:childProfileId/child-mode': { pin: '2468' },
  'POST /api/child-mode/leave': { pin: '2468' },
  'POST /api/loved-ones/:lovedOneId/rituals': {
    title: 'Water for Jack',
    whatToDo: 'Set out a glass of water',
    when: 'arrival',
    whoUsually: 'The children',
    childrenPart: 'Pour the water',
  },
  'PUT /api/rituals/:ritualId': {
    title: 'Water for Jack',
    whatToDo: 'Set out a glass of water',
    when: 'arrival',
    whoUsually: 'The children',
    childrenPart: 'Pour the water',
  },
  'POST /api/loved-ones/:lovedOneId/journal': {
    kind: 'letter',
    title: 'Dear Jack',
    text: 'Dear Jack, the sea was calm today.',
    writtenFor: '2026-09-01',
  },
  'PUT /api/journal-entries/:entryId': {
    kind: 'entry',
    title: 'At the sea',
    text: 'The sea was calm today.',
    writtenFor: '2026-09-01',
  },
  'PUT /api/journal-entries/:entryId/sharing': { shared: true },
  'PUT /api/journal/settings': { prompts: false, acrossYearsHidden: false },
  'POST /api/tributes': {
    lovedOneId: ids.lovedOneId,
    mediaId: ids.mediaId,
    background: 'dawn',
    words: 'We light a candle for you',
    wording: 'would_have_been',
    forDate: '2026-03-14',
    caption: 'For Jack',
  },
  'PUT /api/tributes/:tributeId': {
    lovedOneId: ids.lovedOneId,
    mediaId: null,
    background: 'night',
    words: 'Always',
    wording: 'dates',
    forDate: '2026-03-14',
    caption: 'For Jack',
  },
  'POST /api/tributes/:tributeId/links': { expiresInDays: 7, password: 'seashells by the sea' },
  'POST /api/shared-tributes/view': { token: 'A'.repeat(43), password: 'seashells' },
  'POST /api/rituals/:ritualId/marks': {
    occurrenceKey: '2026-07-01',
    outcome: 'done',
    tookPart: 'The children',
    line: 'A line',
    mediaId: ids.mediaId,
  },
  'POST /api/child-mode/rituals/:ritualId/done': { occurrenceKey: '2026-07-01' },
  'POST /api/loved-ones/:lovedOneId/books': { from: '2026-01-01', to: '2026-12-31', paper: 'A4' },
});

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
}

const fill = (url: string) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name]!);
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');
const typesOf = (schema: JsonSchema): string[] =>
  schema.anyOf ? schema.anyOf.flatMap(typesOf) : [schema.type ?? []].flat();
const maxLengthOf = (schema: JsonSchema): number | undefined =>
  schema.maxLength ?? schema.anyOf?.map(maxLengthOf).find((n) => n !== undefined);

/** A value of a type the field does not accept. */
function wrongValue(schema: JsonSchema): unknown {
  const types = typesOf(schema);
  if (!types.includes('object') && !types.includes('array') && !types.includes('string'))
    return 'not the right kind';
  if (!types.includes('number') && !types.includes('integer') && !types.includes('boolean')) return 12345;
  return { nested: true };
}

async function schemaFor(method: string, url: string): Promise<JsonSchema> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  return doc.paths[toOpenApiPath(url)][method.toLowerCase()].requestBody.content['application/json']
    .schema as JsonSchema;
}

let bodyRoutes: Set<string>;
const writeRoutes = () => t.app.routeTable.filter((r) => bodyRoutes.has(`${r.method} ${r.url}`));

async function expectRejected(
  method: string,
  url: string,
  payload: unknown,
  field?: string,
  headers: Record<string, string> = {},
) {
  const before = await snapshotData(t.container.db.kysely, allTables);
  const client = url.startsWith('/api/child-mode/') ? phone.client : family.client;
  const response = await client.request({
    method: method,
    url: fill(url),
    payload: payload as Body,
    headers,
  });
  const label = `${method} ${url} ${JSON.stringify(payload).slice(0, 120)}`;
  expect(response.statusCode, label).toBe(400);
  expect(response.json().error.code, label).toBe('validation_failed');
  if (field) expect(Object.keys(response.json().error.fields ?? {}), label).toContain(field);
  expect(await snapshotData(t.container.db.kysely, allTables), `${label} stored something`).toBe(before);
}

// Each test walks the whole route table, so its work grows with every route a module adds: a
// generous cap (machines are noisy; on a busy 2-core machine the PostgreSQL run took 26 s of 30).
describe('bad input on every write endpoint', { timeout: ROUTE_TABLE_TIMEOUT_MS }, () => {
  it('has a valid example body for every write route, and each is accepted', async () => {
    const bodies = validBodies();
    expect(writeRoutes().length).toBeGreaterThan(18);
    for (const route of writeRoutes())
      expect(bodies, `${route.method} ${route.url}`).toHaveProperty(`${route.method} ${route.url}`);
    // The valid bodies are valid (so the rejections below are about the one thing changed).
    const response = await family.client.post('/api/loved-ones', bodies['POST /api/loved-ones']);
    expect(response.statusCode).toBe(201);
  });

  it('refuses each missing required field by name', async () => {
    for (const route of writeRoutes()) {
      const schema = await schemaFor(route.method, route.url);
      for (const field of schema.required ?? []) {
        const body = { ...validBodies()[`${route.method} ${route.url}`] };
        delete body[field];
        await expectRejected(route.method, route.url, body, field);
      }
    }
  });

  it('refuses a wrong type in each field by name', async () => {
    for (const route of writeRoutes()) {
      const schema = await schemaFor(route.method, route.url);
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        const body = { ...validBodies()[`${route.method} ${route.url}`], [field]: wrongValue(fieldSchema) };
        await expectRejected(route.method, route.url, body, field);
      }
    }
  });

  it('refuses over-long text in each field by name', async () => {
    let checked = 0;
    for (const route of writeRoutes()) {
      const schema = await schemaFor(route.method, route.url);
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        const max = maxLengthOf(fieldSchema);
        if (max === undefined) continue;
        checked++;
        const body = { ...validBodies()[`${route.method} ${route.url}`], [field]: 'x'.repeat(max + 1) };
        await expectRejected(route.method, route.url, body, field);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('refuses hidden control characters (NUL and the like) in each text field by name', async () => {
    let checked = 0;
    for (const route of writeRoutes()) {
      const schema = await schemaFor(route.method, route.url);
      for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
        if (maxLengthOf(fieldSchema) === undefined || field === 'password') continue;
        checked++;
        for (const hidden of ['\u0000', '\u0007', '\u001b']) {
          const body = { ...validBodies()[`${route.method} ${route.url}`], [field]: `Ja${hidden}ck` };
          await expectRejected(route.method, route.url, body, field);
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    // Tabs and new lines are a person's own: a story keeps them.
    const story = await family.client.post('/api/loved-ones', {
      name: 'Nell',
      kind: 'adult',
      story: 'Line one\n\tLine two\r\n',
    });
    expect(story.statusCode).toBe(201);
  });

  it('takes an empty change on every PATCH route as a change of nothing', async () => {
    const patches = writeRoutes().filter((route) => route.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(5);
    for (const route of patches) {
      const response = await family.client.request({ method: 'PATCH', url: fill(route.url), payload: {} });
      expect(response.statusCode, `PATCH ${route.url}`).toBe(200);
    }
  });

  it('refuses a departure in a year no trip is in, naming the field', async () => {
    for (const year of ['9998', '0100', '1000']) {
      await expectRejected(
        'POST',
        '/api/trips/:tripId/legs',
        { ...outboundFlight, departureLocal: `${year}-03-26T10:00` },
        'departureLocal',
      );
    }
  });

  it('refuses fields it does not know, a body that is not an object, and malformed JSON', async () => {
    for (const route of writeRoutes()) {
      await expectRejected(route.method, route.url, {
        ...validBodies()[`${route.method} ${route.url}`],
        surprise: 'field',
      });
      await expectRejected(route.method, route.url, [1, 2, 3]);
      await expectRejected(route.method, route.url, '{"name": "Jack",', undefined, {
        'content-type': 'application/json',
      });
    }
  });

  it('refuses a body over the size limit with 413 and stores nothing', async () => {
    const before = await snapshotData(t.container.db.kysely, allTables);
    const response = await family.client.post('/api/loved-ones', {
      name: 'Jack',
      kind: 'infant',
      story: 'x'.repeat(300_000),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(await snapshotData(t.container.db.kysely, allTables)).toBe(before);
  });

  it('gives messages a person can act on', async () => {
    const response = await family.client.post('/api/trips/' + ids.tripId + '/legs', {
      ...outboundFlight,
      fromCountry: 'XX',
      departureZone: 'Nowhere/Land',
      departureLocal: '2026-02-30T10:00',
    });
    const fields = response.json().error.fields;
    expect(fields.fromCountry).toBe(
      'Please choose the country of departure from the list (a two-letter code such as GB).',
    );
    expect(fields.departureZone).toContain('Please choose a time zone');
    expect(fields.departureLocal).toBe('The departure date and time is not a date that exists.');
    const trip = await family.client.post('/api/trips', {
      name: '   ',
      purpose: 'carry',
      requireTwoPeople: false,
    });
    expect(trip.json().error.fields.name).toBe('Please fill in a name for the trip.');
  });
});
