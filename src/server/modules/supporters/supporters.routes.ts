import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createSupporterBody,
  supporterDaysBody,
  supporterRepliesResponse,
  supporterReplyResponse,
  supporterResponse,
  supportersResponse,
} from '../../../contracts/supporters.js';
import { requireAuth } from '../../plugins/auth.js';
import { sendStoredFile } from '../media/index.js';
import type { SupportersService } from './supporters.service.js';

// A family's supporters, for owners and adults ('family.invite': adding people to the family's
// circle, as inviting is). Adding one and sending the link again run as their own change
// (`changesFamily: false`), so the e-mail goes out after the supporter is stored, not inside it.

const tags = ['supporters'];
const supporterParams = z.object({ supporterId: z.string() });
const replyParams = z.object({ replyId: z.string() });

export const supportersRoutes: FastifyPluginAsyncZod<{ supporters: SupportersService }> = async (
  app,
  { supporters },
) => {
  app.get(
    '/api/supporters',
    { config: { access: 'family.invite' }, schema: { tags, response: { 200: supportersResponse } } },
    async (request) => supporters.list(requireAuth(request)),
  );

  app.post(
    '/api/supporters',
    {
      config: { access: 'family.invite', changesFamily: false },
      schema: { tags, body: createSupporterBody, response: { 201: supporterResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ supporter: await supporters.add(requireAuth(request), request.body) }),
  );

  app.put(
    '/api/supporters/:supporterId/days',
    {
      config: { access: 'family.invite' },
      schema: {
        tags,
        params: supporterParams,
        body: supporterDaysBody,
        response: { 200: supporterResponse },
      },
    },
    async (request) => ({
      supporter: await supporters.setDays(requireAuth(request), request.params.supporterId, request.body),
    }),
  );

  app.post(
    '/api/supporters/:supporterId/resend',
    {
      config: { access: 'family.invite', changesFamily: false },
      schema: { tags, params: supporterParams, response: { 200: supporterResponse } },
    },
    async (request) => ({
      supporter: await supporters.resend(requireAuth(request), request.params.supporterId),
    }),
  );

  app.delete(
    '/api/supporters/:supporterId',
    { config: { access: 'family.invite' }, schema: { tags, params: supporterParams } },
    async (request, reply) => {
      await supporters.remove(requireAuth(request), request.params.supporterId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/supporter-replies',
    { config: { access: 'family.invite' }, schema: { tags, response: { 200: supporterRepliesResponse } } },
    async (request) => ({ replies: await supporters.replies(requireAuth(request)) }),
  );

  app.post(
    '/api/supporter-replies/:replyId/accept',
    {
      config: { access: 'family.invite', followUp: false },
      schema: { tags, params: replyParams, response: { 200: supporterReplyResponse } },
    },
    async (request) => ({
      reply: await supporters.decide(requireAuth(request), request.params.replyId, 'accepted'),
    }),
  );

  app.post(
    '/api/supporter-replies/:replyId/decline',
    {
      config: { access: 'family.invite', followUp: false },
      schema: { tags, params: replyParams, response: { 200: supporterReplyResponse } },
    },
    async (request) => ({
      reply: await supporters.decide(requireAuth(request), request.params.replyId, 'declined'),
    }),
  );

  // A waiting reply's photo, only for the parents reviewing it: served like the family's photos
  // (nosniff, an inline Content-Disposition, never kept by a cache without asking).
  for (const [suffix, small] of [
    ['', false],
    ['/thumbnail', true],
  ] as const)
    app.get(
      `/api/supporter-replies/:replyId/photo${suffix}`,
      {
        config: { access: 'family.invite' },
        schema: {
          tags,
          params: replyParams,
          description: small
            ? "A small copy of a waiting reply's photo (WebP)."
            : "A waiting reply's photo, for the parents deciding on it.",
        },
      },
      async (request, reply) =>
        sendStoredFile(
          request,
          reply,
          await supporters.photo(requireAuth(request), request.params.replyId, small ? 'thumbnail' : 'file'),
          { name: 'photo', small },
        ),
    );
};
