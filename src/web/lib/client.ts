import type { z } from 'zod';
import table, { contractsFingerprint } from 'virtual:endpoint-table';
import type {
  AnyEndpoint,
  BodyOf,
  endpoints as contractTable,
  ParamNames,
  PathParams,
  ResponseOf,
} from '../../contracts/endpoints.js';
import { pathOf } from '../../contracts/paths.js';
import { ApiError, send, sessionEnded, type RawAnswer } from './api.js';
import type * as ContractsModule from './contracts.js';

// The typed client: every call names an endpoint of contracts/endpoints.ts, so its path, body and
// answer are those the server registers. Path values are encoded, answers are parsed with the
// endpoint's zod contract, and failures become an ApiError: the typed problem (status, the server's
// error code, a sentence to show, and a message per field).
//
// The contracts (zod, and every schema: about 31 KB compressed) are not on the first screen. The
// table calls go through is made at build time with each endpoint's method and path only
// (scripts/vite-endpoint-table.ts); the contracts load once the first screen has (contracts.ts).
// On a weak signal, the first trip page's reads are drawn from the server's answers as they come
// and checked against their contracts once those arrive (`settleSoon`); an answer that breaks its
// contract is then read again and refused like any other. Everything else waits for the check.

/**
 * The endpoint table as the app calls it. At run time each entry is its method, path and key
 * ("trips.get"); the schemas its type describes are in the contracts, which `settle` loads.
 */
export const endpoints = table as typeof contractTable;

type Contracts = typeof ContractsModule;

let contracts: Contracts | null = null;
let loading: Promise<Contracts> | null = null;

/** Resolves once the page has loaded (and the browser is idle), or after `capMs` at the latest. */
function afterFirstScreen(capMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window === 'undefined' || typeof document === 'undefined') return resolve();
    const idle = () =>
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(() => resolve(), { timeout: 1_000 })
        : resolve();
    if (document.readyState === 'complete') return idle();
    window.addEventListener('load', idle, { once: true });
    window.setTimeout(resolve, capMs);
  });
}

/** The contracts: loaded once, after the first screen, so they never hold it back. */
export function loadContracts(): Promise<Contracts> {
  if (contracts) return Promise.resolve(contracts);
  loading ??= afterFirstScreen(2_000)
    .then(() => import('./contracts.js'))
    .then((loaded) => (contracts = loaded))
    .catch((error: unknown) => {
      loading = null; // a flaky signal: the next answer tries again
      throw error;
    });
  return loading;
}

/** The endpoint as the contracts define it, schemas and all. */
function contractOf(loaded: Contracts, endpoint: AnyEndpoint): AnyEndpoint {
  const key = (endpoint as AnyEndpoint & { key?: string }).key;
  const [group = '', name] = (key ?? '').split('.');
  const entry = (loaded.endpoints as Record<string, unknown>)[group] as
    AnyEndpoint | Record<string, AnyEndpoint> | undefined;
  const found = name === undefined ? entry : (entry as Record<string, AnyEndpoint> | undefined)?.[name];
  if (!found || !('method' in found)) throw new Error(`No endpoint "${key}" in the contracts.`);
  return found as AnyEndpoint;
}

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
const NEWER = 'Alongside has been updated since this page opened. Reload it to see this.';

/** Told when an answer shows the server is newer than this page (the app then offers to reload). */
const newerListeners = new Set<() => void>();
let newerSeen = false;

/** Whether an answer has shown that the server is newer than this page. */
export const newerVersionSeen = (): boolean => newerSeen;

/** Calls `listener` once the server is seen to be newer than this page; returns how to stop. */
export function onNewerVersion(listener: () => void): () => void {
  newerListeners.add(listener);
  return () => void newerListeners.delete(listener);
}

/**
 * The server answers by other contracts than this page was built with, and its answer broke ours:
 * the page is older than the server (an installed app kept open across an update). Ask the service
 * worker to fetch the new version, so a reload opens it, and tell the app to offer one.
 */
function newerVersion(): void {
  if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator)
    void navigator.serviceWorker
      .getRegistration()
      .then((registration) => registration?.update())
      .catch(() => undefined); // no signal now: the next load checks anyway
  if (newerSeen) return;
  newerSeen = true;
  newerListeners.forEach((listener) => listener());
}

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
  const [answer, loaded] = await Promise.all([send(endpoint.method, path, args?.body), loadContracts()]);
  return check(loaded, endpoint, answer);
}

/**
 * What an answer means: a success parsed with the endpoint's schema (an answer that breaks its
 * contract is a problem, never passed on), or the failure as an ApiError.
 */
export async function settle<E extends AnyEndpoint>(endpoint: E, answer: RawAnswer): Promise<ResponseOf<E>> {
  return check(await loadContracts(), endpoint, answer);
}

/**
 * For the first screen's reads: with the contracts here, the same as `settle`. Before they are, a
 * success is used as the server sent it, and checked once they arrive; should it break its
 * contract, `broken` is told (to read it again: that answer is checked before it is used). A
 * failure waits for the contracts, which say what it means.
 */
export function settleSoon<E extends AnyEndpoint>(
  endpoint: E,
  answer: RawAnswer,
  broken: () => void,
): ResponseOf<E> | Promise<ResponseOf<E>> {
  if (contracts) return check(contracts, endpoint, answer);
  if (!answer.ok) return settle(endpoint, answer);
  void loadContracts().then(
    (loaded) => {
      try {
        check(loaded, endpoint, answer);
      } catch {
        broken();
      }
    },
    () => undefined, // not loaded (no signal): the next read checks its own answer
  );
  return answer.payload as ResponseOf<E>;
}

function check<E extends AnyEndpoint>(loaded: Contracts, endpoint: E, answer: RawAnswer): ResponseOf<E> {
  if (!answer.ok) throw problemOf(loaded, endpoint, answer);
  const schema: z.ZodType | undefined = contractOf(loaded, endpoint).response;
  if (!schema) return undefined as ResponseOf<E>;
  const parsed = schema.safeParse(answer.payload);
  if (!parsed.success) {
    if (answer.contracts && answer.contracts !== contractsFingerprint) {
      newerVersion();
      throw new ApiError(answer.status, 'outdated', NEWER);
    }
    throw new ApiError(answer.status, 'internal', OUR_SIDE);
  }
  // The schema is the endpoint's own response schema, so its output is the endpoint's answer.
  return parsed.data as ResponseOf<E>;
}

/** A failed answer as an ApiError; after a 401 (other than a wrong password) the app signs out. */
function problemOf(
  loaded: Contracts,
  endpoint: AnyEndpoint,
  { status, payload, epoch }: RawAnswer,
): ApiError {
  const error = loaded.errorResponseSchema.safeParse(payload).data?.error;
  if (status === 401 && endpoint !== endpoints.accounts.signIn) sessionEnded(epoch);
  // Anything else (a proxy's HTML page, say) still gets a calm sentence.
  return new ApiError(
    status,
    error?.code ?? (status >= 500 ? 'unavailable' : 'internal'),
    error?.message ?? OUR_SIDE,
    error?.fields ?? {},
  );
}
