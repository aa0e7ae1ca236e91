import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionResponse } from '../../../contracts/accounts.js';
import {
  childModeResponse,
  childProfilesResponse,
  createChildProfileBody,
  leaveChildModeBody,
  startChildModeBody,
  tripHelpsResponse,
  updateChildProfileBody,
} from '../../../contracts/children.js';
import { browserOf, requireAuth, setDeviceCookie, setSessionCookie } from '../../plugins/auth.js';
import type { AccountsServices } from '../accounts/index.js';
import type { ChildrenService } from './children.service.js';

// Child profiles are made and handed a phone by owners and adults ('children.manage'); child mode's
// own routes are open to a child-mode session only ('childMode.use'), and every other route refuses
// it (contracts/permissions.ts). Handing over and leaving hash or check a PIN, which is slow, so they
// run outside the family's transaction (`changesFamily: false`) and are rate-limited like sign-in.

const tags = ['children'];
const profileParams = z.object({ childProfileId: z.string() });

export const childrenRoutes: FastifyPluginAsyncZod<{
  children: ChildrenService;
  accounts: AccountsServices;
  attemptsPerMinute: number;
}> = async (app, { children, accounts, attemptsPerMinute }) => {
  const rateLimit = { max: attemptsPerMinute, timeWindow: '1 minute' };

  app.get(
    '/api/child-profiles',
    { config: { access: 'children.manage' }, schema: { tags, response: { 200: childProfilesResponse } } },
    async (request) => ({ profiles: await children.listProfiles(requireAuth(request)) }),
  );

  app.post(
    '/api/child-profiles',
    {
      config: { access: 'children.manage', followUp: false },
      schema: { tags, body: createChildProfileBody, response: { 201: childProfilesResponse } },
    },
    async (request, reply) =>
      reply.code(201).send({ profiles: await children.createProfile(requireAuth(request), request.body) }),
  );

  app.patch(
    '/api/child-profiles/:childProfileId',
    {
      config: { access: 'children.manage', followUp: false },
      schema: {
        tags,
        params: profileParams,
        body: updateChildProfileBody,
        response: { 200: childProfilesResponse },
      },
    },
    async (request) => ({
      profiles: await children.updateProfile(
        requireAuth(request),
        request.params.childProfileId,
        request.body,
      ),
    }),
  );

  app.delete(
    '/api/child-profiles/:childProfileId',
    {
      config: { access: 'children.manage', followUp: false },
      schema: { tags, params: profileParams, response: { 200: childProfilesResponse } },
    },
    async (request) => ({
      profiles: await children.removeProfile(requireAuth(request), request.params.childProfileId),
    }),
  );

  app.post(
    '/api/child-profiles/:childProfileId/child-mode',
    {
      config: { access: 'children.manage', rateLimit, changesFamily: false },
      schema: { tags, params: profileParams, body: startChildModeBody, response: { 201: childModeResponse } },
    },
    async (request, reply) => {
      const { session, view } = await children.startChildMode(
        requireAuth(request),
        request.params.childProfileId,
        request.body.pin,
        browserOf(request),
      );
      setSessionCookie(reply, session.token);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/child-mode',
    { config: { access: 'childMode.use' }, schema: { tags, response: { 200: childModeResponse } } },
    async (request) => children.view(requireAuth(request)),
  );

  app.post(
    '/api/child-mode/leg-checks/:checkId/keepsakes/:tripKeepsakeId/help',
    {
      config: { access: 'childMode.use', followUp: false },
      schema: {
        tags,
        params: z.object({ checkId: z.string(), tripKeepsakeId: z.string() }),
        response: { 201: childModeResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await children.help(requireAuth(request), request.params.checkId, request.params.tripKeepsakeId),
        ),
  );

  app.post(
    '/api/child-mode/leave',
    {
      config: { access: 'childMode.use', rateLimit, changesFamily: false },
      schema: { tags, body: leaveChildModeBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const session = await accounts.childMode.leave(requireAuth(request), request.body, browserOf(request));
      setSessionCookie(reply, session.token);
      setDeviceCookie(reply, session.device);
      return accounts.sessionAnswer(session.auth);
    },
  );

  app.get(
    '/api/trips/:tripId/helps',
    {
      config: { access: 'trips.read' },
      schema: { tags, params: z.object({ tripId: z.string() }), response: { 200: tripHelpsResponse } },
    },
    async (request) => children.tripHelps(requireAuth(request), request.params.tripId),
  );
};
