import type { ErrorCode, ErrorResponse } from '../../contracts/errors.js';

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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const OFFLINE_MESSAGE = 'We could not reach Alongside. Please check your connection and try again.';

/** With no signal at all, say so, and what will happen (reads kept on the device came from there). */
function unreachable(method: Method): string {
  if (typeof navigator === 'undefined' || navigator.onLine) return OFFLINE_MESSAGE;
  return method === 'GET'
    ? 'You’re offline, and this is not kept on this phone yet. It opens once you are back online.'
    : 'You’re offline. This change needs a connection; please try again when you are back online.';
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
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

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = errorOf(payload);
  const failure = new ApiError(
    response.status,
    error?.code ?? (response.status >= 500 ? 'unavailable' : 'internal'),
    error?.message ?? 'Something went wrong on our side. Please try again in a moment.',
    error?.fields ?? {},
  );
  if (response.status === 401 && path !== '/api/auth/sign-in') onSignedOut();
  throw failure;
}

/**
 * The one error shape, checked by hand rather than with its zod schema, which would put zod on the
 * first screen's critical path. Anything else (a proxy's HTML page, say) still gets a calm sentence.
 */
function errorOf(payload: unknown): ErrorResponse['error'] | undefined {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return undefined;
  const { error } = payload as Partial<ErrorResponse>;
  return typeof error?.code === 'string' && typeof error.message === 'string' ? error : undefined;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A calm sentence for any failure, for notices. */
export function messageOf(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something went wrong. Please try again in a moment.';
}
