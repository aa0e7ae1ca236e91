import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers from helmet (CSP, nosniff, no framing, referrer policy, HSTS over HTTPS, …) for
 * the web app. They are the same for every response, so helmet runs once at start-up and its
 * headers are replayed; @fastify/helmet rebuilt them on every request, which cost more than a
 * database read. JSON answers from /api get the short set OWASP's REST cheat sheet recommends for
 * APIs: nothing in them is ever rendered as a page, and every byte is sent on every request. API
 * answers are private to a family, so no cache (a shared proxy, the browser's disk) keeps them
 * unless a route says otherwise (the checklist's revalidated reads, the carriers list); the
 * installed app's own offline copy is its service worker's, which these headers do not touch.
 * Neither pages nor answers need the camera, location or payment, and answers never the microphone;
 * Permissions-Policy says so, so an injected script could not ask for them either. The app's own
 * pages may ask for the microphone, and only for themselves: a child records a voice note for the
 * memory box (the browser still asks the person first). Photos come through a file picker, which
 * needs no camera permission. The build's hashed files under
 * /assets/ (scripts, styles, images) get only what applies to a subresource (nosniff, the resource
 * policy, HSTS): a page's policy is read from the page, and a service worker's from its own script,
 * which lives at the root. On a weak signal the first trip page loads about twenty of them, and the
 * page policy would add some 650 bytes to each.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  {
    https,
    answersAlsoCarry = {},
  }: {
    https: boolean;
    /** Headers every API answer carries beside these (the contracts' fingerprint), replayed the same way. */
    answersAlsoCarry?: Record<string, string>;
  },
): void {
  const options: HelmetOptions = {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  };
  const devices = (microphone: string) =>
    `accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=${microphone}, payment=(), usb=()`;
  const permissionsPolicy = devices('()');
  const headers: Record<string, string> = { 'permissions-policy': devices('(self)') };
  const recorder = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);

  const apiHeaders: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'permissions-policy': permissionsPolicy,
    ...(https && { 'strict-transport-security': headers['strict-transport-security'] ?? 'max-age=31536000' }),
    ...answersAlsoCarry,
  };

  const assetHeaders: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    ...(https && { 'strict-transport-security': apiHeaders['strict-transport-security']! }),
  };

  app.addHook('onRequest', (request, reply, done) => {
    const { url } = request;
    reply.headers(url.startsWith('/api/') ? apiHeaders : url.startsWith('/assets/') ? assetHeaders : headers);
    done();
  });
}
