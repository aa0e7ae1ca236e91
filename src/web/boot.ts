// The app's stylesheet, linked from index.html after the skeleton (vite.config.ts,
// stylesheetAfterShell): this script, and so the app it starts, runs once it has arrived.
import './app/styles.css';
import { askEarly } from './lib/api.js';
import { firstReadsOfTrip, tripAt } from './lib/trip-reads.js';

// The page's entry, and a small one: it arrives long before React and the app (on a weak signal,
// seconds before), which it then starts (main.tsx, fetched meanwhile: index.html preloads it).
// Opened at a trip's address (a cold start at the airport), it first asks for the session, the
// trip, its packing list and what to carry, and starts fetching that page's code, so none of them
// waits for the app to start. The app's reads take these answers (lib/api.ts, askEarly) rather
// than asking again.

const atTrip = tripAt(window.location.pathname);
if (atTrip) {
  for (const path of firstReadsOfTrip(atTrip.tripId)) askEarly(path);
  // The page's modules, listed at build time (scripts/vite-preload-early.ts, preloadForPages).
  const links = document.getElementById(`preload:trip${atTrip.page ? `/${atTrip.page}` : ''}`);
  if (links instanceof HTMLTemplateElement) document.head.append(links.content.cloneNode(true));
}

void import('./main.js');
