import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allEndpoints, pathOf, type AnyEndpoint } from '../contracts/endpoints.js';
import { buildTestApp, type TestApp } from './test/app.js';

// The endpoint table (contracts/endpoints.ts) is what the web app's client is built on. This proves
// it describes the server exactly: the same routes, and for each the same path parameters, body,
// query and success answer, compared through the OpenAPI document both produce from their zod
// schemas. A route added, removed or changed on either side fails here.

type Operation = {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
};
type Paths = Record<string, Record<string, Operation>>;

/** The OpenAPI document the table would give, built the way the server builds its own. */
async function tableDocument(endpoints: AnyEndpoint[]): Promise<Paths> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 't', version: '0' } },
    transform: jsonSchemaTransform,
  });
  for (const e of endpoints) {
    const names = [...e.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
    app.route({
      method: e.method,
      url: e.path,
      schema: {
        ...(names.length > 0 && { params: z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) }),
        ...(e.body && { body: e.body }),
        ...(e.query && { querystring: e.query }),
        ...(e.response && { response: { [e.status]: e.response } }),
      },
      handler: async () => null,
    });
  }
  await app.ready();
  const doc = app.swagger() as { paths: Paths };
  await app.close();
  return doc.paths;
}

/** What the comparison looks at: parameters, body and the success answers (tags and the like aside). */
function shape(operation: Operation) {
  const success = Object.fromEntries(
    Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status)),
  );
  return {
    parameters: operation.parameters ?? [],
    requestBody: operation.requestBody ?? null,
    success,
  };
}

let t: TestApp;
let serverPaths: Paths;
beforeAll(async () => {
  t = await buildTestApp();
  serverPaths = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Paths }>()
    .paths;
});
afterAll(() => t.close());

describe('the endpoint table', () => {
  it('lists every /api route the server registers, and no other', () => {
    const registered = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    const table = allEndpoints()
      .map((e) => `${e.method} ${e.path}`)
      .sort();
    expect(table).toEqual(registered);
    expect(new Set(table).size).toBe(table.length);
  });

  it('gives each route the server’s own parameters, body, query and success answer', async () => {
    const fromTable = await tableDocument(allEndpoints());
    for (const e of allEndpoints()) {
      const path = e.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const method = e.method.toLowerCase();
      const server = serverPaths[path]?.[method];
      const table = fromTable[path]?.[method];
      expect(server, `${e.method} ${e.path} on the server`).toBeDefined();
      expect(shape(table!), `${e.method} ${e.path}`).toEqual(shape(server!));
    }
  });

  it('answers a success with the status the table says', () => {
    // Routes that declare an answer's schema name its status in the document. Those that answer
    // with no body (204) or not JSON (the packet) declare none: OpenAPI shows them as a plain 200.
    for (const e of allEndpoints()) {
      const path = e.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const responses = serverPaths[path]?.[e.method.toLowerCase()]?.responses ?? {};
      const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
      if (e.response) expect(success, `${e.method} ${e.path}`).toEqual([String(e.status)]);
      else expect(e.status === 204 || e.produces !== undefined, `${e.method} ${e.path}`).toBe(true);
    }
  });
});

describe('filling in a path', () => {
  it('encodes each value as one segment and refuses a missing one', () => {
    expect(pathOf('/api/trips/:tripId/legs', { tripId: 'a/b?c' })).toBe('/api/trips/a%2Fb%3Fc/legs');
    expect(() => pathOf('/api/trips/:tripId', { tripId: '' })).toThrow(/tripId/);
  });
});
