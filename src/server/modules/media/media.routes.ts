import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  mediaItemResponse,
  mediaLimits,
  mediaListResponse,
  mediaUsageResponse,
  uploadContentTypes,
} from '../../../contracts/media.js';
import { requireAuth } from '../../plugins/auth.js';
import type { MediaService } from './media.service.js';
import { sendStoredFile } from './serve-file.js';
import { acceptFileBodies, fileBody, uploadKeyOf } from './upload-edge.js';

const tags = ['media'];
const mediaParams = z.object({ mediaId: z.string() });

export const mediaRoutes: FastifyPluginAsyncZod<{ media: MediaService }> = async (app, { media }) => {
  // A photo comes as its own bytes (upload-edge.ts); what it really is, is read from its bytes.
  acceptFileBodies(app, uploadContentTypes, mediaLimits.maxUploadBytes);

  app.post(
    '/api/media',
    {
      // The photo is re-encoded before the family's change begins (media.service.ts), so this
      // route opens its change itself.
      config: { access: 'media.add', changesFamily: false },
      bodyLimit: mediaLimits.maxUploadBytes,
      schema: {
        tags,
        description:
          'Keeps a photo. The body is the file itself (Content-Type image/jpeg, image/png or image/webp), up to 25 MB; it is re-encoded with no location or camera tags. An optional Idempotency-Key header (16 to 128 letters, digits, - or _) makes a retry answer the photo the key first made, storing nothing twice.',
        response: { 201: mediaItemResponse },
      },
    },
    async (request, reply) => {
      const body = fileBody(request, {
        message: 'Please send a photo: a JPEG, PNG or WebP picture.',
        file: 'Please choose a photo.',
      });
      const key = uploadKeyOf(request);
      return reply.code(201).send({ media: await media.add(requireAuth(request), body, { key }) });
    },
  );

  app.get(
    '/api/media',
    { config: { access: 'media.read' }, schema: { tags, response: { 200: mediaListResponse } } },
    async (request) => ({ media: await media.list(requireAuth(request)) }),
  );

  app.get(
    '/api/media/usage',
    { config: { access: 'media.read' }, schema: { tags, response: { 200: mediaUsageResponse } } },
    async (request) => media.usage(requireAuth(request)),
  );

  app.get(
    '/api/media/:mediaId',
    {
      config: { access: 'media.read' },
      schema: { tags, params: mediaParams, response: { 200: mediaItemResponse } },
    },
    async (request) => ({ media: await media.get(requireAuth(request), request.params.mediaId) }),
  );

  for (const which of ['file', 'thumbnail'] as const)
    app.get(
      `/api/media/:mediaId/${which}`,
      {
        config: { access: 'media.read' },
        schema: {
          tags,
          params: mediaParams,
          description: which === 'file' ? 'The photo, as kept.' : 'A small copy of the photo (WebP).',
        },
      },
      async (request, reply) =>
        sendStoredFile(
          request,
          reply,
          await media.file(requireAuth(request), request.params.mediaId, which),
          {
            name: 'photo',
            small: which === 'thumbnail',
          },
        ),
    );

  app.delete(
    '/api/media/:mediaId',
    { config: { access: 'media.remove' }, schema: { tags, params: mediaParams } },
    async (request, reply) => {
      await media.remove(requireAuth(request), request.params.mediaId);
      return reply.code(204).send();
    },
  );
};
