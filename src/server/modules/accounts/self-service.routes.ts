import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeEmailBody,
  changeEmailResponse,
  confirmEmailBody,
  confirmEmailResponse,
  deviceSessionsResponse,
  messageResponse,
  passwordResetBody,
  passwordResetConfirmBody,
  passwordResetResponse,
  reauthenticateBody,
} from '../../../contracts/accounts.js';
import { clearSessionCookie, requireAuth } from '../../plugins/auth.js';
import type { AccountLinksService } from './account-links.service.js';
import type { DeviceSessionsService } from './device-sessions.service.js';

// Accounts people run themselves: where they are signed in, a forgotten password, a new address.
// None of these is a change to the family's data (`changesFamily: false`): a wrong password is
// counted although the answer is an error, and no family transaction or calendar work follows.
export const selfServiceRoutes: FastifyPluginAsyncZod<{
  sessions: DeviceSessionsService;
  links: AccountLinksService;
  attemptsPerMinute: number;
}> = async (app, { sessions, links, attemptsPerMinute }) => {
  const authRateLimit = { max: attemptsPerMinute, timeWindow: '1 minute' };

  app.get(
    '/api/account/sessions',
    {
      config: { access: 'family.read' },
      schema: { tags: ['accounts'], response: { 200: deviceSessionsResponse } },
    },
    async (request) => ({ sessions: await sessions.list(requireAuth(request)) }),
  );

  app.delete(
    '/api/account/sessions/:sessionId',
    {
      config: { access: 'family.read', changesFamily: false },
      schema: { tags: ['accounts'], params: z.object({ sessionId: z.string() }) },
    },
    async (request, reply) => {
      const { wasCurrent } = await sessions.end(requireAuth(request), request.params.sessionId);
      if (wasCurrent) clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/account/sessions/end-others',
    { config: { access: 'family.read', changesFamily: false }, schema: { tags: ['accounts'] } },
    async (request, reply) => {
      await sessions.endOthers(requireAuth(request));
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/account/reauthenticate',
    {
      config: { access: 'family.read', rateLimit: authRateLimit, changesFamily: false },
      schema: { tags: ['accounts'], body: reauthenticateBody },
    },
    async (request, reply) => {
      await sessions.reauthenticate(requireAuth(request), request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public', rateLimit: authRateLimit, changesFamily: false },
      schema: { tags: ['accounts'], body: passwordResetBody, response: { 202: passwordResetResponse } },
    },
    async (request, reply) => {
      const { answer, sending } = links.requestPasswordReset(request.body.email);
      // Logged by kind only: an error could carry the message, and the message holds the link.
      sending.catch((error: unknown) =>
        request.log.error(
          { code: (error as { code?: unknown } | null)?.code },
          'A password reset e-mail could not be sent',
        ),
      );
      return reply.code(202).send(answer);
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { access: 'public', rateLimit: authRateLimit, changesFamily: false },
      schema: { tags: ['accounts'], body: passwordResetConfirmBody, response: { 200: messageResponse } },
    },
    async (request, reply) => {
      const answer = await links.confirmPasswordReset(request.body, request.auth);
      // Every session of the account has ended, and this browser's, whoever's it was.
      clearSessionCookie(reply);
      return answer;
    },
  );

  app.post(
    '/api/account/email',
    {
      config: { access: 'family.read', rateLimit: authRateLimit, changesFamily: false },
      schema: { tags: ['accounts'], body: changeEmailBody, response: { 200: changeEmailResponse } },
    },
    async (request) => links.changeEmail(requireAuth(request), request.body),
  );

  app.post(
    '/api/account/email/confirm',
    {
      config: { access: 'public', rateLimit: authRateLimit, changesFamily: false },
      schema: { tags: ['accounts'], body: confirmEmailBody, response: { 200: confirmEmailResponse } },
    },
    async (request) => links.confirmEmail(request.body.token, request.auth),
  );
};
