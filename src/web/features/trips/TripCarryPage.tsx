import { Link, useParams } from 'react-router';
import type { TripDetail } from '../../../contracts/trips.js';
import { EmptyState, Loading, LoadError } from '../../components/Page.js';
import { formatDate, listWords } from '../../lib/format.js';
import { useTravelRules, useTrip } from '../../lib/queries.js';
import { CarryingSection, CarrySummary } from './CarryRules.js';
import { TravelPacket } from './TravelPacket.js';
import { TripFrame, TripPending } from './TripFrame.js';

export function TripCarryPage() {
  const { tripId = '' } = useParams();
  const trip = useTrip(tripId);
  // What was read last stays on screen if asking again fails (no signal, say).
  if (!trip.data) return <TripPending error={trip.error} onRetry={() => void trip.refetch()} />;
  return (
    <TripFrame trip={trip.data} title="What to carry">
      <WhatToCarry trip={trip.data} />
    </TripFrame>
  );
}

/**
 * What security, the airlines and the countries on the way expect, for each loved one whose
 * keepsakes come along, worked out by the server's travel-rules engine from the trip as it is now.
 */
function WhatToCarry({ trip }: { trip: TripDetail }) {
  const rules = useTravelRules(trip.trip.id);
  if (!rules.data)
    return rules.isError ? (
      <LoadError error={rules.error} what="what to carry" onRetry={() => void rules.refetch()} />
    ) : (
      <Loading label="Looking up what to carry…" lines={4} />
    );

  const { carrying, checkedOn } = rules.data;
  if (carrying.length === 0)
    return (
      <EmptyState
        title="No keepsake is coming on this trip"
        action={
          trip.can.edit && (
            <Link className="button secondary" to={`/trips/${trip.trip.id}/people`}>
              Bring a keepsake along
            </Link>
          )
        }
      >
        <p>
          When a keepsake travels with you, this page says what airport security, the airline and the
          countries on the way ask for, and which papers to carry.
        </p>
      </EmptyState>
    );

  const names = listWords(carrying.map((c) => c.name));
  return (
    <>
      {carrying.map((c) => (
        <CarrySummary key={c.lovedOneId} carrying={c} trip={trip} />
      ))}
      <p className="lead">
        Below, what security, airlines and the countries on your way expect, each with where we read it and
        when. Rules change, so if anything is unclear, please ask the airline before you fly.
      </p>
      {carrying.map((c) => (
        <CarryingSection key={c.lovedOneId} trip={trip} carrying={c} />
      ))}
      {trip.legs.length > 0 && <TravelPacket key={names} tripId={trip.trip.id} names={names} />}
      <p className="meta">
        Worked out on <time dateTime={checkedOn}>{formatDate(checkedOn)}</time> from the trip as it is now.
      </p>
    </>
  );
}
