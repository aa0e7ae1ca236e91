import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountDeletionResponse,
  confirmDeletionBody,
  familyDeletionResponse,
} from '../../../contracts/deletion.js';
import { requireAuth } from '../../plugins/auth.js';
import type { DeletionsService } from './deletions.service.js';

// Deleting the family (its owners: 'family.manage') and one's own account (anyone signed in to a
// family: 'family.read'; child mode has neither). Asking needs the password and is rate-limited like
// the other password checks; it runs outside the family's change (`changesFamily: false`) so a wrong
// password is counted, and opens its own change once the password is right.

const tags = ['deletions'];

export const deletionsRoutes: FastifyPluginAsyncZod<{
  deletions: DeletionsService;
  attemptsPerMinute: number;
}> = async (app, { deletions, attemptsPerMinute }) => {
  const rateLimit = { max: attemptsPerMinute, timeWindow: '1 minute' };

  app.get(
    '/api/family/deletion',
    { config: { access: 'family.read' }, schema: { tags, response: { 200: familyDeletionResponse } } },
    async (request) => deletions.familyView(requireAuth(request)),
  );

  app.post(
    '/api/family/deletion',
    {
      config: { access: 'family.manage', changesFamily: false, rateLimit },
      schema: { tags, body: confirmDeletionBody, response: { 200: familyDeletionResponse } },
    },
    async (request) => deletions.deleteFamily(requireAuth(request), request.body),
  );

  app.delete(
    '/api/family/deletion',
    { config: { access: 'family.manage' }, schema: { tags, response: { 200: familyDeletionResponse } } },
    async (request) => deletions.keepFamily(requireAuth(request)),
  );

  app.get(
    '/api/account/deletion',
    { config: { access: 'family.read' }, schema: { tags, response: { 200: accountDeletionResponse } } },
    async (request) => deletions.accountView(requireAuth(request)),
  );

  app.post(
    '/api/account/deletion',
    {
      config: { access: 'family.read', changesFamily: false, rateLimit },
      schema: { tags, body: confirmDeletionBody, response: { 200: accountDeletionResponse } },
    },
    async (request) => deletions.deleteAccount(requireAuth(request), request.body),
  );

  app.delete(
    '/api/account/deletion',
    { config: { access: 'family.read' }, schema: { tags, response: { 200: accountDeletionResponse } } },
    async (request) => deletions.keepAccount(requireAuth(request)),
  );
};
