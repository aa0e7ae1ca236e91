import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionResponse } from '../../../contracts/accounts.js';
import {
  familiesResponse,
  invitePreviewResponse,
  inviteLookupBody,
  joinAsNewBody,
  joinBody,
  joinWithAccountBody,
  switchFamilyBody,
} from '../../../contracts/family.js';
import {
  browserOf,
  deviceCookieOf,
  requireAuth,
  setDeviceCookie,
  setSessionCookie,
} from '../../plugins/auth.js';
import type { AccountsServices } from '../accounts/index.js';
import type { InvitesService } from './invites.service.js';
import type { MembersService } from './members.service.js';

// Joining a family through an invite, and moving between one's families. The invite routes are
// rate-limited per address like sign-in (codes are short enough to read out, so guessing must be
// slow). None of these runs in the caller's family transaction (`changesFamily: false`): joining
// changes the invite's family, in its own transaction (invites.service.ts), and switching changes
// only the session.

const tags = ['family'];

export const joinRoutes: FastifyPluginAsyncZod<{
  invites: InvitesService;
  members: MembersService;
  accounts: AccountsServices;
  attemptsPerMinute: number;
}> = async (app, { invites, members, accounts, attemptsPerMinute }) => {
  const rateLimit = { max: attemptsPerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/join/preview',
    {
      config: { access: 'public', rateLimit, changesFamily: false },
      schema: { tags, body: inviteLookupBody, response: { 200: invitePreviewResponse } },
    },
    async (request) => invites.preview(request.body.invite, request.auth),
  );

  app.post(
    '/api/join/sign-up',
    {
      config: { access: 'public', rateLimit, changesFamily: false },
      schema: { tags, body: joinAsNewBody, response: { 201: sessionResponse } },
    },
    async (request, reply) => {
      const { token, auth, device } = await invites.joinAsNew(request.body, browserOf(request));
      setSessionCookie(reply, token);
      setDeviceCookie(reply, device);
      return reply.code(201).send(await accounts.sessionAnswer(auth));
    },
  );

  app.post(
    '/api/join/sign-in',
    {
      config: { access: 'public', rateLimit, changesFamily: false },
      schema: { tags, body: joinWithAccountBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const { token, auth, device } = await invites.joinWithAccount(request.body, {
        ...browserOf(request),
        address: request.ip,
        device: deviceCookieOf(request),
      });
      setSessionCookie(reply, token);
      setDeviceCookie(reply, device);
      return accounts.sessionAnswer(auth);
    },
  );

  app.post(
    '/api/join',
    {
      config: { access: 'family.read', rateLimit, changesFamily: false },
      schema: { tags, body: joinBody, response: { 200: sessionResponse } },
    },
    async (request) => accounts.sessionAnswer(await invites.join(requireAuth(request), request.body.invite)),
  );

  app.get(
    '/api/account/families',
    { config: { access: 'family.read' }, schema: { tags, response: { 200: familiesResponse } } },
    async (request) => ({ families: await members.families(requireAuth(request)) }),
  );

  app.post(
    '/api/account/family',
    {
      config: { access: 'family.read', changesFamily: false },
      schema: { tags, body: switchFamilyBody, response: { 200: sessionResponse } },
    },
    async (request) =>
      accounts.sessionAnswer(await members.switchTo(requireAuth(request), request.body.familyId)),
  );
};
