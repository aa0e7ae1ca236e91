import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  supporterConfirmResponse,
  supporterDoneResponse,
  supporterConfirmBody,
  supporterReplyBody,
  supporterReplyLinkBody,
  supporterStopBody,
  supporterReplyPreviewResponse,
  MAX_PHOTO_CHARS,
} from '../../../contracts/supporters.js';
import { AppError } from '../../errors.js';
import type { SupporterLinksService } from './public.service.js';

const STOP_GONE = 'This link no longer works. Nothing more will be sent to you from this family.';

// What a supporter reaches from an e-mail, without an account. The web pages read the token from
// the link's fragment and post it here, so it is in no address a server logs. None of these is a
// change made by whoever may be signed in on the device (`changesFamily: false`): each changes the
// supporter's family in its own transaction. Rate-limited per address, like joining.

const tags = ['supporters'];

export const supporterLinkRoutes: FastifyPluginAsyncZod<{
  links: SupporterLinksService;
  attemptsPerMinute: number;
}> = async (app, { links, attemptsPerMinute }) => {
  const config = {
    access: 'public',
    changesFamily: false,
    rateLimit: { max: attemptsPerMinute, timeWindow: '1 minute' },
  } as const;

  app.post(
    '/api/supporter-links/confirm',
    { config, schema: { tags, body: supporterConfirmBody, response: { 200: supporterConfirmResponse } } },
    async (request) => links.confirm(request.body.token),
  );

  app.post(
    '/api/supporter-links/reply/preview',
    {
      config,
      schema: { tags, body: supporterReplyLinkBody, response: { 200: supporterReplyPreviewResponse } },
    },
    async (request) => links.replyPreview(request.body.token),
  );

  app.post(
    '/api/supporter-links/reply',
    // Room for one photo in base64 besides the words (the contract caps the photo itself).
    {
      config,
      bodyLimit: MAX_PHOTO_CHARS + 64 * 1024,
      schema: { tags, body: supporterReplyBody, response: { 201: supporterDoneResponse } },
    },
    async (request, reply) => {
      await links.reply(request.body);
      return reply.code(201).send({ done: true as const });
    },
  );

  app.post(
    '/api/supporter-links/stop',
    { config, schema: { tags, body: supporterStopBody, response: { 200: supporterDoneResponse } } },
    async (request) => {
      if (!(await links.stop(request.body.token))) throw new AppError('not_found', STOP_GONE);
      return { done: true as const };
    },
  );
};

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Alongside</title>
<style>body{font-family:Georgia,serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#2b2a33;background:#fbf8f4;line-height:1.6}</style>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/**
 * RFC 8058 one-click unsubscribe from a supporter's e-mail (the List-Unsubscribe header): mail
 * clients post without cookies, so the signed token in the address is the proof.
 */
export const supporterOneClickRoutes: FastifyPluginAsync<{ links: SupporterLinksService }> = async (
  app,
  { links },
) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get<{ Params: { token: string } }>(
    '/supporter-stop/:token',
    { config: { access: 'public' } },
    async (request, reply) =>
      reply.redirect(`/supporter/stop#token=${encodeURIComponent(request.params.token)}`, 303),
  );

  app.post<{ Params: { token: string } }>(
    '/supporter-stop/:token',
    { config: { access: 'public', proof: 'signed-link' } },
    async (request, reply) => {
      const done = await links.stop(request.params.token);
      return reply
        .code(done ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(
          done
            ? page(
                'No more e-mails',
                '<p>You will not get these e-mails any more. Thank you for being there.</p>',
              )
            : page('This link no longer works', '<p>Nothing more will be sent to you from this family.</p>'),
        );
    },
  );
};
