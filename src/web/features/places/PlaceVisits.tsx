import { Link } from 'react-router';
import type { PlaceArrival, PlaceVisit } from '../../../contracts/places.js';
import { formatDate } from '../../lib/format.js';

// A place's trips and what was done on arriving there, as the list beside the map and a pin's
// panel on the map both show them.

/** What the family did on arriving: the ritual (linked to the loved one's rituals) and its photo. */
function Arrivals({ arrivals, lovedOneId }: { arrivals: readonly PlaceArrival[]; lovedOneId: string }) {
  return (
    <ul className="place-arrivals">
      {arrivals.map((arrival) => (
        <li key={arrival.markId}>
          <p>
            <Link to={`/loved-ones/${lovedOneId}#rituals-heading`}>{arrival.title}</Link>
            {arrival.tookPart && <span className="meta"> · {arrival.tookPart}</span>}
          </p>
          {arrival.line && <p className="meta">{arrival.line}</p>}
          {arrival.photo && (
            <a href={arrival.photo.url} target="_blank" rel="noreferrer">
              <img
                className="ritual-photo"
                src={arrival.photo.thumbnailUrl}
                alt={`A photo from ${arrival.title}${arrival.line ? `: ${arrival.line}` : ''}`}
                loading="lazy"
              />
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Summer in Spain, 1 July 2026 (the ashes were scattered here)", linking to the trip, and what was
 * done on arriving (unless a town below already shows it: `shownBelow`).
 */
export function Visits({
  visits,
  lovedOneId,
  shownBelow = new Set(),
}: {
  visits: readonly PlaceVisit[];
  lovedOneId: string;
  shownBelow?: ReadonlySet<string>;
}) {
  return (
    <ul className="place-visits">
      {visits.map((visit) => (
        <li key={visit.tripId}>
          <Link to={`/trips/${visit.tripId}`}>{visit.tripName}</Link>
          {visit.startsOn && <span className="meta">, {formatDate(visit.startsOn)}</span>}
          {visit.scattered && <span className="meta"> · where the ashes were scattered</span>}
          {visit.arrivals.length > 0 && !(visit.legId && shownBelow.has(visit.legId)) && (
            <Arrivals arrivals={visit.arrivals} lovedOneId={lovedOneId} />
          )}
        </li>
      ))}
    </ul>
  );
}
