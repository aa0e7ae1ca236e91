import type { Plugin } from 'vite';
import { endpoints } from '../src/contracts/endpoints.js';

/** One endpoint as the web app knows it on its first screen: how to call it, and its name in the table. */
export interface EndpointEntry {
  method: string;
  path: string;
  /** "trips.get": where its zod contracts are in `contracts/endpoints.ts`, loaded when an answer is checked. */
  key: string;
}

const entryOf = (endpoint: { method: string; path: string }, key: string): EndpointEntry => ({
  method: endpoint.method,
  path: endpoint.path,
  key,
});

/** The endpoint table with its schemas left out: the same groups and names, each with method, path and key. */
export function endpointTable(): Record<string, EndpointEntry | Record<string, EndpointEntry>> {
  return Object.fromEntries(
    Object.entries(endpoints).map(([group, entry]) => [
      group,
      'method' in entry
        ? entryOf(entry, group)
        : Object.fromEntries(
            Object.entries(entry as Record<string, { method: string; path: string }>).map(([name, e]) => [
              name,
              entryOf(e, `${group}.${name}`),
            ]),
          ),
    ]),
  );
}

const ID = 'virtual:endpoint-table';
const RESOLVED = `\0${ID}`;

/**
 * `import table from 'virtual:endpoint-table'`: every endpoint's method and path, made from
 * `contracts/endpoints.ts` when the app is built, without zod or the contracts. The web app calls
 * endpoints through it at once and loads the contracts only to check answers (src/web/lib/client.ts),
 * so the first trip page, opened on a weak signal, does not wait for them (about 31 KB compressed).
 * The dev server makes it once at start: restart it after adding an endpoint.
 */
export function endpointTablePlugin(): Plugin {
  return {
    name: 'alongside:endpoint-table',
    resolveId: (source) => (source === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(endpointTable())};` : undefined),
  };
}
