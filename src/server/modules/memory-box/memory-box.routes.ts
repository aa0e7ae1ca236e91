import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mediaLimits, uploadContentTypes } from '../../../contracts/media.js';
import {
  addLetterBody,
  memoryBoxResponse,
  memoryItemResponse,
  updateMemoryItemBody,
  voiceNoteLimits,
  voiceUploadContentTypes,
} from '../../../contracts/memory-box.js';
import { requireAuth } from '../../plugins/auth.js';
import { acceptFileBodies, fileBody, sendPrivateFile, sendStoredFile, uploadKeyOf } from '../media/index.js';
import type { MemoryBoxService } from './memory-box.service.js';

// Reading and adding are open to a teen and a child in child mode ('memoryBox.read', '.add'); what
// is kept for the parents only is left out by the service for anyone without 'parentsOnly.see'.
// Keeping an item private and deleting one is the parents' ('memoryBox.manage').

const tags = ['memory-box'];
const lovedOneParams = z.object({ lovedOneId: z.string() });
const itemParams = z.object({ memoryItemId: z.string() });

export const memoryBoxRoutes: FastifyPluginAsyncZod<{ memoryBox: MemoryBoxService }> = async (
  app,
  { memoryBox },
) => {
  // A drawing comes as the photo's own bytes, as `POST /api/media` takes it, and a voice note as the
  // recording's, each with an optional Idempotency-Key (media's upload-edge.ts): what each really
  // is, is read from its bytes (the media pipeline; audio.ts).
  acceptFileBodies(app, uploadContentTypes, mediaLimits.maxUploadBytes);
  acceptFileBodies(app, voiceUploadContentTypes, voiceNoteLimits.maxBytes);

  app.get(
    '/api/memory-box',
    { config: { access: 'memoryBox.read' }, schema: { tags, response: { 200: memoryBoxResponse } } },
    async (request) => memoryBox.box(requireAuth(request)),
  );

  app.post(
    '/api/loved-ones/:lovedOneId/memory-box/letters',
    {
      config: { access: 'memoryBox.add' },
      schema: { tags, params: lovedOneParams, body: addLetterBody, response: { 201: memoryItemResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({
        item: await memoryBox.addLetter(requireAuth(request), request.params.lovedOneId, request.body),
      }),
  );

  app.post(
    '/api/loved-ones/:lovedOneId/memory-box/drawings',
    {
      // The picture is re-encoded before the family's change begins, so this route opens its own.
      config: { access: 'memoryBox.add', changesFamily: false },
      bodyLimit: mediaLimits.maxUploadBytes,
      schema: {
        tags,
        params: lovedOneParams,
        description:
          'Keeps a photographed drawing, labelled with who made it, their age if known, and the date. The body is the photo itself (JPEG, PNG or WebP). An optional Idempotency-Key header makes a retry answer the item the key first made, storing nothing twice.',
        response: { 201: memoryItemResponse },
      },
    },
    async (request, reply) => {
      const body = fileBody(request, {
        message: 'Please send a photo of the drawing.',
        file: 'Please choose a photo of the drawing.',
      });
      const upload = { bytes: body, key: uploadKeyOf(request) };
      return reply
        .code(201)
        .send({ item: await memoryBox.addDrawing(requireAuth(request), request.params.lovedOneId, upload) });
    },
  );

  app.post(
    '/api/loved-ones/:lovedOneId/memory-box/voice-notes',
    {
      // The recording is read and measured before the family's change begins.
      config: { access: 'memoryBox.add', changesFamily: false },
      bodyLimit: voiceNoteLimits.maxBytes,
      schema: {
        tags,
        params: lovedOneParams,
        description: `Keeps a voice note of up to ${voiceNoteLimits.maxSeconds / 60} minutes. The body is the recording itself (WebM/Opus, MP4, Ogg or MP3, by its content). An optional Idempotency-Key header makes a retry answer the item the key first made.`,
        response: { 201: memoryItemResponse },
      },
    },
    async (request, reply) => {
      const body = fileBody(request, {
        message: 'Please send a recording.',
        file: 'Please record a voice note first.',
      });
      const upload = { bytes: body, key: uploadKeyOf(request) };
      return reply.code(201).send({
        item: await memoryBox.addVoiceNote(requireAuth(request), request.params.lovedOneId, upload),
      });
    },
  );

  app.get(
    '/api/voice-notes/:voiceNoteId/audio',
    {
      config: { access: 'memoryBox.read' },
      schema: {
        tags,
        params: z.object({ voiceNoteId: z.string() }),
        description: 'A voice note, with its own type; one byte range if asked.',
      },
    },
    async (request, reply) => {
      const audio = await memoryBox.audio(requireAuth(request), request.params.voiceNoteId);
      return sendPrivateFile(request, reply, audio, {
        name: 'voice-note',
        etag: `"${audio.digest}"`,
        ranges: true,
      });
    },
  );

  app.patch(
    '/api/memory-box/:memoryItemId',
    {
      config: { access: 'memoryBox.manage' },
      schema: { tags, params: itemParams, body: updateMemoryItemBody, response: { 200: memoryItemResponse } },
    },
    async (request) => ({
      item: await memoryBox.update(requireAuth(request), request.params.memoryItemId, request.body),
    }),
  );

  app.delete(
    '/api/memory-box/:memoryItemId',
    { config: { access: 'memoryBox.manage' }, schema: { tags, params: itemParams } },
    async (request, reply) => {
      await memoryBox.remove(requireAuth(request), request.params.memoryItemId);
      return reply.code(204).send();
    },
  );

  for (const [which, part] of [
    ['image', 'file'],
    ['thumbnail', 'thumbnail'],
  ] as const)
    app.get(
      `/api/memory-box/:memoryItemId/${which}`,
      {
        config: { access: 'memoryBox.read' },
        schema: {
          tags,
          params: itemParams,
          description: which === 'image' ? 'A drawing, as kept.' : 'A small copy of a drawing (WebP).',
        },
      },
      async (request, reply) =>
        sendStoredFile(
          request,
          reply,
          await memoryBox.file(requireAuth(request), request.params.memoryItemId, part),
          { name: 'drawing', small: part === 'thumbnail' },
        ),
    );
};
