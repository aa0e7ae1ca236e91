import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SettableClock } from '../clock.js';

/**
 * Lets browser journeys move the server's clock (e.g. to the day of travel). Registered only when
 * the TEST_CLOCK setting is on, which config.ts accepts only with NODE_ENV=test, so a production
 * server has no such route (see test-clock.api.test.ts).
 */
export function registerTestClock(app: FastifyInstance, clock: SettableClock): void {
  app.put(
    '/api/test/clock',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        body: z.object({ now: z.iso.datetime().nullable() }),
        response: { 200: z.object({ now: z.string() }) },
      },
    },
    async (request) => {
      const { now } = request.body as { now: string | null };
      if (now === null) clock.reset();
      else clock.set(now);
      return { now: new Date(clock.now()).toISOString() };
    },
  );
}
