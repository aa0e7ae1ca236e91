import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { TripDetail } from '../../../contracts/trips.js';
import { Loading, LoadError, Page } from '../../components/Page.js';
import { checklistQuery, travelRulesQuery } from '../../lib/queries.js';
import { tripLine } from './describe.js';

/**
 * A trip's pages share one heading and a row of tabs that never wraps: the journey, the packing
 * list, what to carry, the people. Opening any of them fetches the others' data too, so the whole trip is on this device
 * (through the service worker) for the airport, where there may be no signal.
 */
export function TripFrame({
  trip,
  title,
  children,
}: {
  trip: TripDetail;
  title: string;
  children: ReactNode;
}) {
  const base = `/trips/${trip.trip.id}`;
  const client = useQueryClient();
  const tripId = trip.trip.id;
  useEffect(() => {
    void client.prefetchQuery(checklistQuery(tripId));
    void client.prefetchQuery(travelRulesQuery(tripId));
  }, [client, tripId]);
  // On a phone the sections are one row that scrolls sideways: bring the open one into view
  // (sideways only; the page itself does not move).
  const tabs = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const row = tabs.current;
    const open = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !open) return;
    const left = open.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft || left + open.offsetWidth > row.scrollLeft + row.clientWidth)
      row.scrollLeft = left - 8;
  }, [pathname]);
  return (
    <Page
      title={`${title} · ${trip.trip.name}`}
      heading={trip.trip.name}
      lead={<p>{tripLine(trip.trip) || 'Dates not set yet'}</p>}
    >
      <nav aria-label="This trip" className="sub-nav">
        <ul ref={tabs}>
          <li>
            <NavLink to={base} end>
              Journey and checks
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/checklist`}>Packing list</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/carry`}>What to carry</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/people`}>People and keepsakes</NavLink>
          </li>
        </ul>
      </nav>
      {children}
    </Page>
  );
}

/** The loading and error states every trip page shares. */
export function TripPending({ error, onRetry }: { error?: unknown; onRetry?: () => void }) {
  if (error)
    return (
      <Page title="Trip">
        <LoadError
          error={error}
          what="this trip"
          onRetry={onRetry}
          back={{ to: '/trips', label: 'Back to trips' }}
        />
      </Page>
    );
  return (
    <Page title="Trip" heading="Loading the trip…" busy>
      <Loading lines={4} />
    </Page>
  );
}
