import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportDownloadQuery,
  exportLinkResponse,
  familyExportResponse,
  familyExportsResponse,
  familyImportResponse,
  familyImportsResponse,
} from '../../../contracts/family-archive.js';
import { AppError } from '../../errors.js';
import { requireAuth } from '../../plugins/auth.js';
import type { FamilyDataService } from './family-data.service.js';

// Your family's data. Owners and adults ask for an archive ('family.export': it is made by a job;
// asking answers 202), follow it, make a download link and download it; the archive is its asker's
// alone. Anyone signed in with their own account imports an archive as a new family
// ('family.import'): the body is the zip itself, streamed to a file, never parsed as JSON.

const tags = ['family-data'];
const exportParams = z.object({ exportId: z.string() });
const importParams = z.object({ importId: z.string() });
/** What browsers and tools call a zip (Windows says x-zip-compressed; some say octet-stream). */
export const zipContentTypes = [
  'application/zip',
  'application/x-zip-compressed',
  'application/octet-stream',
];

const isStream = (body: unknown): body is Readable =>
  typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';

export const familyDataRoutes: FastifyPluginAsyncZod<{ data: FamilyDataService }> = async (app, { data }) => {
  // Only this plugin's routes take a zip; it is handed on as a stream, its size counted as it comes.
  app.addContentTypeParser(zipContentTypes, (_request, payload, done) => done(null, payload));

  app.get(
    '/api/family-exports',
    { config: { access: 'family.export' }, schema: { tags, response: { 200: familyExportsResponse } } },
    async (request, reply) => {
      // Progress changes without the family's revision moving: never a cached answer.
      void reply.header('cache-control', 'private, no-store');
      return { exports: await data.list(requireAuth(request)) };
    },
  );

  app.post(
    '/api/family-exports',
    {
      config: { access: 'family.export', followUp: false },
      schema: { tags, response: { 202: familyExportResponse } },
    },
    async (request, reply) => reply.code(202).send({ export: await data.ask(requireAuth(request)) }),
  );

  app.get(
    '/api/family-exports/:exportId',
    {
      config: { access: 'family.export' },
      schema: { tags, params: exportParams, response: { 200: familyExportResponse } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'private, no-store');
      return { export: await data.get(requireAuth(request), request.params.exportId) };
    },
  );

  app.post(
    '/api/family-exports/:exportId/link',
    {
      config: { access: 'family.export', followUp: false },
      schema: { tags, params: exportParams, response: { 200: exportLinkResponse } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'private, no-store');
      return data.link(requireAuth(request), request.params.exportId);
    },
  );

  app.get(
    '/api/family-exports/:exportId/file',
    {
      config: { access: 'family.export' },
      schema: {
        tags,
        params: exportParams,
        querystring: exportDownloadQuery,
        description:
          'The archive (a zip), with a link from POST …/link: it works once, for ten minutes, for the member who asked for the archive.',
      },
    },
    async (request, reply) => {
      const { row, stream } = await data.download(
        requireAuth(request),
        request.params.exportId,
        request.query.token,
      );
      return reply
        .type('application/zip')
        .header('content-length', String(row.byteSize))
        .header(
          'content-disposition',
          `attachment; filename="alongside-family-${row.createdAt.slice(0, 10)}.zip"`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.delete(
    '/api/family-exports/:exportId',
    {
      config: { access: 'family.export', followUp: false },
      schema: { tags, params: exportParams },
    },
    async (request, reply) => {
      await data.remove(requireAuth(request), request.params.exportId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/family-imports',
    {
      // A new family, not a change to the importer's own: the job writes it (import.job.ts).
      config: {
        access: 'family.import',
        changesFamily: false,
        rateLimit: { max: 60, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        description:
          "Brings a family's archive in as a new family, the caller its owner. The body is the zip itself (Content-Type application/zip). Refused at once with a message, and nothing kept, if it is not as an archive must be; otherwise accepted (202) and brought in by a background job: follow it with GET /api/family-imports/{importId}.",
        response: { 202: familyImportResponse },
      },
    },
    async (request, reply) => {
      const body: unknown = request.body;
      if (!isStream(body))
        throw new AppError('unsupported_media_type', 'Please choose the zip file of a family’s archive.', {
          archive: 'Please choose the zip file of a family’s archive.',
        });
      return reply.code(202).send({ import: await data.importUpload(requireAuth(request), body) });
    },
  );

  app.get(
    '/api/family-imports',
    {
      config: { access: 'family.import' },
      schema: {
        tags,
        description: "The caller's own imports (the newest twenty), whatever family they are in now.",
        response: { 200: familyImportsResponse },
      },
    },
    async (request, reply) => {
      // Progress changes without any family's revision moving: never a cached answer.
      void reply.header('cache-control', 'private, no-store');
      return { imports: await data.listImports(requireAuth(request)) };
    },
  );

  app.get(
    '/api/family-imports/:importId',
    {
      config: { access: 'family.import' },
      schema: {
        tags,
        params: importParams,
        description:
          'One of the caller’s imports: its progress, then what came in (the family, the members to invite, the notes) or why nothing did. Anyone else’s is not found.',
        response: { 200: familyImportResponse },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'private, no-store');
      return { import: await data.getImport(requireAuth(request), request.params.importId) };
    },
  );
};
