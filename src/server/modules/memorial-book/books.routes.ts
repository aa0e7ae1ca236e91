import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  bookCandidatesQuery,
  bookCandidatesResponse,
  bookResponse,
  booksResponse,
  makeBookBody,
} from '../../../contracts/memorial-book.js';
import { requireAuth } from '../../plugins/auth.js';
import { bookFileName, type BooksService } from './books.service.js';

// Owners and adults ask for, follow, download and remove a loved one's memorial book ('books.make').
// The book is made by a background job; asking answers 202 at once with the book waiting.

const tags = ['memorial-book'];
const lovedOneParams = z.object({ lovedOneId: z.string() });
const bookParams = z.object({ bookId: z.string() });

export const booksRoutes: FastifyPluginAsyncZod<{ books: BooksService }> = async (app, { books }) => {
  app.get(
    '/api/loved-ones/:lovedOneId/books',
    {
      config: { access: 'books.make' },
      schema: { tags, params: lovedOneParams, response: { 200: booksResponse } },
    },
    async (request, reply) => {
      // Progress changes without the family's revision moving: never a cached answer.
      void reply.header('cache-control', 'private, no-store');
      return { books: await books.list(requireAuth(request), request.params.lovedOneId) };
    },
  );

  // What could go in, for the family to choose from: only what the asker may read for these days.
  app.get(
    '/api/loved-ones/:lovedOneId/books/candidates',
    {
      config: { access: 'books.make' },
      schema: {
        tags,
        params: lovedOneParams,
        querystring: bookCandidatesQuery,
        response: { 200: bookCandidatesResponse },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'private, no-store');
      return books.candidates(requireAuth(request), request.params.lovedOneId, request.query);
    },
  );

  app.post(
    '/api/loved-ones/:lovedOneId/books',
    {
      config: { access: 'books.make' },
      schema: { tags, params: lovedOneParams, body: makeBookBody, response: { 202: bookResponse } },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send({ book: await books.make(requireAuth(request), request.params.lovedOneId, request.body) }),
  );

  app.get(
    '/api/books/:bookId',
    {
      config: { access: 'books.make' },
      schema: { tags, params: bookParams, response: { 200: bookResponse } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'private, no-store');
      return { book: await books.get(requireAuth(request), request.params.bookId) };
    },
  );

  app.get(
    '/api/books/:bookId/file',
    { config: { access: 'books.make' }, schema: { tags, params: bookParams } },
    async (request, reply) => {
      const { book, stream } = await books.file(requireAuth(request), request.params.bookId);
      const name = bookFileName(book);
      return reply
        .type('application/pdf')
        .header('content-length', String(book.byteSize))
        .header(
          'content-disposition',
          `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.delete(
    '/api/books/:bookId',
    { config: { access: 'books.make' }, schema: { tags, params: bookParams } },
    async (request, reply) => {
      await books.remove(requireAuth(request), request.params.bookId);
      return reply.code(204).send();
    },
  );
};
