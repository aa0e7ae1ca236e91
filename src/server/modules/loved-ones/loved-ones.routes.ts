import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createKeepsakeBody,
  createLovedOneBody,
  keepsakeResponse,
  keepsakesResponse,
  lovedOneRemovalResponse,
  lovedOneResponse,
  lovedOnesResponse,
  updateKeepsakeBody,
  updateLovedOneBody,
} from '../../../contracts/loved-ones.js';
import { requireAuth } from '../../plugins/auth.js';
import type { AuthContext } from '../accounts/index.js';
import type { LovedOnesService } from './loved-ones.service.js';

const lovedOneParams = z.object({ lovedOneId: z.string() });
const keepsakeParams = z.object({ keepsakeId: z.string() });
const tags = ['loved ones'];

export const lovedOnesRoutes: FastifyPluginAsyncZod<{ lovedOnes: LovedOnesService }> = async (
  app,
  { lovedOnes },
) => {
  const present = async (auth: AuthContext, result: Awaited<ReturnType<LovedOnesService['get']>>) => ({
    lovedOne: result.lovedOne,
    keepsakes: result.keepsakes,
    tripsByKeepsake: await lovedOnes.tripsByKeepsake(auth, result.keepsakes),
  });

  app.get(
    '/api/loved-ones',
    { config: { access: 'lovedOnes.read' }, schema: { tags, response: { 200: lovedOnesResponse } } },
    async (request) => {
      return { lovedOnes: await lovedOnes.list(requireAuth(request)) };
    },
  );

  app.post(
    '/api/loved-ones',
    {
      config: { access: 'lovedOnes.write' },
      schema: { tags, body: createLovedOneBody, response: { 201: lovedOneResponse } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await present(requireAuth(request), await lovedOnes.create(requireAuth(request), request.body)),
        ),
  );

  app.get(
    '/api/loved-ones/:lovedOneId',
    {
      config: { access: 'lovedOnes.read' },
      schema: { tags, params: lovedOneParams, response: { 200: lovedOneResponse } },
    },
    async (request) =>
      present(requireAuth(request), await lovedOnes.get(requireAuth(request), request.params.lovedOneId)),
  );

  app.patch(
    '/api/loved-ones/:lovedOneId',
    {
      config: { access: 'lovedOnes.write' },
      schema: { tags, params: lovedOneParams, body: updateLovedOneBody, response: { 200: lovedOneResponse } },
    },
    async (request) =>
      present(
        requireAuth(request),
        await lovedOnes.update(requireAuth(request), request.params.lovedOneId, request.body),
      ),
  );

  app.get(
    '/api/loved-ones/:lovedOneId/removal',
    {
      config: { access: 'lovedOnes.write' },
      schema: {
        tags,
        params: lovedOneParams,
        description:
          'What deleting this loved one would remove besides their profile and keepsakes: their memory box, the photos only they used, and the room it all takes.',
        response: { 200: lovedOneRemovalResponse },
      },
    },
    async (request) => ({
      removal: await lovedOnes.removal(requireAuth(request), request.params.lovedOneId),
    }),
  );

  app.delete(
    '/api/loved-ones/:lovedOneId',
    { config: { access: 'lovedOnes.write' }, schema: { tags, params: lovedOneParams } },
    async (request, reply) => {
      await lovedOnes.remove(requireAuth(request), request.params.lovedOneId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/keepsakes',
    { config: { access: 'lovedOnes.read' }, schema: { tags, response: { 200: keepsakesResponse } } },
    async (request) => ({
      keepsakes: await lovedOnes.listKeepsakes(requireAuth(request)),
    }),
  );

  app.post(
    '/api/loved-ones/:lovedOneId/keepsakes',
    {
      config: { access: 'lovedOnes.write' },
      schema: { tags, params: lovedOneParams, body: createKeepsakeBody, response: { 201: keepsakeResponse } },
    },
    async (request, reply) => {
      const keepsake = await lovedOnes.createKeepsake(
        requireAuth(request),
        request.params.lovedOneId,
        request.body,
      );
      return reply.code(201).send({ keepsake });
    },
  );

  app.patch(
    '/api/keepsakes/:keepsakeId',
    {
      config: { access: 'lovedOnes.write' },
      schema: { tags, params: keepsakeParams, body: updateKeepsakeBody, response: { 200: keepsakeResponse } },
    },
    async (request) => {
      const keepsake = await lovedOnes.updateKeepsake(
        requireAuth(request),
        request.params.keepsakeId,
        request.body,
      );
      return { keepsake };
    },
  );

  app.delete(
    '/api/keepsakes/:keepsakeId',
    { config: { access: 'lovedOnes.write' }, schema: { tags, params: keepsakeParams } },
    async (request, reply) => {
      await lovedOnes.removeKeepsake(requireAuth(request), request.params.keepsakeId);
      return reply.code(204).send();
    },
  );
};
