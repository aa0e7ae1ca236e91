import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponse } from '../contracts/accounts.js';
import { CONTRACTS_HEADER } from '../contracts/paths.js';
import { schemaVersion } from '../db/migrate.js';
import type { Container } from './container.js';
import { ownersRepository } from './owners.repository.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { loggerOptions } from './plugins/logging.js';
import { registerOpenApi, registerOpenApiRoute } from './plugins/openapi.js';
import { registerScope } from './plugins/scope.js';
import { registerCompression } from './plugins/compression.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { contractsFingerprint } from './contracts-fingerprint.js';
import { registerTestClock } from './plugins/test-clock.js';
import { isAppNavigation, registerWebApp, sendAppShell } from './plugins/web-app.js';

/** The contracts this server answers by, named once per process (see contracts-fingerprint.ts). */
const CONTRACTS = contractsFingerprint();

/** One registered route, as the cross-family and bad-input tests walk them. */
export interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface AppOptions {
  /** Folder of the built web app; the API runs without it (tests, `npm run dev`). */
  webRoot?: string | undefined;
  /** Where log lines go (tests read them back); standard output otherwise. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the HTTP app around a container. Tests call this and use `app.inject`. */
export async function buildApp(container: Container, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = container;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Presenters already list every field of a response (STYLE.md rule 6). Checking each response
  // against its zod contract is done in tests; in production plain JSON is enough and much cheaper.
  if (config.validateResponses) app.setSerializerCompiler(serializerCompiler);
  else app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // The server's own route table, recorded as routes register, so tests can prove that every route
  // (including ones added later) is guarded.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });

  registerErrorHandler(app);
  await app.register(cookie);
  registerSecurityHeaders(app, {
    https: config.secureCookies,
    // Which contracts this server answers by: a page built with others is told to reload rather than
    // that something went wrong, when an answer breaks its contract (src/web/lib/client.ts).
    answersAlsoCarry: { [CONTRACTS_HEADER]: CONTRACTS },
  });
  await registerCompression(app);
  // Limits are set per route (sign-in, sign-up); a global limit would throttle a family's own device.
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);

  registerAuth(app, {
    accounts: container.accounts,
    secureCookies: config.secureCookies,
    baseUrl: config.baseUrl,
    changes: container.changes,
  });
  registerScope(app, ownersRepository(container.db));

  const debugLogged = config.logLevel === 'debug' || config.logLevel === 'trace';
  app.addHook('onResponse', (request, reply, done) => {
    // One line per request, naming the route pattern rather than the URL, so ids and tokens in
    // paths never reach the log; bodies are never logged. Successful reads are logged at debug:
    // they are most of the traffic, tell an operator little, and cost ~7 µs each (performance.md).
    const quiet = reply.statusCode < 400 && (request.method === 'GET' || request.method === 'HEAD');
    if (!quiet || debugLogged) {
      request.log[quiet ? 'debug' : 'info'](
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });

  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: healthResponse } } },
    async () => ({
      status: 'ok' as const,
      database: container.db.dialect,
      schemaVersion: await schemaVersion(container.db),
    }),
  );
  registerOpenApiRoute(app);
  if (container.testClock) registerTestClock(app, container.testClock);

  for (const { built } of container.modules) {
    for (const routes of built.routes ?? []) await routes(app);
  }

  const hasWebApp = options.webRoot ? await registerWebApp(app, options.webRoot) : false;
  // The front door (and the installed app's start page): the static server does not list folders.
  if (hasWebApp) app.get('/', (_request, reply) => sendAppShell(reply));
  app.setNotFoundHandler((request, reply) => {
    if (hasWebApp && isAppNavigation(request)) return sendAppShell(reply);
    return reply.code(404).send({
      error: { code: 'not_found', message: 'We could not find that. It may have been moved or removed.' },
    });
  });

  await app.ready();
  return app;
}
