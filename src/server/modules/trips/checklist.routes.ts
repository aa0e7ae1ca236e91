import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checklistItemResponse,
  checklistResponse,
  createChecklistItemBody,
  saveTemplateBody,
  templateResponse,
  templatesResponse,
  updateChecklistItemBody,
} from '../../../contracts/trips.js';
import { requireAuth } from '../../plugins/auth.js';
import type { ChecklistRow } from './checklist.repository.js';
import type { ChecklistService } from './checklist.service.js';
import { presentChecklistItem } from './trips.presenter.js';

const tags = ['checklist'];
const tripParams = z.object({ tripId: z.string() });
const itemParams = z.object({ itemId: z.string() });

const presentChecklist = (rows: ChecklistRow[]) => ({
  items: rows.map(presentChecklistItem),
  progress: { done: rows.filter((r) => r.checked_at !== null).length, total: rows.length },
});

const presentTemplate = (row: {
  id: string;
  name: string;
  created_at: string;
  item_count: number | null;
}) => ({
  id: row.id,
  name: row.name,
  itemCount: Number(row.item_count ?? 0),
  createdAt: row.created_at,
});

export const checklistRoutes: FastifyPluginAsyncZod<{ checklist: ChecklistService }> = async (
  app,
  { checklist },
) => {
  app.get(
    '/api/trips/:tripId/checklist',
    {
      config: { access: 'trips.read' },
      schema: { tags, params: tripParams, response: { 200: checklistResponse } },
    },
    async (request) => presentChecklist(await checklist.list(requireAuth(request), request.params.tripId)),
  );

  app.post(
    '/api/trips/:tripId/checklist',
    {
      config: { access: 'trips.write' },
      schema: {
        tags,
        params: tripParams,
        body: createChecklistItemBody,
        response: { 201: checklistItemResponse },
      },
    },
    async (request, reply) => {
      const row = await checklist.add(requireAuth(request), request.params.tripId, request.body);
      return reply.code(201).send({ item: presentChecklistItem(row) });
    },
  );

  app.patch(
    '/api/checklist-items/:itemId',
    {
      config: { access: 'checklist.tick' },
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
    { config: { access: 'trips.write' }, schema: { tags, params: itemParams } },
    async (request, reply) => {
      await checklist.remove(requireAuth(request), request.params.itemId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/checklist-templates',
    { config: { access: 'trips.read' }, schema: { tags, response: { 200: templatesResponse } } },
    async (request) => ({
      templates: (await checklist.listTemplates(requireAuth(request))).map(presentTemplate),
    }),
  );

  app.post(
    '/api/trips/:tripId/save-as-template',
    {
      config: { access: 'trips.write' },
      schema: { tags, params: tripParams, body: saveTemplateBody, response: { 201: templateResponse } },
    },
    async (request, reply) => {
      const row = await checklist.saveTemplate(requireAuth(request), request.params.tripId, request.body);
      return reply.code(201).send({ template: presentTemplate(row) });
    },
  );

  app.delete(
    '/api/checklist-templates/:templateId',
    { config: { access: 'trips.write' }, schema: { tags, params: z.object({ templateId: z.string() }) } },
    async (request, reply) => {
      await checklist.removeTemplate(requireAuth(request), request.params.templateId);
      return reply.code(204).send();
    },
  );
};
