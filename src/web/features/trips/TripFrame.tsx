import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { TripDetail } from '../../../contracts/trips.js';
import { Loading, LoadError, Page } from '../../components/Page.js';
import { tripLine } from './describe.js';

/** A trip's pages share one heading and a small menu: the journey, the packing list, the people. */
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
  return (
    <Page
      title={`${title} · ${trip.trip.name}`}
      heading={trip.trip.name}
      lead={<p>{tripLine(trip.trip) || 'Dates not set yet'}</p>}
    >
      <nav aria-label="This trip" className="sub-nav">
        <ul>
          <li>
            <NavLink to={base} end>
              Journey and checks
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/checklist`}>Packing list</NavLink>
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
