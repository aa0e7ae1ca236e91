import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type Checklist,
  checklistItemResponse,
  checklistResponse,
  createChecklistItemBody,
  saveTemplateBody,
  templateResponse,
  templatesResponse,
  updateChecklistItemBody,
} from '../../../contracts/trips.js';
import { requireAuth } from '../../plugins/auth.js';
import { PrecompressedAnswer } from '../../precompressed-answer.js';
import { RevisionCache } from '../../revision-cache.js';
import type { ChecklistService } from './checklist.service.js';
import type { ChecklistItem } from './trips.records.js';
import { presentChecklistItem } from './trips.presenter.js';

const tags = ['checklist'];
const tripParams = z.object({ tripId: z.string() });
const itemParams = z.object({ itemId: z.string() });

const presentChecklist = (items: ChecklistItem[]) => ({
  items: items.map(presentChecklistItem),
  progress: { done: items.filter((i) => i.checkedAt !== null).length, total: items.length },
});

export const checklistRoutes: FastifyPluginAsyncZod<{
  checklist: ChecklistService;
  checkContracts: boolean;
}> = async (app, { checklist, checkContracts }) => {
  // The checklist is the page read most, often from a phone at the airport. Its JSON is kept per
  // family revision (see revision-cache.ts), so a read that finds it current costs two indexed
  // lookups (session, owner) and no joins, serialisation or compression (precompressed-answer.ts).
  const answers = new RevisionCache<PrecompressedAnswer>();

  app.get(
    '/api/trips/:tripId/checklist',
    {
      config: { access: 'trips.read' },
      schema: {
        tags,
        params: tripParams,
        response: { 200: checklistResponse, 304: z.null().describe('Not modified') },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      // The family revision names this answer: a phone that already holds it gets 304 and no body.
      const etag = `W/"${auth.familyRevision}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      const key = `${auth.familyId}:${request.params.tripId}`;
      const answer = await answers.getOrMake(key, auth.familyRevision, async () => {
        const presented: Checklist = presentChecklist(await checklist.list(auth, request.params.tripId));
        if (checkContracts) checklistResponse.parse(presented);
        return PrecompressedAnswer.of(presented);
      });
      return answer.send(request, reply);
    },
  );

  app.post(
    '/api/trips/:tripId/checklist',
    {
      config: { access: 'trips.write', followUp: false },
      schema: {
        tags,
        params: tripParams,
        body: createChecklistItemBody,
        response: { 201: checklistItemResponse },
      },
    },
    async (request, reply) => {
      const item = await checklist.add(requireAuth(request), request.params.tripId, request.body);
      return reply.code(201).send({ item: presentChecklistItem(item) });
    },
  );

  app.patch(
    '/api/checklist-items/:itemId',
    {
      config: { access: 'checklist.tick', followUp: false },
      schema: {
        tags,
        params: itemParams,
        body: updateChecklistItemBody,
        response: { 200: checklistItemResponse },
      },
    },
    async (request) => ({
      item: presentChecklistItem(
        await checklist.update(requireAuth(request), request.params.itemId, request.body),
      ),
    }),
  );

  app.delete(
    '/api/checklist-items/:itemId',
    { config: { access: 'trips.write', followUp: false }, schema: { tags, params: itemParams } },
    async (request, reply) => {
      await checklist.remove(requireAuth(request), request.params.itemId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/checklist-templates',
    { config: { access: 'trips.read' }, schema: { tags, response: { 200: templatesResponse } } },
    async (request) => ({
      templates: await checklist.listTemplates(requireAuth(request)),
    }),
  );

  app.post(
    '/api/trips/:tripId/save-as-template',
    {
      config: { access: 'trips.write', followUp: false },
      schema: { tags, params: tripParams, body: saveTemplateBody, response: { 201: templateResponse } },
    },
    async (request, reply) => {
      const template = await checklist.saveTemplate(
        requireAuth(request),
        request.params.tripId,
        request.body,
      );
      return reply.code(201).send({ template });
    },
  );

  app.delete(
    '/api/checklist-templates/:templateId',
    {
      config: { access: 'trips.write', followUp: false },
      schema: { tags, params: z.object({ templateId: z.string() }) },
    },
    async (request, reply) => {
      await checklist.removeTemplate(requireAuth(request), request.params.templateId);
      return reply.code(204).send();
    },
  );
};
