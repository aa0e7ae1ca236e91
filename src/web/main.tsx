// First: it configures zod before any schema exists (see the file).
import './zod-jitless.js';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App.js';
import { RootBoundary } from './app/ErrorBoundary.js';
import { createQueryClient, prefetchTrip } from './lib/queries.js';
import './app/styles.css';

const client = createQueryClient();

// Opened at a trip's page (a cold start at the airport, on a weak signal): ask for the trip and
// fetch the page's code now, side by side with the session, rather than one after the other once
// the session is known. The route loads the same module, so it is fetched once.
const tripPages = {
  '': () => import('./features/trips/TripPage.js'),
  checklist: () => import('./features/trips/TripChecklistPage.js'),
  carry: () => import('./features/trips/TripCarryPage.js'),
  people: () => import('./features/trips/TripPeoplePage.js'),
} as const;
const atTrip = /^\/trips\/([0-9a-f]{8}-[0-9a-f-]{27})(?:\/(checklist|carry|people))?\/?$/i.exec(
  window.location.pathname,
);
if (atTrip?.[1]) {
  prefetchTrip(client, atTrip[1]);
  void tripPages[(atTrip[2] ?? '') as keyof typeof tripPages]().catch(() => undefined);
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
