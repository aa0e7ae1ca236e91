import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarQuery,
  calendarResponse,
  createDayBody,
  feedCreatedResponse,
  feedStatusResponse,
  inboxResponse,
  preferencesBody,
  preferencesResponse,
} from '../../../contracts/remembrance.js';
import { mediaUrlsOf } from '../../../contracts/media.js';
import { notFound } from '../../errors.js';
import { requireAuth } from '../../plugins/auth.js';
import type { RemembranceService } from './remembrance.service.js';

const tags = ['remembrance'];

export const remembranceRoutes: FastifyPluginAsyncZod<{ remembrance: RemembranceService }> = async (
  app,
  { remembrance },
) => {
  app.get(
    '/api/calendar',
    {
      config: { access: 'family.read' },
      schema: { tags, querystring: calendarQuery, response: { 200: calendarResponse } },
    },
    async (request) => remembrance.calendar(requireAuth(request), request.query),
  );

  app.post(
    '/api/remembrance/days',
    { config: { access: 'lovedOnes.write' }, schema: { tags, body: createDayBody } },
    async (request, reply) => {
      await remembrance.addDay(requireAuth(request), request.body);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/remembrance/days/:dayId',
    { config: { access: 'lovedOnes.write' }, schema: { tags, params: z.object({ dayId: z.string() }) } },
    async (request, reply) => {
      await remembrance.removeDay(requireAuth(request), request.params.dayId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/reminders/preferences',
    { config: { access: 'family.read' }, schema: { tags, response: { 200: preferencesResponse } } },
    async (request) => remembrance.preferences(requireAuth(request)),
  );

  app.put(
    '/api/reminders/preferences',
    {
      config: { access: 'family.read' },
      schema: { tags, body: preferencesBody, response: { 200: preferencesResponse } },
    },
    async (request) => remembrance.setPreferences(requireAuth(request), request.body),
  );

  app.get(
    '/api/inbox',
    { config: { access: 'family.read' }, schema: { tags, response: { 200: inboxResponse } } },
    async (request) => {
      const { items, unread } = await remembrance.inbox(requireAuth(request));
      return {
        unread,
        items: items.map((i) => ({
          id: i.id,
          title: i.title,
          body: i.body,
          link: i.link,
          photo: i.mediaId ? mediaUrlsOf(i.mediaId) : null,
          createdAt: i.createdAt,
          readAt: i.readAt,
        })),
      };
    },
  );

  app.post(
    '/api/inbox/:inboxItemId/read',
    { config: { access: 'family.read' }, schema: { tags, params: z.object({ inboxItemId: z.string() }) } },
    async (request, reply) => {
      // Another member's reminder is not yours to see: as with any unknown id, it is not found.
      const changed = await remembrance.markRead(requireAuth(request), request.params.inboxItemId);
      if (!changed) {
        const { items } = await remembrance.inbox(requireAuth(request));
        if (!items.some((i) => i.id === request.params.inboxItemId)) throw notFound();
      }
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/inbox/read-all',
    { config: { access: 'family.read' }, schema: { tags } },
    async (request, reply) => {
      await remembrance.markAllRead(requireAuth(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/calendar-feed',
    { config: { access: 'family.read' }, schema: { tags, response: { 200: feedStatusResponse } } },
    async (request) => remembrance.feedStatus(requireAuth(request)),
  );

  app.post(
    '/api/calendar-feed',
    { config: { access: 'family.read' }, schema: { tags, response: { 201: feedCreatedResponse } } },
    async (request, reply) => reply.code(201).send(await remembrance.rotateFeed(requireAuth(request))),
  );

  app.delete(
    '/api/calendar-feed',
    { config: { access: 'family.read' }, schema: { tags } },
    async (request, reply) => {
      await remembrance.revokeFeed(requireAuth(request));
      return reply.code(204).send();
    },
  );
};
