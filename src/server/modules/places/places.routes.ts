import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lovedOnePlacesResponse, placeSearchQuery, placeSearchResponse } from '../../../contracts/places.js';
import { requireAuth } from '../../plugins/auth.js';
import type { PlacesService } from './places.service.js';

const tags = ['places'];

export const placesRoutes: FastifyPluginAsyncZod<{ places: PlacesService }> = async (app, { places }) => {
  // The same for every family and changed only with the app, so the browser may keep an answer.
  app.get(
    '/api/places',
    {
      config: { access: 'trips.read' },
      schema: { tags, querystring: placeSearchQuery, response: { 200: placeSearchResponse } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'private, max-age=86400');
      return { places: places.search(request.query) };
    },
  );

  // Trips a keepsake came on: read with the trips' permission, as the trip pages are.
  app.get(
    '/api/loved-ones/:lovedOneId/places',
    {
      config: { access: 'trips.read' },
      schema: {
        tags,
        params: z.object({ lovedOneId: z.string() }),
        response: { 200: lovedOnePlacesResponse },
      },
    },
    async (request) => places.ofLovedOne(requireAuth(request), request.params.lovedOneId),
  );
};
