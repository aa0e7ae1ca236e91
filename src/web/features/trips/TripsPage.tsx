import { Link } from 'react-router';
import { useCan } from '../../app/session.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { packedWords } from '../../lib/format.js';
import { useTrips } from '../../lib/queries.js';
import { tripLine } from './describe.js';

export function TripsPage() {
  const trips = useTrips();
  const write = useCan('trips.write');
  const plan = write && (
    <Link className="button" to="/trips/new">
      Plan a trip
    </Link>
  );
  return (
    <Page title="Trips" lead={<p>Every journey, with who carries what and the checks before you leave.</p>}>
      {trips.isPending ? (
        <Loading label="Loading your trips…" />
      ) : trips.isError ? (
        <LoadError error={trips.error} what="your trips" onRetry={() => void trips.refetch()} />
      ) : trips.data.trips.length === 0 ? (
        <EmptyState title="No trips planned yet" action={plan}>
          <p>
            When you travel, Alongside keeps your keepsakes on the packing list and asks before each
            departure.
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="card-list">
            {trips.data.trips.map((trip) => (
              <li key={trip.id} className="card linked">
                <h2 className="card-title">
                  <Link className="stretch" to={`/trips/${trip.id}`}>
                    {trip.name}
                  </Link>
                </h2>
                {tripLine(trip) && <p className="meta">{tripLine(trip)}</p>}
                <p className="meta">
                  {packedWords(trip.progress.checklistDone, trip.progress.checklistTotal)}
                  {trip.progress.checksTotal > 0 &&
                    ` · ${trip.progress.checksComplete} of ${trip.progress.checksTotal} checks done`}
                </p>
              </li>
            ))}
          </ul>
          {plan && <div className="button-row">{plan}</div>}
        </>
      )}
    </Page>
  );
}
