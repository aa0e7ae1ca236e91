/** What the web build reads (see web-build-stale.mjs). */
export const WEB_BUILD_INPUTS: readonly string[];
/** True when dist/web is missing, or anything it is built from changed after it was built. */
export function webBuildIsStale(root: string): boolean;
