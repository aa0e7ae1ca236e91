import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acrossYearsDaysResponse,
  acrossYearsResponse,
  entryBody,
  entryPhotoResponse,
  entryResponse,
  journalResponse,
  journalSettingsBody,
  journalSettingsResponse,
  promptRestResponse,
  shareEntryBody,
} from '../../../contracts/journal.js';
import { mediaLimits, uploadContentTypes } from '../../../contracts/media.js';
import { requireAuth } from '../../plugins/auth.js';
import { acceptFileBodies, fileBody, sendStoredFile, uploadKeyOf } from '../media/index.js';
import type { AcrossYearsService } from './across-years.service.js';
import type { EntryPhotosService } from './entry-photos.service.js';
import type { JournalService } from './journal.service.js';

// Owners and adults keep a journal ('journal.write'); each reads their own entries and those shared
// with the family's adults. A teen, a viewer and child mode are refused every route here. An entry's
// photos are read exactly as the entry is: only here, never through the media routes.

const tags = ['journal'];
const access = 'journal.write';
const lovedOneParams = z.object({ lovedOneId: z.string() });
const entryParams = z.object({ entryId: z.string() });
const photoParams = z.object({ journalPhotoId: z.string() });

export const journalRoutes: FastifyPluginAsyncZod<{
  journal: JournalService;
  acrossYears: AcrossYearsService;
  photos: EntryPhotosService;
}> = async (app, { journal, acrossYears, photos }) => {
  // A photo comes as its own bytes (media's upload-edge.ts), read for what it is by its content.
  acceptFileBodies(app, uploadContentTypes, mediaLimits.maxUploadBytes);

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

  app.post(
    '/api/journal-entries/:entryId/photos',
    {
      // The photo is re-encoded before the family's change begins, so this route opens its own.
      config: { access, changesFamily: false },
      bodyLimit: mediaLimits.maxUploadBytes,
      schema: {
        tags,
        params: entryParams,
        description:
          "Adds a photo to one of the writer's own entries, as private as the entry. The body is the photo itself (JPEG, PNG or WebP), re-encoded with no location or camera tags. An optional Idempotency-Key header makes a retry answer the photo the key first made.",
        response: { 201: entryPhotoResponse },
      },
    },
    async (request, reply) => {
      const body = fileBody(request, {
        message: 'Please send a photo: a JPEG, PNG or WebP picture.',
        file: 'Please choose a photo.',
      });
      const upload = { bytes: body, key: uploadKeyOf(request) };
      return reply
        .code(201)
        .send({ photo: await photos.add(requireAuth(request), request.params.entryId, upload) });
    },
  );

  app.delete(
    '/api/journal-photos/:journalPhotoId',
    { config: { access }, schema: { tags, params: photoParams } },
    async (request, reply) => {
      await photos.remove(requireAuth(request), request.params.journalPhotoId);
      return reply.code(204).send();
    },
  );

  for (const which of ['file', 'thumbnail'] as const)
    app.get(
      `/api/journal-photos/:journalPhotoId/${which}`,
      {
        config: { access },
        schema: {
          tags,
          params: photoParams,
          description:
            which === 'file'
              ? 'A photo on an entry, as kept.'
              : 'A small copy of a photo on an entry (WebP).',
        },
      },
      async (request, reply) =>
        sendStoredFile(
          request,
          reply,
          await photos.file(requireAuth(request), request.params.journalPhotoId, which),
          { name: 'photo', small: which === 'thumbnail' },
        ),
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
