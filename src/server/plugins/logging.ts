import type { FastifyServerOptions } from 'fastify';

/**
 * Structured JSON logs (pino). Request bodies are never logged, so passwords and journal text
 * cannot reach a log; cookies, CSRF tokens and authorisation headers are redacted should a
 * request object ever be logged, and URLs are replaced by route patterns (see app.ts).
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream && { stream }),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'body',
        'password',
        '*.password',
        'token',
        '*.token',
        'pin',
        '*.pin',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string } }) => ({
        method: request.method,
        route: request.routeOptions?.url,
      }),
    },
  };
}
