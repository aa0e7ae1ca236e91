import { useState } from 'react';
import type { TripDetail } from '../../../contracts/trips.js';
import { useCan } from '../../app/session.js';
import { Notice } from '../../components/Notice.js';
import { formatMoment } from '../../lib/format.js';
import { failureOf } from '../../lib/forms.js';
import { useArrived } from './mutations.js';

/**
 * "We've arrived", for families who did not enter an arrival time: shown once the trip has set off,
 * until its latest leg under way has an arrival. The server records the moment by its own clock.
 */
export function ArrivedButton({ trip }: { trip: TripDetail }) {
  const canMark = useCan('rituals.mark');
  const arrived = useArrived(trip.trip.id);
  // The moment the page opened (the trip page reads afresh when the clock matters).
  const [now] = useState(Date.now);
  const underWay = trip.legs.filter((l) => Date.parse(l.departureUtc) <= now).at(-1);
  if (!canMark || !underWay) return null;
  if (underWay.arrivedAt)
    return <p className="meta">You told us you arrived at {formatMoment(underWay.arrivedAt)}.</p>;
  return (
    <div className="stack">
      {arrived.error && (
        <Notice tone="warm" alert>
          <p>{failureOf(arrived.error).message}</p>
        </Notice>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={arrived.isPending}
          onClick={() => arrived.mutate()}
        >
          We’ve arrived
        </button>
      </div>
    </div>
  );
}
