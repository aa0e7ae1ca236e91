import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { membersResponse, type Member } from '../../../contracts/accounts.js';
import {
  changeRoleBody,
  createdInviteResponse,
  createInviteBody,
  inviteResponse,
  invitesResponse,
  leaveResponse,
} from '../../../contracts/family.js';
import { clearSessionCookie, requireAuth } from '../../plugins/auth.js';
import type { AccountsServices, AuthContext } from '../accounts/index.js';
import type { InvitesService } from './invites.service.js';
import type { MembersService } from './members.service.js';

// A family's invites and members, for those signed in to it. Who may: owners and adults make and
// take back invites ('family.invite'); owners change roles, remove members and hand over
// ('family.manage'); anyone may leave.

const tags = ['family'];
const inviteParams = z.object({ inviteId: z.string() });
const memberParams = z.object({ memberId: z.string() });

export const familyRoutes: FastifyPluginAsyncZod<{
  invites: InvitesService;
  members: MembersService;
  accounts: AccountsServices;
}> = async (app, { invites, members, accounts }) => {
  const memberList = async (auth: AuthContext) => ({
    members: (await accounts.listMembers(auth)).map((member): Member => ({
      id: member.id,
      displayName: member.displayName,
      role: member.role,
      isYou: member.id === auth.memberId,
    })),
  });

  app.get(
    '/api/family/invites',
    { config: { access: 'family.invite' }, schema: { tags, response: { 200: invitesResponse } } },
    async (request) => ({ invites: await invites.list(requireAuth(request)) }),
  );

  app.post(
    '/api/family/invites',
    {
      // A new invite changes nothing the calendar or reminders read.
      config: { access: 'family.invite', followUp: false },
      schema: { tags, body: createInviteBody, response: { 201: createdInviteResponse } },
    },
    async (request, reply) => reply.code(201).send(await invites.create(requireAuth(request), request.body)),
  );

  app.post(
    '/api/family/invites/:inviteId/revoke',
    {
      config: { access: 'family.invite', followUp: false },
      schema: { tags, params: inviteParams, response: { 200: inviteResponse } },
    },
    async (request) => ({ invite: await invites.revoke(requireAuth(request), request.params.inviteId) }),
  );

  app.patch(
    '/api/family/members/:memberId',
    {
      config: { access: 'family.manage' },
      schema: { tags, params: memberParams, body: changeRoleBody, response: { 200: membersResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { role } = request.body;
      if (role) await members.changeRole(auth, request.params.memberId, role);
      return memberList(auth);
    },
  );

  app.delete(
    '/api/family/members/:memberId',
    { config: { access: 'family.manage' }, schema: { tags, params: memberParams } },
    async (request, reply) => {
      await members.remove(requireAuth(request), request.params.memberId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/family/members/:memberId/hand-over',
    {
      config: { access: 'family.manage' },
      schema: { tags, params: memberParams, response: { 200: membersResponse } },
    },
    async (request) => {
      const auth = requireAuth(request);
      await members.handOver(auth, request.params.memberId);
      return memberList({ ...auth, role: 'adult' });
    },
  );

  app.post(
    '/api/family/leave',
    { config: { access: 'family.read' }, schema: { tags, response: { 200: leaveResponse } } },
    async (request, reply) => {
      const { auth, answer } = await members.leave(requireAuth(request));
      if (!auth) clearSessionCookie(reply);
      return answer;
    },
  );
};
