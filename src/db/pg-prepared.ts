import { createHash } from 'node:crypto';
import type pg from 'pg';

/** How many times a statement is sent before it is prepared on the server. */
export const PREPARE_AFTER = 3;
/** The most statements prepared per connection; beyond it, statements are planned each time. */
export const MAX_PREPARED = 300;

/**
 * Prepares the statements a PostgreSQL connection sends again and again (named statements, as
 * postgres.js does by default). An unnamed statement is parsed and planned on every call, and
 * planning the checklist's seven-join read costs the server more than running it; a named one is
 * parsed once per connection and, after five runs, planned once. Only statements seen
 * PREPARE_AFTER times are named (a query with a list of values of varying length is a new text
 * each time), and at most MAX_PREPARED of them, so the server's per-connection cache stays small.
 */
export function prepareRepeatedStatements(pool: pg.Pool): void {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  let generation = 0;
  const nameFor = (text: string): string | undefined => {
    const known = names.get(text);
    if (known) return known;
    const count = (seen.get(text) ?? 0) + 1;
    if (count < PREPARE_AFTER || names.size >= MAX_PREPARED) {
      if (seen.size < 10_000) seen.set(text, count);
      return undefined;
    }
    seen.delete(text);
    const name = `a${generation}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
    return name;
  };
  // After another instance's migration changed a table, a prepared `select *` fails once with
  // "cached plan must not change result type": that statement gets a new name (a fresh plan).
  const forgetIfStale = (error: unknown, text: string) => {
    if ((error as { code?: string }).code === '0A000' && names.has(text)) {
      names.delete(text);
      generation += 1;
    }
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((text: unknown, values: unknown, ...rest: unknown[]) => {
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
        const name = nameFor(text);
        if (name) {
          const result = query({ name, text, values }, ...rest);
          if (result instanceof Promise) result.catch((error: unknown) => forgetIfStale(error, text));
          return result;
        }
      }
      return query(text, values, ...rest);
    }) as typeof client.query;
  });
}
