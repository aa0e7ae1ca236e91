/**
 * Where to go back to after signing in (left in the sign-in page's history state by a page that
 * needed it): only a path inside the app, never another site's ("//host", "/\host").
 */
export function returnPathOf(state: unknown): string | undefined {
  const from = typeof state === 'object' && state !== null ? (state as { from?: unknown }).from : undefined;
  return typeof from === 'string' && /^\/(?![/\\])/.test(from) ? from : undefined;
}
