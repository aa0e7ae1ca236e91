import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addTripKeepsakeBody,
  createTravellerBody,
  createTripBody,
  linkTravellerBody,
  tripDetailResponse,
  tripsResponse,
  updateTripBody,
  updateTripKeepsakeBody,
} from '../../../contracts/trips.js';
import { requireAuth } from '../../plugins/auth.js';
import { PrecompressedAnswer } from '../../precompressed-answer.js';
import { RevisionCache } from '../../revision-cache.js';
import { presentTripDetail, presentTripSummary } from './trips.presenter.js';
import type { TripsService } from './trips.service.js';

const tags = ['trips'];
const tripParams = z.object({ tripId: z.string() });

export const tripsRoutes: FastifyPluginAsyncZod<{ trips: TripsService; checkContracts: boolean }> = async (
  app,
  { trips, checkContracts },
) => {
  // A trip's own answer is what a phone reads on the day of travel, and working it out (seven
  // queries, every check evaluated) cost about 1.2 ms of CPU: 818 answers a second against the
  // checklist's 12,945 in the same bench. It depends only on the family's data (named by its
  // revision, raised in the same transaction as every change) and the reader's role (what they may
  // do), so it is kept per family revision and role, as the checklist is (revision-cache.ts). A
  // check's evaluation does not depend on the clock: early or not is the confirmation's time
  // against when its check opens.
  const details = new RevisionCache<PrecompressedAnswer>();

  app.get(
    '/api/trips',
    { config: { access: 'trips.read' }, schema: { tags, response: { 200: tripsResponse } } },
    async (request) => ({ trips: (await trips.list(requireAuth(request))).map(presentTripSummary) }),
  );

  app.post(
    '/api/trips',
    {
      config: { access: 'trips.write' },
      schema: { tags, body: createTripBody, response: { 201: tripDetailResponse } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      return reply.code(201).send(presentTripDetail(auth, await trips.create(auth, request.body)));
    },
  );

  app.get(
    '/api/trips/:tripId',
    {
      config: { access: 'trips.read' },
      schema: { tags, params: tripParams, response: { 200: tripDetailResponse } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const key = `${auth.familyId}:${request.params.tripId}:${auth.role}`;
      const answer = await details.getOrMake(key, auth.familyRevision, async () => {
        const presented = presentTripDetail(auth, await trips.view(auth, request.params.tripId));
        if (checkContracts) tripDetailResponse.parse(presented);
        return PrecompressedAnswer.of(presented);
      });
      return answer.send(request, reply);
    },
  );

  app.patch(
    '/api/trips/:tripId',
    {
      config: { access: 'trips.write' },
      schema: { tags, params: tripParams, body: updateTripBody, response: { 200: tripDetailResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      return presentTripDetail(auth, await trips.update(auth, request.params.tripId, request.body));
    },
  );

  app.delete(
    '/api/trips/:tripId',
    { config: { access: 'trips.write' }, schema: { tags, params: tripParams } },
    async (request, reply) => {
      await trips.remove(requireAuth(request), request.params.tripId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/trips/:tripId/travellers',
    {
      config: { access: 'trips.write' },
      schema: { tags, params: tripParams, body: createTravellerBody, response: { 201: tripDetailResponse } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const view = await trips.addTraveller(auth, request.params.tripId, request.body);
      return reply.code(201).send(presentTripDetail(auth, view));
    },
  );

  app.delete(
    '/api/travellers/:travellerId',
    {
      config: { access: 'trips.write' },
      schema: { tags, params: z.object({ travellerId: z.string() }), response: { 200: tripDetailResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      return presentTripDetail(auth, await trips.removeTraveller(auth, request.params.travellerId));
    },
  );

  app.post(
    '/api/travellers/:travellerId/member',
    {
      config: { access: 'trips.write' },
      schema: {
        tags,
        params: z.object({ travellerId: z.string() }),
        body: linkTravellerBody,
        response: { 200: tripDetailResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return presentTripDetail(
        auth,
        await trips.linkTraveller(auth, request.params.travellerId, request.body),
      );
    },
  );

  app.post(
    '/api/trips/:tripId/keepsakes',
    {
      config: { access: 'trips.write' },
      schema: { tags, params: tripParams, body: addTripKeepsakeBody, response: { 201: tripDetailResponse } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const view = await trips.addKeepsake(auth, request.params.tripId, request.body);
      return reply.code(201).send(presentTripDetail(auth, view));
    },
  );

  const tripKeepsakeParams = z.object({ tripKeepsakeId: z.string() });
  app.patch(
    '/api/trip-keepsakes/:tripKeepsakeId',
    {
      config: { access: 'trips.write' },
      schema: {
        tags,
        params: tripKeepsakeParams,
        body: updateTripKeepsakeBody,
        response: { 200: tripDetailResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return presentTripDetail(
        auth,
        await trips.updateKeepsake(auth, request.params.tripKeepsakeId, request.body),
      );
    },
  );

  app.delete(
    '/api/trip-keepsakes/:tripKeepsakeId',
    {
      config: { access: 'trips.write' },
      schema: { tags, params: tripKeepsakeParams, response: { 200: tripDetailResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      return presentTripDetail(auth, await trips.removeKeepsake(auth, request.params.tripKeepsakeId));
    },
  );
};
