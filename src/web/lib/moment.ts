import { useEffect, useState } from 'react';

/** setTimeout's longest wait (about 24.8 days); a longer one fires at once. */
const LONGEST_WAIT_MS = 2 ** 31 - 1;

/**
 * Whether the moment `iso` has passed on this device's clock, changing by itself when it does (a
 * departure's check opens at 18:00 the evening before while the page is open).
 */
export function useHasPassed(iso: string): boolean {
  const at = Date.parse(iso);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (now >= at) return;
    const timer = window.setTimeout(
      () => setNow(Date.now()),
      Math.min(Math.max(at - Date.now(), 0), LONGEST_WAIT_MS),
    );
    return () => window.clearTimeout(timer);
  }, [at, now]);
  return now >= at;
}
