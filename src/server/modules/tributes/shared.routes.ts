import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  sharedTributeBody,
  sharedTributeResponse,
  tributeSizes,
  type TributeSize,
} from '../../../contracts/tributes.js';
import { AppError } from '../../errors.js';
import { unlockValue, type TributeLinksService } from './links.service.js';
import { goneHtml, passwordPage, tributePage } from './shared.page.js';

// What someone with a tribute's share link reaches, signed out: the page (/tribute/<token>), its
// picture (/tribute/<token>/picture.png) and its JSON (POST /api/shared-tributes/view, the token in
// the body). Every one looks the link up afresh and answers 404 once it is revoked or expired,
// tells robots not to index, passes no address on (no-referrer) and is never cached. Password
// attempts are rate-limited per address; the server logs route patterns only, never the token.

const ROBOTS = 'noindex, nofollow, noarchive, noimageindex';
const UNLOCK_COOKIE = 'alongside_tribute';

const privateHeaders = (reply: FastifyReply) =>
  reply
    .header('x-robots-tag', ROBOTS)
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store');

export const sharedTributeApiRoutes: FastifyPluginAsyncZod<{
  links: TributeLinksService;
  attemptsPerMinute: number;
}> = async (app, { links, attemptsPerMinute }) => {
  app.post(
    '/api/shared-tributes/view',
    {
      config: {
        access: 'public',
        changesFamily: false,
        rateLimit: { max: attemptsPerMinute, timeWindow: '1 minute' },
      },
      schema: { tags: ['tributes'], body: sharedTributeBody, response: { 200: sharedTributeResponse } },
    },
    async (request, reply) => {
      privateHeaders(reply);
      const shared = await links.open(request.body.token, { password: request.body.password });
      if (shared.state === 'locked')
        throw new AppError('unauthenticated', 'This page needs the password the family set.', {
          password: 'Please type the password the family gave you with the link.',
        });
      return { tribute: links.shared(shared.tribute) };
    },
  );
};

export const sharedTributePageRoutes: FastifyPluginAsync<{
  links: TributeLinksService;
  secureCookies: boolean;
  attemptsPerMinute: number;
}> = async (app, { links, secureCookies, attemptsPerMinute }) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, body),
  );
  // Password attempts at the sign-in pace; looking at the page and its picture more freely.
  const attempts = { rateLimit: { max: attemptsPerMinute, timeWindow: '1 minute' } };
  const limited = { rateLimit: { max: attemptsPerMinute * 6, timeWindow: '1 minute' } };

  /** Runs `answer`; a link that is not there (never was, revoked, expired) is a 404 page. */
  const orGone = async (reply: FastifyReply, answer: () => Promise<FastifyReply>) => {
    privateHeaders(reply);
    try {
      return await answer();
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found')
        return reply.code(404).type('text/html; charset=utf-8').send(goneHtml);
      throw error;
    }
  };

  app.get<{ Params: { token: string } }>(
    '/tribute/:token',
    { config: { access: 'public', ...limited } },
    (request, reply) =>
      orGone(reply, async () => {
        const { token } = request.params;
        const shared = await links.open(token, { cookie: request.cookies[UNLOCK_COOKIE] });
        const html =
          shared.state === 'open'
            ? tributePage(token, links.shared(shared.tribute))
            : passwordPage(token, false);
        return reply.type('text/html; charset=utf-8').send(html);
      }),
  );

  // The password form. The token in the address is this request's proof (there is no session to
  // ask a CSRF token of); a wrong password changes nothing, and attempts are rate-limited.
  app.post<{ Params: { token: string }; Body: string }>(
    '/tribute/:token',
    { config: { access: 'public', proof: 'signed-link', ...attempts } },
    (request, reply) =>
      orGone(reply, async () => {
        const { token } = request.params;
        const password =
          new URLSearchParams(typeof request.body === 'string' ? request.body : '').get('password') ?? '';
        const shared = await links.open(token, { password: password.slice(0, 200) });
        if (shared.state === 'locked' || !shared.link.passwordHash)
          return reply.code(401).type('text/html; charset=utf-8').send(passwordPage(token, true));
        reply.setCookie(UNLOCK_COOKIE, unlockValue(token, shared.link.passwordHash), {
          path: `/tribute/${token}`,
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookies,
          maxAge: 7 * 24 * 3600,
        });
        return reply.redirect(`/tribute/${token}`, 303);
      }),
  );

  app.get<{ Params: { token: string }; Querystring: { size?: string } }>(
    '/tribute/:token/picture.png',
    { config: { access: 'public', ...limited } },
    (request, reply) =>
      orGone(reply, async () => {
        const shared = await links.open(request.params.token, { cookie: request.cookies[UNLOCK_COOKIE] });
        // Locked is answered as not there: nothing of the tribute shows without the password.
        if (shared.state === 'locked') return reply.code(404).type('text/html; charset=utf-8').send(goneHtml);
        const asked = request.query.size;
        const size: TributeSize =
          asked && Object.hasOwn(tributeSizes, asked) ? (asked as TributeSize) : 'portrait';
        const png = await links.picture(shared.tribute, size);
        return reply
          .header('content-disposition', `inline; filename="tribute-${size}.png"`)
          .header('x-content-type-options', 'nosniff')
          .type('image/png')
          .send(png);
      }),
  );
};
