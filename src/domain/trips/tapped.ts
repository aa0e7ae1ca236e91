/**
 * A confirmation keeps the moment it was tapped on the phone, not the moment it reached the server
 * (offline at the gate at 22:34, saved at 22:35). The phone's word is bounded by the server's clock:
 *
 * - later than the server's now (a phone clock running a little ahead): now. Nothing is recorded in
 *   the future, so "Done at" never shows a time that has not happened yet;
 * - older than `TAPPED_AT_MAX_AGE_MS` (14 days: a fortnight at sea with no signal is the longest wait
 *   we expect for a change kept on a phone): not believed, a phone clock that is wrong, and the
 *   moment it arrived is kept instead. Refusing would lose a family's confirmation; arriving late is
 *   the honest fallback;
 * - no tap time (an older app, or a confirmation sent at once): now.
 */
export const TAPPED_AT_MAX_AGE_MS = 14 * 86_400_000;

/** The moment to record for a confirmation tapped at `tappedAt`, as ISO-8601 UTC text. */
export function boundTappedAt(tappedAt: string | null | undefined, now: number): string {
  const tapped = tappedAt ? Date.parse(tappedAt) : Number.NaN;
  if (Number.isNaN(tapped) || tapped > now || tapped < now - TAPPED_AT_MAX_AGE_MS) {
    return new Date(now).toISOString();
  }
  return new Date(tapped).toISOString();
}
