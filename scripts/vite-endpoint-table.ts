import type { Plugin } from 'vite';
import { endpoints } from '../src/contracts/endpoints.js';
import { contractsFingerprint } from '../src/server/contracts-fingerprint.js';

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
 * It also names the contracts the app is built with (`contractsFingerprint`), which the server
 * names on every answer too: an answer that breaks the app's contract from a server with other
 * contracts means the app is older than the server (client.ts).
 * The dev server makes it once at start: restart it after adding an endpoint.
 */
export function endpointTablePlugin(): Plugin {
  return {
    name: 'alongside:endpoint-table',
    resolveId: (source) => (source === ID ? RESOLVED : undefined),
    load: (id) =>
      id === RESOLVED
        ? `export default ${JSON.stringify(endpointTable())};\nexport const contractsFingerprint = ${JSON.stringify(contractsFingerprint())};`
        : undefined,
  };
}
