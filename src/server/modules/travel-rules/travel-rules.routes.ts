import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { carrierChoices as carrierChoicesResponse } from '../../../contracts/carriers.js';
import { packetQuery, tickRequirementBody, tripRulesResponse } from '../../../contracts/trip-rules.js';
import { carrierChoices } from '../../../domain/travel-rules/index.js';
import { requireAuth } from '../../plugins/auth.js';
import { packetInput } from './packet.js';
import { renderPacket } from './packet.pdf.js';
import { slug, type TravelRulesService } from './travel-rules.service.js';

const tags = ['travel rules'];
const tripParams = z.object({ tripId: z.string() });

export const travelRulesRoutes: FastifyPluginAsyncZod<{ travelRules: TravelRulesService }> = async (
  app,
  { travelRules },
) => {
  app.get(
    '/api/trips/:tripId/travel-rules',
    {
      config: { access: 'trips.read' },
      schema: { tags, params: tripParams, response: { 200: tripRulesResponse } },
    },
    async (request) => (await travelRules.forTrip(requireAuth(request), request.params.tripId)).rules,
  );

  // The companies a leg can name, for the form's suggestions. The same for every family, and it
  // changes only when the app does, so the browser may keep it for a day.
  app.get(
    '/api/carriers',
    { config: { access: 'trips.read' }, schema: { tags, response: { 200: carrierChoicesResponse } } },
    async (_request, reply) => {
      void reply.header('cache-control', 'private, max-age=86400');
      return carrierChoices();
    },
  );

  app.post(
    '/api/trips/:tripId/travel-rules/ticks',
    {
      config: { access: 'checklist.tick', followUp: false },
      schema: { tags, params: tripParams, body: tickRequirementBody, response: { 200: tripRulesResponse } },
    },
    async (request) => travelRules.tick(requireAuth(request), request.params.tripId, request.body),
  );

  app.get(
    '/api/trips/:tripId/packet.pdf',
    {
      config: { access: 'trips.read', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, params: tripParams, querystring: packetQuery },
    },
    async (request, reply) => {
      const facts = await travelRules.packet(requireAuth(request), request.params.tripId);
      const pdf = await renderPacket(
        packetInput({ ...facts, shownName: request.query.shownName, paper: request.query.paper }),
      );
      const { view } = facts;
      const name = `travel-packet-${slug(view.trip.name) || 'trip'}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .header('cache-control', 'private, no-cache')
        .send(pdf);
    },
  );
};
