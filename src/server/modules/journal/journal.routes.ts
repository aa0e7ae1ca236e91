import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acrossYearsDaysResponse,
  acrossYearsResponse,
  entryBody,
  entryResponse,
  journalResponse,
  journalSettingsBody,
  journalSettingsResponse,
  promptRestResponse,
  shareEntryBody,
} from '../../../contracts/journal.js';
import { requireAuth } from '../../plugins/auth.js';
import type { AcrossYearsService } from './across-years.service.js';
import type { JournalService } from './journal.service.js';

// Owners and adults keep a journal ('journal.write'); each reads their own entries and those shared
// with the family's adults. A teen, a viewer and child mode are refused every route here.

const tags = ['journal'];
const access = 'journal.write';
const lovedOneParams = z.object({ lovedOneId: z.string() });
const entryParams = z.object({ entryId: z.string() });

export const journalRoutes: FastifyPluginAsyncZod<{
  journal: JournalService;
  acrossYears: AcrossYearsService;
}> = async (app, { journal, acrossYears }) => {
  app.get(
    '/api/loved-ones/:lovedOneId/journal',
    { config: { access }, schema: { tags, params: lovedOneParams, response: { 200: journalResponse } } },
    async (request) => journal.list(requireAuth(request), request.params.lovedOneId),
  );

  app.post(
    '/api/loved-ones/:lovedOneId/journal',
    {
      config: { access },
      schema: { tags, params: lovedOneParams, body: entryBody, response: { 201: entryResponse } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ entry: await journal.write(requireAuth(request), request.params.lovedOneId, request.body) }),
  );

  app.put(
    '/api/journal-entries/:entryId',
    {
      config: { access },
      schema: { tags, params: entryParams, body: entryBody, response: { 200: entryResponse } },
    },
    async (request) => ({
      entry: await journal.update(requireAuth(request), request.params.entryId, request.body),
    }),
  );

  app.put(
    '/api/journal-entries/:entryId/sharing',
    {
      config: { access },
      schema: { tags, params: entryParams, body: shareEntryBody, response: { 200: entryResponse } },
    },
    async (request) => ({
      entry: await journal.share(requireAuth(request), request.params.entryId, request.body.shared),
    }),
  );

  app.delete(
    '/api/journal-entries/:entryId',
    { config: { access }, schema: { tags, params: entryParams } },
    async (request, reply) => {
      await journal.remove(requireAuth(request), request.params.entryId);
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/journal/settings',
    {
      config: { access },
      schema: { tags, body: journalSettingsBody, response: { 200: journalSettingsResponse } },
    },
    async (request) => ({ settings: await journal.setSettings(requireAuth(request), request.body) }),
  );

  app.post(
    '/api/journal/prompt/not-today',
    { config: { access }, schema: { tags, response: { 200: promptRestResponse } } },
    async (request) => {
      await journal.restPrompt(requireAuth(request));
      return { prompt: null };
    },
  );

  app.get(
    '/api/loved-ones/:lovedOneId/across-years',
    {
      config: { access },
      schema: { tags, params: lovedOneParams, response: { 200: acrossYearsDaysResponse } },
    },
    async (request) => acrossYears.days(requireAuth(request), request.params.lovedOneId),
  );

  app.get(
    '/api/remembrance-days/:dayId/across-years',
    {
      config: { access },
      schema: { tags, params: z.object({ dayId: z.string() }), response: { 200: acrossYearsResponse } },
    },
    async (request) => acrossYears.ofDay(requireAuth(request), request.params.dayId),
  );
};
