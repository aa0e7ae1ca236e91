// First: it configures zod before any schema exists (see the file).
import './zod-jitless.js';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App.js';
import { RootBoundary } from './app/ErrorBoundary.js';
import { createQueryClient, prefetchTrip } from './lib/queries.js';
import { tripAt, type TripPageName } from './lib/trip-reads.js';

const client = createQueryClient();

// Opened at a trip's page (a cold start at the airport, on a weak signal): the trip's reads, side
// by side with the session, rather than one after the other once the session is known (boot.ts
// asked for them already; these queries take its answers), and the page's module now, whose code
// boot.ts is fetching. The route loads the same module, so it is fetched once.
const tripPages = {
  '': () => import('./features/trips/TripPage.js'),
  checklist: () => import('./features/trips/TripChecklistPage.js'),
  carry: () => import('./features/trips/TripCarryPage.js'),
  people: () => import('./features/trips/TripPeoplePage.js'),
} as const satisfies Record<TripPageName, () => Promise<unknown>>;
const atTrip = tripAt(window.location.pathname);
if (atTrip) {
  prefetchTrip(client, atTrip.tripId);
  void tripPages[atTrip.page]().catch(() => undefined);
}
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <BrowserRouter>
        <RootBoundary>
          <App />
        </RootBoundary>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
