import { useState } from 'react';
import { Link } from 'react-router';
import type { TripSummary } from '../../../contracts/trips.js';
import { useCan, useSignedIn } from '../../app/session.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import type { TripDetail } from '../../../contracts/trips.js';
import {
  formatInstant,
  listWords,
  momentPhrase,
  packedWords,
  todayPlus,
  untilWords,
} from '../../lib/format.js';
import { useOutbox } from '../../lib/outbox-sync.js';
import { useLovedOnes, useTrip, useTrips } from '../../lib/queries.js';
import { checkWords, lovedOneKindWords } from '../../lib/words.js';
import { RitualCards } from '../rituals/RitualCards.js';
import { CheckCard } from '../trips/CheckCard.js';
import { legTitle, tripLine } from '../trips/describe.js';
import { LegName } from '../trips/LegName.js';
import { travelDay, tripMaybeToday, type TravelDay } from './TravelDay.js';

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
  // A viewer (a grandparent, say) sees the family's days and members, not its loved ones or trips.
  return useCan('lovedOnes.read') ? <FamilyHome /> : <ViewerHome />;
}

function ViewerHome() {
  const session = useSignedIn();
  return (
    <Page title="Home" heading={`Hello, ${session.user.displayName}`} lead={<p>{session.family.name}</p>}>
      <Notice title={`You are in ${session.family.name} as a viewer`}>
        <p>
          You can see the days that matter to the family in its calendar, and who is in the family. What else
          the family chooses to share with you will appear here.
        </p>
      </Notice>
      <div className="button-row">
        <Link className="button" to="/calendar">
          Open the calendar
        </Link>
        <Link className="button secondary" to="/family">
          Who is in the family
        </Link>
      </div>
    </Page>
  );
}

function FamilyHome() {
  const session = useSignedIn();
  const lovedOnes = useLovedOnes();
  const canAddLovedOne = useCan('lovedOnes.write');
  const canPlan = useCan('trips.write');
  const trips = useTrips();
  // The moment the page opened: enough to say which trip is next and whether it is near.
  const [now] = useState(Date.now);
  const next = trips.data ? nextTrip(trips.data.trips, now) : undefined;
  // On the day of travel, home is the check to do now.
  const { waiting } = useOutbox(session.member.id);
  const maybeToday = trips.data ? tripMaybeToday(trips.data.trips, now) : undefined;
  const todayTrip = useTrip(maybeToday?.id ?? '', { enabled: Boolean(maybeToday) });
  const today = todayTrip.data
    ? travelDay(todayTrip.data, waiting, session.member.displayName, now)
    : undefined;
  const near =
    !today &&
    next?.firstDepartureUtc &&
    Date.parse(next.firstDepartureUtc) - now < NEAR_MS &&
    next.progress.checksComplete < next.progress.checksTotal;

  return (
    <Page
      title="Home"
      heading={
        today && todayTrip.data
          ? (today.question ?? `Every check is done for ${legTitle(today.leg)}`)
          : `Hello, ${session.user.displayName}`
      }
      lead={
        today && todayTrip.data ? (
          <p>
            {todayTrip.data.trip.name} · <LegName leg={today.leg} /> · leaves{' '}
            <time dateTime={today.leg.departureUtc}>{momentPhrase(today.leg.departureUtc)}</time>
          </p>
        ) : (
          <p>{session.family.name} · private to your family</p>
        )
      }
    >
      {today && todayTrip.data && <TravelDayCheck trip={todayTrip.data} day={today} />}
      <RitualCards />
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

/**
 * The day of travel: the check to do now, its confirm button on the first screen, then the next
 * one once it is done, and what is done so far.
 */
function TravelDayCheck({ trip, day }: { trip: TripDetail; day: TravelDay }) {
  return (
    <div className="travel-day">
      {day.current && (
        <CheckCard
          key={day.current.id}
          trip={trip}
          check={day.current}
          legName={legTitle(day.leg)}
          level={2}
          questionAbove
          big
        />
      )}
      {day.done.length > 0 && (
        <p className="meta">
          Done so far:{' '}
          {listWords(
            day.done.map(
              (c) =>
                `${checkWords[c.kind].title}${c.completedAt && c.complete ? ` (${momentPhrase(c.completedAt)})` : ''}`,
            ),
          )}
          .
        </p>
      )}
      <p>
        <Link to={`/trips/${trip.trip.id}`}>Open the whole journey for {trip.trip.name}</Link>
      </p>
    </div>
  );
}
