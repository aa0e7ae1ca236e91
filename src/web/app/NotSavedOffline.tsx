import { useEffect, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { Notice } from '../components/Notice.js';

/** The service worker's copy of API reads (vite.config.ts, runtimeCaching). */
const API_CACHE = 'alongside-api';
const TRIP_ADDRESS = /^\/api\/trips\/([^/]+)$/;

interface SavedTrip {
  id: string;
  name: string;
}

/** The trips whose pages were opened on this phone, so open with no signal: from the worker's copy. */
async function savedTrips(): Promise<SavedTrip[]> {
  if (typeof caches === 'undefined' || !(await caches.has(API_CACHE))) return [];
  const cache = await caches.open(API_CACHE);
  const trips: SavedTrip[] = [];
  for (const request of await cache.keys()) {
    const id = TRIP_ADDRESS.exec(new URL(request.url).pathname)?.[1];
    if (!id) continue;
    const detail: unknown = await (await cache.match(request))?.json().catch(() => undefined);
    const name = (detail as { trip?: { name?: unknown } } | undefined)?.trip?.name;
    if (typeof name === 'string') trips.push({ id, name });
  }
  return trips.sort((a, b) => a.name.localeCompare(b.name));
}

// A page with several parts that cannot load says it once: the first notice on screen in full,
// any others as a short line.
let onScreen: symbol[] = [];
const watchers = new Set<() => void>();
const changed = () => watchers.forEach((watch) => watch());
function useFirstOnScreen(): boolean {
  const [me] = useState(() => Symbol('notice'));
  useEffect(() => {
    onScreen = [...onScreen, me];
    changed();
    return () => {
      onScreen = onScreen.filter((one) => one !== me);
      changed();
    };
  }, [me]);
  return useSyncExternalStore(
    (watch) => {
      watchers.add(watch);
      return () => watchers.delete(watch);
    },
    () => onScreen[0] === me,
  );
}

/**
 * Said instead of a page that cannot open: there is no signal, and this page was never opened on
 * this phone, so nothing of it is kept here. Points to what is kept: the trips opened before.
 */
export function NotSavedOffline() {
  const first = useFirstOnScreen();
  const [trips, setTrips] = useState<SavedTrip[] | null>(null);
  useEffect(() => {
    let live = true;
    void savedTrips()
      .catch(() => [])
      .then((found) => live && setTrips(found));
    return () => {
      live = false;
    };
  }, []);
  if (!first) return <p className="meta">Not saved on this phone yet.</p>;
  return (
    <div role="status" className="not-saved-offline">
      <Notice tone="calm" title="You’re offline, and this page hasn’t been saved on this phone yet.">
        <p>It will open once you’re back online.</p>
        {trips && trips.length > 0 && (
          <>
            <p>Your trips are still here:</p>
            <ul className="saved-trips">
              {trips.map((trip) => (
                <li key={trip.id}>
                  <Link to={`/trips/${trip.id}`}>{trip.name}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
        {trips && trips.length === 0 && (
          <p>A trip you open once with signal is kept here, so it opens at the airport without one.</p>
        )}
      </Notice>
    </div>
  );
}
