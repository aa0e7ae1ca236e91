import { CompiledQuery } from 'kysely';
import type { Db } from './connect.js';

/**
 * A read on the hot path, written with Kysely but compiled once. Building and compiling a joined
 * query costs 8–11 µs per call, more than running it (measured in bench/); the SQL text never
 * changes, only the values. The query is compiled with placeholder strings, and each call swaps in
 * the real values at the placeholders' positions.
 */
export function preparedFirst<Args extends string[], Row>(
  db: Pick<Db, 'readFirstCompiled'>,
  build: (...args: Args) => { compile(): CompiledQuery },
): (...args: Args) => Promise<Row | undefined> {
  const compiled = compiledOnce(build);
  return (...args: Args) => {
    const { sql, parameters } = compiled(...args);
    return db.readFirstCompiled<Row>(sql, parameters);
  };
}

/**
 * The same compile-once for a query run through Kysely (`db.executeQuery(query(...args))`), so that
 * inside a change it runs in the change's transaction, like any other query of the repository.
 */
export function compiledOnce<Args extends string[], Row = unknown>(
  build: (...args: Args) => { compile(): CompiledQuery<Row> },
): (...args: Args) => CompiledQuery<Row> {
  let sql: string | undefined;
  let slots: Array<{ arg: number } | { value: unknown }> = [];
  return (...args: Args) => {
    if (sql === undefined) {
      const markers = args.map((_, i) => `\u0000prepared-argument-${i}\u0000`) as Args;
      const compiled = build(...markers).compile();
      slots = compiled.parameters.map((p) => {
        const arg = typeof p === 'string' ? markers.indexOf(p) : -1;
        return arg >= 0 ? { arg } : { value: p };
      });
      sql = compiled.sql;
    }
    return CompiledQuery.raw(
      sql,
      slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value)),
    );
  };
}
