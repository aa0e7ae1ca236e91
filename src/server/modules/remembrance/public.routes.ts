import type { FastifyPluginAsync } from 'fastify';
import type { RemembranceService } from './remembrance.service.js';

// Pages reached without signing in, by a secret in the address: the calendar feed a phone
// subscribes to, and the one-click unsubscribe link in reminder e-mails. Only hashes or signatures
// of these secrets are kept, and the routes log their pattern, never the address.

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Alongside</title>
<style>body{font-family:Georgia,serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#2b2a33;background:#fbf8f4;line-height:1.6}
button{font:inherit;padding:.7rem 1.2rem;border-radius:.6rem;border:1px solid #6b5b95;background:#6b5b95;color:#fff;min-height:44px;cursor:pointer}</style>
</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

export const publicRemembranceRoutes: FastifyPluginAsync<{ remembrance: RemembranceService }> = async (
  app,
  { remembrance },
) => {
  // RFC 8058 one-click unsubscribe posts a form body; this is the only route that reads one.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get<{ Params: { feed: string } }>(
    '/calendar/:feed',
    { config: { access: 'public' } },
    async (request, reply) => {
      const token = request.params.feed.replace(/\.ics$/, '');
      const ics = token.length >= 32 ? await remembrance.feed(token) : null;
      if (ics === null)
        return reply
          .code(404)
          .type('text/plain; charset=utf-8')
          .send('This calendar address is no longer in use.');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="alongside.ics"')
        .send(ics);
    },
  );

  app.get<{ Params: { token: string } }>(
    '/unsubscribe/:token',
    { config: { access: 'public' } },
    async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(
        page(
          'Stop e-mail reminders?',
          `<p>You can stop reminders by e-mail here. Reminders in the app stay as they are, and you can turn e-mail on again in Settings.</p>
<form method="post" action="/unsubscribe/${encodeURIComponent(request.params.token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Stop e-mail reminders</button></form>`,
        ),
      ),
  );

  app.post<{ Params: { token: string } }>(
    '/unsubscribe/:token',
    // The signed token in the address is the proof (unsubscribe.ts), as RFC 8058 intends: mail
    // clients post without cookies, and our own page's form posts `Origin: null`.
    { config: { access: 'public', proof: 'signed-link' } },
    async (request, reply) => {
      const done = await remembrance.unsubscribe(request.params.token);
      if (!done)
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(
            page(
              'This link no longer works',
              '<p>Links in reminder e-mails work for a year, and stop once e-mail reminders are turned on again. You can turn them off in Settings instead.</p>',
            ),
          );
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            'E-mail reminders are off',
            '<p>You will not get reminders by e-mail any more. Reminders in the app stay as they are.</p>',
          ),
        );
    },
  );
};
