// Paths of the endpoint table, kept free of zod: the web app fills them in on its first screen,
// before the contracts (and zod with them) have arrived.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The header every API answer names its server's contracts in (src/server/contracts-fingerprint.ts),
 * so a page built with other contracts knows it is older than the server (src/web/lib/client.ts).
 */
export const CONTRACTS_HEADER = 'alongside-contracts';

/** The `:name` parameters of a path template, e.g. "tripId" in "/api/trips/:tripId/legs". */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values a path template needs, one string per `:name`. */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

/**
 * A path template filled in, each value encoded as one path segment ("a/b" cannot reach another
 * route). A missing value is an error, never the text "undefined".
 */
export function pathOf<P extends string>(template: P, params: PathParams<P>): string {
  const values = params as Record<string, string | undefined>;
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') throw new Error(`${template} needs a value for :${name}`);
    return encodeURIComponent(value);
  });
}
