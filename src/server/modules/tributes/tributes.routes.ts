import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdTributeLinkResponse,
  tributeBody,
  tributeImageQuery,
  tributeLinkBody,
  tributeLinkResponse,
  tributeLinksResponse,
  tributeResponse,
  tributesResponse,
} from '../../../contracts/tributes.js';
import { requireAuth } from '../../plugins/auth.js';
import type { TributeLinksService } from './links.service.js';
import type { TributesService } from './tributes.service.js';

// Those who see loved ones see the family's tributes and may download their pictures
// ('tributes.read', a teen too); owners and adults make, change and remove them ('tributes.write')
// and share them outside the family by link ('tributes.share').

const tags = ['tributes'];
const tributeParams = z.object({ tributeId: z.string() });

export const tributesRoutes: FastifyPluginAsyncZod<{
  tributes: TributesService;
  links: TributeLinksService;
}> = async (app, { tributes, links }) => {
  app.get(
    '/api/tributes',
    { config: { access: 'tributes.read' }, schema: { tags, response: { 200: tributesResponse } } },
    async (request) => ({ tributes: await tributes.list(requireAuth(request)) }),
  );

  app.post(
    '/api/tributes',
    {
      config: { access: 'tributes.write' },
      schema: { tags, body: tributeBody, response: { 201: tributeResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ tribute: await tributes.create(requireAuth(request), request.body) }),
  );

  app.get(
    '/api/tributes/:tributeId',
    {
      config: { access: 'tributes.read' },
      schema: { tags, params: tributeParams, response: { 200: tributeResponse } },
    },
    async (request) => ({ tribute: await tributes.get(requireAuth(request), request.params.tributeId) }),
  );

  app.put(
    '/api/tributes/:tributeId',
    {
      config: { access: 'tributes.write' },
      schema: { tags, params: tributeParams, body: tributeBody, response: { 200: tributeResponse } },
    },
    async (request) => ({
      tribute: await tributes.update(requireAuth(request), request.params.tributeId, request.body),
    }),
  );

  app.delete(
    '/api/tributes/:tributeId',
    { config: { access: 'tributes.write' }, schema: { tags, params: tributeParams } },
    async (request, reply) => {
      await tributes.remove(requireAuth(request), request.params.tributeId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/tributes/:tributeId/picture',
    {
      config: { access: 'tributes.read' },
      schema: {
        tags,
        params: tributeParams,
        querystring: tributeImageQuery,
        description:
          'The tribute drawn as a PNG: portrait 1080×1350 (the default), square 1080×1080, story 1080×1920.',
      },
    },
    async (request, reply) => {
      const size = request.query.size ?? 'portrait';
      const png = await tributes.picture(requireAuth(request), request.params.tributeId, size);
      return reply
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', `inline; filename="tribute-${size}.png"`)
        .type('image/png')
        .send(png);
    },
  );

  app.get(
    '/api/tributes/:tributeId/links',
    {
      config: { access: 'tributes.share' },
      schema: { tags, params: tributeParams, response: { 200: tributeLinksResponse } },
    },
    async (request) => ({ links: await links.list(requireAuth(request), request.params.tributeId) }),
  );

  app.post(
    '/api/tributes/:tributeId/links',
    {
      // A password is hashed (argon2, slow on purpose) before the family's change opens.
      config: { access: 'tributes.share', changesFamily: false },
      schema: {
        tags,
        params: tributeParams,
        body: tributeLinkBody,
        response: { 201: createdTributeLinkResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await links.create(requireAuth(request), request.params.tributeId, request.body)),
  );

  app.post(
    '/api/tribute-links/:tributeLinkId/revoke',
    {
      config: { access: 'tributes.share' },
      schema: {
        tags,
        params: z.object({ tributeLinkId: z.string() }),
        response: { 200: tributeLinkResponse },
      },
    },
    async (request) => ({ link: await links.revoke(requireAuth(request), request.params.tributeLinkId) }),
  );
};
