import { useState } from 'react';
import { Link } from 'react-router';
import type { TripSummary } from '../../../contracts/trips.js';
import { useCan, useSignedIn } from '../../app/session.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { formatInstant, listWords, packedWords, todayPlus, untilWords } from '../../lib/format.js';
import { useLovedOnes, useTrips } from '../../lib/queries.js';
import { lovedOneKindWords } from '../../lib/words.js';
import { tripLine } from '../trips/describe.js';

const DAY_MS = 86_400_000;
/** A departure this close brings the "Before you leave" prompt to the home page. */
const NEAR_MS = 3 * DAY_MS;

/** The trip whose first departure is next (or, without legs, whose first day is next). */
function nextTrip(trips: TripSummary[], now: number): TripSummary | undefined {
  const ahead = (t: TripSummary) =>
    t.firstDepartureUtc
      ? Date.parse(t.firstDepartureUtc) > now - DAY_MS
      : Boolean(t.startsOn && t.startsOn >= todayPlus(0));
  const when = (t: TripSummary) =>
    t.firstDepartureUtc ? Date.parse(t.firstDepartureUtc) : Date.parse(t.startsOn ?? '');
  return trips.filter(ahead).sort((a, b) => when(a) - when(b))[0];
}

export function HomePage() {
  const session = useSignedIn();
  const lovedOnes = useLovedOnes();
  const canAddLovedOne = useCan('lovedOnes.write');
  const canPlan = useCan('trips.write');
  const trips = useTrips();
  // The moment the page opened: enough to say which trip is next and whether it is near.
  const [now] = useState(Date.now);
  const next = trips.data ? nextTrip(trips.data.trips, now) : undefined;
  const near =
    next?.firstDepartureUtc &&
    Date.parse(next.firstDepartureUtc) - now < NEAR_MS &&
    next.progress.checksComplete < next.progress.checksTotal;

  return (
    <Page
      title="Home"
      heading={`Hello, ${session.user.displayName}`}
      lead={<p>{session.family.name} · private to your family</p>}
    >
      {near && next && (
        <Notice tone="warm" title="Before you leave">
          <p>
            {next.name} starts {untilWords(next.firstDepartureUtc!) ?? 'now'}.{' '}
            {next.keepsakeNames.length > 0
              ? `Is ${listWords(next.keepsakeNames)} packed?`
              : 'Is everything packed?'}
          </p>
          <Link className="button" to={`/trips/${next.id}`}>
            Open the checks for {next.name}
          </Link>
        </Notice>
      )}

      <section aria-labelledby="loved-heading">
        <h2 id="loved-heading">The ones you carry</h2>
        {lovedOnes.isPending ? (
          <Loading lines={1} />
        ) : lovedOnes.isError ? (
          <LoadError
            error={lovedOnes.error}
            what="your loved ones"
            onRetry={() => void lovedOnes.refetch()}
          />
        ) : lovedOnes.data.lovedOnes.length === 0 ? (
          <EmptyState
            title="Add the person you carry with you"
            action={
              canAddLovedOne && (
                <Link className="button" to="/loved-ones/new">
                  Add a loved one
                </Link>
              )
            }
          >
            <p>Their name is enough to begin. Keepsakes and the dates that matter can come later.</p>
          </EmptyState>
        ) : (
          <ul className="card-list">
            {lovedOnes.data.lovedOnes.map((person) => (
              <li key={person.id} className="card linked">
                <h3 className="card-title">
                  <Link className="stretch" to={`/loved-ones/${person.id}`}>
                    {person.name}
                  </Link>
                </h3>
                <p className="meta">{person.relationship ?? lovedOneKindWords[person.kind].label}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="trip-heading">
        <h2 id="trip-heading">Next trip</h2>
        {trips.isPending ? (
          <Loading lines={1} />
        ) : trips.isError ? (
          <LoadError error={trips.error} what="your trips" onRetry={() => void trips.refetch()} />
        ) : !next ? (
          <EmptyState
            title={trips.data.trips.length === 0 ? 'Plan a trip' : 'No trip coming up'}
            action={
              canPlan && (
                <Link className="button secondary" to="/trips/new">
                  Plan a trip
                </Link>
              )
            }
          >
            <p>
              When you travel, Alongside keeps your keepsakes on the packing list and asks before you leave.
            </p>
          </EmptyState>
        ) : (
          <div className="card linked">
            <h3 className="card-title">
              <Link className="stretch" to={`/trips/${next.id}`}>
                {next.name}
              </Link>
            </h3>
            {tripLine(next) && <p className="meta">{tripLine(next)}</p>}
            {next.firstDepartureUtc && (
              <p>
                Leaves {untilWords(next.firstDepartureUtc) ?? 'now'}:{' '}
                <time dateTime={next.firstDepartureUtc}>{formatInstant(next.firstDepartureUtc)}</time>
              </p>
            )}
            <p className="meta">
              {packedWords(next.progress.checklistDone, next.progress.checklistTotal)}
              {next.progress.checksTotal > 0 &&
                ` · ${next.progress.checksComplete} of ${next.progress.checksTotal} checks done`}
            </p>
          </div>
        )}
      </section>
    </Page>
  );
}
