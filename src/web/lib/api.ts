import type { ErrorCode } from '../../contracts/errors.js';

/** A failure the server (or the network) reported, in the one error shape of contracts/errors.ts. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
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

/** The session's CSRF token, sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

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
}

/**
 * Sends one request: the session's CSRF token on every change, same-origin credentials. A request
 * that never reached the server becomes an ApiError with status 0 and a calm sentence; everything
 * else is handed back unchecked for `client.ts` to parse with the endpoint's zod contract. This file
 * stays free of zod, so the first screen does not wait for it.
 */
export async function send(method: Method, path: string, body?: unknown): Promise<RawAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', unreachable(method));
  }
  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  return { status: response.status, ok: response.ok, payload };
}

/** The server says the session has ended (a 401 anywhere but on signing in). */
export function sessionEnded(): void {
  onSignedOut();
}

/** A calm sentence for any failure, for notices. */
export function messageOf(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something went wrong. Please try again in a moment.';
}
