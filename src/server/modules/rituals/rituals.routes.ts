import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  childRitualDoneBody,
  childRitualsResponse,
  dueRitualsResponse,
  markRitualBody,
  ritualBody,
  ritualMarksResponse,
  ritualsResponse,
} from '../../../contracts/rituals.js';
import { requireAuth } from '../../plugins/auth.js';
import type { RitualsService } from './rituals.service.js';

// Members who see loved ones see their rituals ('rituals.read'); owners and adults add, change and
// remove them ('rituals.write'); whoever takes part marks a card ('rituals.mark', a teen too). In
// child mode ('childMode.use') a child sees the cards due and says "We did it".

const tags = ['rituals'];
const lovedOneParams = z.object({ lovedOneId: z.string() });
const ritualParams = z.object({ ritualId: z.string() });

export const ritualsRoutes: FastifyPluginAsyncZod<{ rituals: RitualsService }> = async (app, { rituals }) => {
  app.get(
    '/api/loved-ones/:lovedOneId/rituals',
    {
      config: { access: 'rituals.read' },
      schema: { tags, params: lovedOneParams, response: { 200: ritualsResponse } },
    },
    async (request) => ({ rituals: await rituals.list(requireAuth(request), request.params.lovedOneId) }),
  );

  app.post(
    '/api/loved-ones/:lovedOneId/rituals',
    {
      config: { access: 'rituals.write' },
      schema: { tags, params: lovedOneParams, body: ritualBody, response: { 201: ritualsResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({
        rituals: await rituals.create(requireAuth(request), request.params.lovedOneId, request.body),
      }),
  );

  app.put(
    '/api/rituals/:ritualId',
    {
      config: { access: 'rituals.write' },
      schema: { tags, params: ritualParams, body: ritualBody, response: { 200: ritualsResponse } },
    },
    async (request) => ({
      rituals: await rituals.update(requireAuth(request), request.params.ritualId, request.body),
    }),
  );

  app.delete(
    '/api/rituals/:ritualId',
    {
      config: { access: 'rituals.write' },
      schema: { tags, params: ritualParams, response: { 200: ritualsResponse } },
    },
    async (request) => ({ rituals: await rituals.remove(requireAuth(request), request.params.ritualId) }),
  );

  app.get(
    '/api/rituals/due',
    { config: { access: 'rituals.read' }, schema: { tags, response: { 200: dueRitualsResponse } } },
    async (request) => ({ due: await rituals.due(requireAuth(request)) }),
  );

  app.get(
    '/api/trips/:tripId/rituals',
    {
      config: { access: 'rituals.read' },
      schema: { tags, params: z.object({ tripId: z.string() }), response: { 200: dueRitualsResponse } },
    },
    async (request) => ({ due: await rituals.due(requireAuth(request), request.params.tripId) }),
  );

  app.post(
    '/api/rituals/:ritualId/marks',
    {
      config: { access: 'rituals.mark' },
      schema: { tags, params: ritualParams, body: markRitualBody, response: { 201: dueRitualsResponse } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ due: await rituals.mark(requireAuth(request), request.params.ritualId, request.body) }),
  );

  app.get(
    '/api/loved-ones/:lovedOneId/ritual-marks',
    {
      config: { access: 'rituals.read' },
      schema: { tags, params: lovedOneParams, response: { 200: ritualMarksResponse } },
    },
    async (request) => ({ marks: await rituals.done(requireAuth(request), request.params.lovedOneId) }),
  );

  app.get(
    '/api/child-mode/rituals',
    { config: { access: 'childMode.use' }, schema: { tags, response: { 200: childRitualsResponse } } },
    async (request) => ({ due: await rituals.childDue(requireAuth(request)) }),
  );

  app.post(
    '/api/child-mode/rituals/:ritualId/done',
    {
      config: { access: 'childMode.use' },
      schema: {
        tags,
        params: ritualParams,
        body: childRitualDoneBody,
        response: { 201: childRitualsResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ due: await rituals.childDone(requireAuth(request), request.params.ritualId, request.body) }),
  );
};
