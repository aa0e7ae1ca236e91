import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, permissions, type Permission } from '../../contracts/permissions.js';
import { AppError, forbidden } from '../errors.js';
import type { FamilyChanges, FamilyUnit } from '../family-changes.js';
import type { AccountsService, AuthContext } from '../modules/accounts/index.js';
import { safeEqual } from '../secrets.js';

/** Every route says who may call it: 'public', or the permission a member needs (STYLE.md rule 4). */
export type Access = 'public' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route's own proof that the request is wanted, instead of a session and its CSRF token:
     * 'signed-link' for a link we signed and e-mailed (one-click unsubscribe). Such a request is
     * handled as no one's, even from a signed-in browser, and its Origin is not asked for: a form
     * on our own page posts `Origin: null` under `Referrer-Policy: no-referrer`.
     */
    proof?: 'signed-link';
    /**
     * false for a signed-in write that is not a change to the family's data (changing one's own
     * password): it runs outside the family's transaction, so what it records on failure (a wrong
     * current password, counted by the throttle) is kept although the answer is an error.
     */
    changesFamily?: false;
    /**
     * false for a change no module follows up (a checklist tick, a ticked requirement: the calendar
     * and reminders read none of it). The family's revision still rises, so cached views refresh,
     * but no family-changed job is queued. Leave it out whenever a listener might care.
     */
    followUp?: false;
  }
  interface FastifyInstance {
    cookiePolicy: CookiePolicy;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
    /** The change a signed-in member's state-changing request makes, as one transaction. */
    familyUnit: FamilyUnit | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * The cookies' names and Secure flag belong to the app they were built for, never to the module:
 * two apps in one process (tests, a second instance) each keep their own. "__Host-" pins a cookie
 * to this origin and requires Secure, so it is used only over HTTPS.
 */
interface CookiePolicy {
  session: string;
  device: string;
  secure: boolean;
}

const cookiePolicy = (secure: boolean): CookiePolicy => ({
  session: secure ? '__Host-alongside_session' : 'alongside_session',
  device: secure ? '__Host-alongside_device' : 'alongside_device',
  secure,
});

export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated', 'Please sign in again.');
  return request.auth;
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  const policy = reply.server.cookiePolicy;
  reply.setCookie(policy.session, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    path: '/',
    maxAge: 30 * 24 * 3600,
  });
}

/**
 * The known-device cookie (accounts.service.ts, the sign-in throttle): kept for a year, through
 * signing out, since it says only that this browser has signed in to the account before.
 */
export function setDeviceCookie(reply: FastifyReply, value: string): void {
  const policy = reply.server.cookiePolicy;
  reply.setCookie(policy.device, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    path: '/',
    maxAge: 365 * 24 * 3600,
  });
}

/** The browser a sign-in comes from: its User-Agent, and the session cookie it still holds. */
export function browserOf(request: FastifyRequest): {
  userAgent: string | undefined;
  previousSession: string | undefined;
} {
  return {
    userAgent: request.headers['user-agent'],
    previousSession: request.cookies[request.server.cookiePolicy.session],
  };
}

/** The known-device cookie this request carries, if any. */
export function deviceCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[request.server.cookiePolicy.device];
}

export function clearSessionCookie(reply: FastifyReply): void {
  const policy = reply.server.cookiePolicy;
  reply.clearCookie(policy.session, { path: '/', httpOnly: true, sameSite: 'lax', secure: policy.secure });
}

/**
 * Resolves the session once per request and enforces the route's declared access. A route without
 * a declared access fails at start-up, so no route can be added that forgets to say who may call it.
 */
export function registerAuth(
  app: FastifyInstance,
  {
    accounts,
    secureCookies,
    baseUrl,
    changes,
  }: {
    accounts: AccountsService;
    secureCookies: boolean;
    baseUrl: string;
    changes: FamilyChanges;
  },
): void {
  app.decorate('cookiePolicy', cookiePolicy(secureCookies));
  const ownOrigin = new URL(baseUrl).origin;

  app.decorateRequest('auth', null);
  app.decorateRequest('familyUnit', null);

  app.addHook('onRoute', (route) => {
    if (route.config?.proof === 'signed-link' && route.config.access !== 'public') {
      throw new Error(
        `Route ${String(route.method)} ${route.url} has a signed link as proof, so it must be public`,
      );
    }
    // Static files of the web app are public by nature; everything under /api must say who may call it.
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access !== 'public' && !permissions.includes(access as Permission)) {
      throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // static files and the 404 handler
    if (request.routeOptions.config.proof === 'signed-link') {
      request.auth = null;
      return;
    }
    const token = request.cookies[app.cookiePolicy.session];
    request.auth = token ? await accounts.resolveSession(token) : null;

    if (!SAFE_METHODS.has(request.method)) checkCsrf(request, ownOrigin);
    if (access === 'public') return;
    if (!request.auth) throw new AppError('unauthenticated', 'Please sign in to continue.');
    if (!can(request.auth.role, access)) throw forbidden();
  });

  // A signed-in member's state-changing request is one change to the family (family-changes.ts):
  // its writes, the family's revision and the family-changed job commit together before the answer
  // leaves, so the member's next read, on any instance, sees it, and the calendar work that follows
  // is never lost. The transaction opens after validation and the id checks, so a refused request
  // holds no connection; a failed one (4xx, 5xx) rolls back and raises nothing.
  app.addHook('preHandler', (request, _reply, done) => {
    if (!request.auth || SAFE_METHODS.has(request.method)) return done();
    if (request.routeOptions.config.changesFamily === false) return done();
    changes.begin(request.auth.familyId).then(
      (unit) => {
        request.familyUnit = unit;
        changes.run(unit, () => done());
      },
      (error: Error) => done(error),
    );
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const unit = request.familyUnit;
    if (!unit?.open) return done(null, payload);
    const followUp = request.routeOptions.config.followUp !== false;
    const end = reply.statusCode < 400 ? changes.commit(unit, { followUp }) : changes.rollback(unit);
    end.then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });

  // A request that ended without an answer being sent (the client went away mid-handler) rolls back.
  app.addHook('onResponse', async (request) => {
    if (request.familyUnit?.open) await changes.rollback(request.familyUnit);
  });
}

/**
 * State-changing requests from a signed-in browser must carry the session's CSRF token in a header,
 * which a cross-site form cannot set. Anonymous ones (sign-in, sign-up) must not come from another
 * origin. JSON-only bodies (no form parser is registered) close the remaining simple-request path.
 */
function checkCsrf(request: FastifyRequest, ownOrigin: string): void {
  const origin = request.headers.origin;
  if (origin && origin !== ownOrigin && !sameHost(origin, request.headers.host)) {
    throw new AppError('csrf_failed', 'This request came from another site, so it was not carried out.');
  }
  if (!request.auth) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !safeEqual(sent, request.auth.csrfToken)) {
    throw new AppError('csrf_failed', 'Please reload the page and try again.');
  }
}

/** The page's origin names the host this request went to: same-origin, whatever name was used. */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
