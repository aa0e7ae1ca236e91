import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { familyEventsQuery, familyRevisionResponse } from '../../../contracts/live.js';
import { requireAuth } from '../../plugins/auth.js';
import type { LiveHub } from './live.hub.js';

const tags = ['family'];

/** `Last-Event-ID`, sent by an EventSource reconnecting by itself: a revision, or nothing useful. */
function lastEventId(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

const wantsStream = (accept: string | undefined): boolean =>
  accept !== undefined && accept.toLowerCase().includes('text/event-stream');

export const liveRoutes: FastifyPluginAsyncZod<{ hub: LiveHub }> = async (app, { hub }) => {
  // The server closing (SIGTERM) waits for open requests: streams end first, and the apps reconnect.
  app.addHook('preClose', (done) => {
    hub.closeAll();
    done();
  });

  app.get(
    '/api/family/events',
    {
      config: { access: 'family.read' },
      schema: { tags, querystring: familyEventsQuery, response: { 200: familyRevisionResponse } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      // Asked as an ordinary read (tests, a client without EventSource): the revision, once.
      if (!wantsStream(request.headers.accept)) return { revision: auth.familyRevision };

      const token = request.cookies[app.cookiePolicy.session] ?? '';
      const body = new PassThrough();
      const stream = hub.open({
        auth,
        token,
        since: request.query.since ?? lastEventId(request.headers['last-event-id']),
        sink: { write: (text) => body.write(text), end: () => body.end() },
      });
      request.raw.on('close', () => stream.close());
      body.on('error', () => stream.close());
      return (
        reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache, no-transform')
          .header('x-accel-buffering', 'no')
          // A stream is sent as it is (no serializer); the declared schema is the JSON answer's.
          .send(body as never)
      );
    },
  );
};
