import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  familyResponse,
  membersResponse,
  sessionResponse,
  signInBody,
  signUpBody,
  signUpResponse,
  finishSignUpBody,
  updateFamilyBody,
} from '../../../contracts/accounts.js';
import {
  browserOf,
  clearSessionCookie,
  deviceCookieOf,
  requireAuth,
  setDeviceCookie,
  setSessionCookie,
} from '../../plugins/auth.js';
import type { AccountsService, NewSession } from './accounts.service.js';
import type { SignUpService } from './sign-up.service.js';
import { presentFamily, presentMember, presentSession } from './accounts.presenter.js';

// Sign-in and sign-up are the only routes open to strangers; both are rate-limited per address
// (on top of the sign-in throttle in the service, per account and address, with known devices).
export const accountsRoutes: FastifyPluginAsyncZod<{
  accounts: AccountsService;
  signUps: SignUpService;
  attemptsPerMinute: number;
}> = async (app, { accounts, signUps, attemptsPerMinute }) => {
  const authRateLimit = { max: attemptsPerMinute, timeWindow: '1 minute' };
  /** Hands a new family's owner their session and known-device cookies; answers the session. */
  const signedIn = async (reply: FastifyReply, { token, auth, device }: NewSession & { device: string }) => {
    setSessionCookie(reply, token);
    setDeviceCookie(reply, device);
    const { user, family } = await accounts.sessionView(auth);
    return presentSession(auth, user, family);
  };
  app.post(
    '/api/auth/sign-up',
    {
      config: { access: 'public', rateLimit: authRateLimit },
      schema: { tags: ['accounts'], body: signUpBody, response: { 201: signUpResponse } },
    },
    async (request, reply) => {
      const result = await signUps.signUp(request.body, browserOf(request));
      if (result.status === 'check-email') {
        // Logged by kind only: an error could carry the message, and the message holds the link.
        result.sending.catch((error: unknown) =>
          request.log.error(
            { code: (error as { code?: unknown } | null)?.code },
            'A sign-up e-mail could not be sent',
          ),
        );
        return reply.code(201).send(result.answer);
      }
      return reply.code(201).send({ status: 'signed-in', ...(await signedIn(reply, result.session)) });
    },
  );

  app.post(
    '/api/auth/sign-up/finish',
    {
      config: { access: 'public', rateLimit: authRateLimit },
      schema: { tags: ['accounts'], body: finishSignUpBody, response: { 201: sessionResponse } },
    },
    async (request, reply) => {
      const session = await signUps.finishSignUp(request.body.token, browserOf(request));
      return reply.code(201).send(await signedIn(reply, session));
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public', rateLimit: authRateLimit },
      schema: { tags: ['accounts'], body: signInBody, response: { 200: sessionResponse } },
    },
    async (request, reply) => {
      const { token, auth, device } = await accounts.signIn(request.body, {
        ...browserOf(request),
        address: request.ip,
        device: deviceCookieOf(request),
      });
      setSessionCookie(reply, token);
      if (device) setDeviceCookie(reply, device);
      const { user, family } = await accounts.sessionView(auth);
      return presentSession(auth, user, family);
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { access: 'family.read' }, schema: { tags: ['accounts'] } },
    async (request, reply) => {
      await accounts.signOut(requireAuth(request));
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/account/password',
    {
      config: { access: 'family.read', rateLimit: authRateLimit, changesFamily: false },
      schema: { tags: ['accounts'], body: changePasswordBody },
    },
    async (request, reply) => {
      await accounts.changePassword(requireAuth(request), request.body);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/session',
    { config: { access: 'family.read' }, schema: { tags: ['accounts'], response: { 200: sessionResponse } } },
    async (request) => {
      const auth = requireAuth(request);
      const { user, family } = await accounts.sessionView(auth);
      return presentSession(auth, user, family);
    },
  );

  app.get(
    '/api/family/members',
    { config: { access: 'family.read' }, schema: { tags: ['accounts'], response: { 200: membersResponse } } },
    async (request) => {
      const auth = requireAuth(request);
      const members = await accounts.listMembers(auth);
      return { members: members.map((member) => presentMember(auth, member)) };
    },
  );

  app.patch(
    '/api/family',
    {
      config: { access: 'family.manage' },
      schema: { tags: ['accounts'], body: updateFamilyBody, response: { 200: familyResponse } },
    },
    async (request) => {
      const family = await accounts.updateFamily(requireAuth(request), request.body);
      return { family: presentFamily(family) };
    },
  );
};
