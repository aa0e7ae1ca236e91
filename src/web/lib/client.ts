import type { z } from 'zod';
import {
  endpoints,
  pathOf,
  type AnyEndpoint,
  type BodyOf,
  type ParamNames,
  type PathParams,
  type ResponseOf,
} from '../../contracts/endpoints.js';
import { errorResponseSchema } from '../../contracts/errors.js';
import { ApiError, send, sessionEnded, type RawAnswer } from './api.js';

// The typed client: every call names an endpoint of contracts/endpoints.ts, so its path, body and
// answer are those the server registers. Path values are encoded, answers are parsed with the
// endpoint's zod contract, and failures become an ApiError: the typed problem (status, the server's
// error code, a sentence to show, and a message per field).

export { endpoints };

/** What a call to this endpoint needs: its path values, its body and its query, where it has them. */
export type CallArgs<E extends AnyEndpoint> = ([ParamNames<E['path']>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<E['path']> }) &
  (E['body'] extends z.ZodType ? { body: BodyOf<E> } : { body?: undefined }) &
  (E['query'] extends z.ZodType ? { query?: z.input<E['query']> } : { query?: undefined });

/** The arguments of `call`: none at all when the endpoint needs nothing. */
export type CallRest<E extends AnyEndpoint> = [ParamNames<E['path']>] extends [never]
  ? E['body'] extends z.ZodType
    ? [args: CallArgs<E>]
    : [args?: CallArgs<E>]
  : [args: CallArgs<E>];

const OUR_SIDE = 'Something went wrong on our side. Please try again in a moment.';

/** The address of an endpoint, with its path values encoded and its query (if any) appended. */
export function hrefOf<E extends AnyEndpoint>(endpoint: E, ...[args]: CallRest<E>): string {
  const path = pathOf(endpoint.path, (args?.params ?? {}) as PathParams<E['path']>);
  const query = args?.query as Record<string, unknown> | undefined;
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Calls one endpoint and answers what it says, checked against its contract. */
export async function call<E extends AnyEndpoint>(endpoint: E, ...rest: CallRest<E>): Promise<ResponseOf<E>> {
  const [args] = rest;
  const path = hrefOf(endpoint, ...rest);
  return settle(endpoint, await send(endpoint.method, path, args?.body));
}

/**
 * What an answer means: a success parsed with the endpoint's schema (an answer that breaks its
 * contract is a problem, never passed on), or the failure as an ApiError.
 */
export function settle<E extends AnyEndpoint>(endpoint: E, answer: RawAnswer): ResponseOf<E> {
  if (!answer.ok) throw problemOf(endpoint, answer);
  const schema: z.ZodType | undefined = endpoint.response;
  if (!schema) return undefined as ResponseOf<E>;
  const parsed = schema.safeParse(answer.payload);
  if (!parsed.success) throw new ApiError(answer.status, 'internal', OUR_SIDE);
  // The schema is the endpoint's own response schema, so its output is the endpoint's answer.
  return parsed.data as ResponseOf<E>;
}

/** A failed answer as an ApiError; after a 401 (other than a wrong password) the app signs out. */
function problemOf(endpoint: AnyEndpoint, { status, payload, epoch }: RawAnswer): ApiError {
  const error = errorResponseSchema.safeParse(payload).data?.error;
  if (status === 401 && endpoint !== endpoints.accounts.signIn) sessionEnded(epoch);
  // Anything else (a proxy's HTML page, say) still gets a calm sentence.
  return new ApiError(
    status,
    error?.code ?? (status >= 500 ? 'unavailable' : 'internal'),
    error?.message ?? OUR_SIDE,
    error?.fields ?? {},
  );
}
