import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmKeepsakesBody,
  createLegBody,
  tripDetailResponse,
  updateLegBody,
} from '../../../contracts/trips.js';
import { requireAuth } from '../../plugins/auth.js';
import type { LegsService } from './legs.service.js';
import { presentTripDetail } from './trips.presenter.js';
import type { TripsService } from './trips.service.js';

const tags = ['trips'];
const legParams = z.object({ legId: z.string() });

/** Every change to a leg or a check answers with the whole trip, so the page redraws from one truth. */
export const legsRoutes: FastifyPluginAsyncZod<{ legs: LegsService; trips: TripsService }> = async (
  app,
  { legs, trips },
) => {
  app.post(
    '/api/trips/:tripId/legs',
    {
      config: { access: 'trips.write' },
      schema: {
        tags,
        params: z.object({ tripId: z.string() }),
        body: createLegBody,
        response: { 201: tripDetailResponse },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const tripId = await legs.createLeg(auth, request.params.tripId, request.body);
      return reply.code(201).send(presentTripDetail(auth, await trips.view(auth, tripId)));
    },
  );

  app.patch(
    '/api/legs/:legId',
    {
      config: { access: 'trips.write' },
      schema: { tags, params: legParams, body: updateLegBody, response: { 200: tripDetailResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const tripId = await legs.updateLeg(auth, request.params.legId, request.body);
      return presentTripDetail(auth, await trips.view(auth, tripId));
    },
  );

  // Anyone who marks rituals may say the family has arrived (a teen with the phone, too).
  app.post(
    '/api/trips/:tripId/arrived',
    {
      config: { access: 'rituals.mark' },
      schema: { tags, params: z.object({ tripId: z.string() }), response: { 200: tripDetailResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const tripId = await legs.recordArrival(auth, request.params.tripId);
      return presentTripDetail(auth, await trips.view(auth, tripId));
    },
  );

  app.delete(
    '/api/legs/:legId',
    {
      config: { access: 'trips.write' },
      schema: { tags, params: legParams, response: { 200: tripDetailResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const tripId = await legs.removeLeg(auth, request.params.legId);
      return presentTripDetail(auth, await trips.view(auth, tripId));
    },
  );

  app.post(
    '/api/leg-checks/:checkId/confirmations',
    {
      config: { access: 'keepsakes.confirm' },
      schema: {
        tags,
        params: z.object({ checkId: z.string() }),
        body: confirmKeepsakesBody,
        response: { 201: tripDetailResponse },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const tripId = await legs.confirm(auth, request.params.checkId, request.body);
      return reply.code(201).send(presentTripDetail(auth, await trips.view(auth, tripId)));
    },
  );

  app.delete(
    '/api/check-confirmations/:confirmationId',
    {
      config: { access: 'keepsakes.confirm' },
      schema: {
        tags,
        params: z.object({ confirmationId: z.string() }),
        response: { 200: tripDetailResponse },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const tripId = await legs.unconfirm(auth, request.params.confirmationId);
      return presentTripDetail(auth, await trips.view(auth, tripId));
    },
  );
};
