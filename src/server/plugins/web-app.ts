import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Files whose names carry a hash of their content: they never change, so they are kept a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, the service worker, the manifest): asked again every time. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built PWA from the same process. The build writes brotli and gzip copies beside each
 * text file (`scripts/vite-precompress.ts`); the one the browser accepts is sent as it is, with
 * `Vary: Accept-Encoding`, so nothing is compressed per request. Hashed assets are cached for a
 * year; index.html and the service worker are revalidated every time so an update reaches families
 * promptly.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<boolean> {
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  const assets = join(webRoot, 'assets') + sep;
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    index: false,
    wildcard: true,
    preCompressed: true,
    setHeaders(reply, path) {
      // `path` is the file sent: for a compressed copy, `…/assets/index-abc.js.br`.
      reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });
  return true;
}

/** Paths the browser navigates to (/, /trips/…) get the app shell; the router takes over there. */
export function isAppNavigation(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    !request.url.startsWith('/api/') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/** The app shell (index.html), compressed as the browser accepts, never kept without asking again. */
export function sendAppShell(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', REVALIDATE).sendFile('index.html');
}
