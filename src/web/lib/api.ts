import type { ErrorCode } from '../../contracts/errors.js';
import { CONTRACTS_HEADER } from '../../contracts/paths.js';

/** A failure the server (or the network) reported, in the one error shape of contracts/errors.ts. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's code; `network` when it was never reached; `outdated` when this page is older than the server. */
    readonly code: ErrorCode | 'network' | 'outdated',
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

let csrfToken: string | null = null;
let onSignedOut: () => void = () => undefined;
/**
 * Which session requests are sent under: it moves on whenever the app signs in, up or out. A 401
 * to a request sent under an earlier one (a session check still on its way when the family signed
 * up) says nothing about the session the app holds now, so it must not end it.
 */
let sessionEpoch = 0;

/** Reads asked for by boot.ts before the app's code arrived, each waiting for its first `send`. */
const early = new Map<string, Promise<Response>>();

/** The session's CSRF token, sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  if (token !== csrfToken) {
    sessionEpoch++;
    early.clear(); // asked under the session the page opened with, which this one is not
  }
  csrfToken = token;
}

/** The session's CSRF token, for a request `send` cannot make (a file's own bytes as the body). */
export const currentCsrfToken = (): string | null => csrfToken;

/** The session requests are sent under now (see sessionEpoch). */
export const currentSessionEpoch = (): number => sessionEpoch;

/** Called once by the app: what to do when the server says the session has ended. */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const OFFLINE_MESSAGE = 'We could not reach Alongside. Please check your connection and try again.';

/** With no signal at all, say so, and what will happen (reads kept on the device came from there). */
function unreachable(method: Method): string {
  if (typeof navigator === 'undefined' || navigator.onLine) return OFFLINE_MESSAGE;
  return method === 'GET'
    ? 'You’re offline, and this is not kept on this phone yet. It opens once you are back online.'
    : 'You’re offline. This change needs a connection; please try again when you are back online.';
}

/** What the server answered, before it is checked against the endpoint's contract (client.ts). */
export interface RawAnswer {
  status: number;
  ok: boolean;
  /** The parsed JSON, or undefined for 204 and for a body that is not JSON. */
  payload: unknown;
  /** The session the request was sent under (see sessionEpoch). */
  epoch: number;
  /** The contracts the server answered by (CONTRACTS_HEADER), where it said. */
  contracts?: string | null;
}

/**
 * Asks for a read now, before the app's code has arrived (boot.ts, on a trip's address): the first
 * `send` of the same GET takes this request's answer instead of asking again. Only reads made under
 * the session the page opened with take it (see sessionEpoch).
 */
export function askEarly(path: string): void {
  if (early.has(path)) return;
  const asked = fetch(path, {
    method: 'GET',
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  asked.catch(() => undefined); // a failure is reported to the send that takes it
  early.set(path, asked);
}

/** The answer boot.ts asked for, taken once; undefined when there is none to take. */
function takeEarly(method: Method, path: string, epoch: number): Promise<Response> | undefined {
  if (method !== 'GET' || epoch !== 0) return undefined;
  const asked = early.get(path);
  early.delete(path);
  return asked;
}

/**
 * Sends one request: the session's CSRF token on every change, same-origin credentials. A request
 * that never reached the server becomes an ApiError with status 0 and a calm sentence; everything
 * else is handed back unchecked for `client.ts` to parse with the endpoint's zod contract. This file
 * stays free of zod, so the first screen does not wait for it.
 */
export async function send(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<RawAnswer> {
  const epoch = sessionEpoch;
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  // A file (a photo) goes as its own bytes with its own type (POST /api/media); anything else as JSON.
  const file = typeof Blob !== 'undefined' && body instanceof Blob ? body : null;
  if (body !== undefined)
    headers['content-type'] = file ? file.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await (takeEarly(method, path, epoch) ??
      fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined && { body: file ?? JSON.stringify(body) }),
      }));
  } catch {
    throw new ApiError(0, 'network', unreachable(method));
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  return {
    status: response.status,
    ok: response.ok,
    payload,
    epoch,
    contracts: response.headers.get(CONTRACTS_HEADER),
  };
}

/**
 * The server says the session has ended (a 401 anywhere but on signing in), for a request sent
 * under `epoch`: only the session it was sent under can have ended.
 */
export function sessionEnded(epoch: number): void {
  if (epoch === sessionEpoch) onSignedOut();
}

/** A calm sentence for any failure, for notices. */
export function messageOf(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something went wrong. Please try again in a moment.';
}
