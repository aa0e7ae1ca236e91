import { Link, useParams } from 'react-router';
import { Notice } from '../../components/Notice.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { formatDate } from '../../lib/format.js';
import { possessive } from '../../lib/words.js';
import { useAcrossYears, useAcrossYearsDays, useJournal, useJournalSettings } from './mutations.js';

/** Hidden for this member: said plainly, with the way back. */
function HiddenForYou() {
  const settings = useJournalSettings();
  return (
    <Notice tone="calm" title="You have hidden this for yourself.">
      <p>Nobody else’s view changes. You can show it again whenever you like.</p>
      <div className="button-row">
        <button
          type="button"
          className="button secondary small"
          onClick={() => settings.mutate({ acrossYearsHidden: false })}
        >
          Show it again
        </button>
      </div>
    </Notice>
  );
}

function HideForMe() {
  const settings = useJournalSettings();
  return (
    <p>
      <button
        type="button"
        className="button quiet small"
        onClick={() => settings.mutate({ acrossYearsHidden: true })}
      >
        Hide this for me
      </button>
    </p>
  );
}

/** A loved one's days, to choose one to look at across the years. Opened only on request. */
export function AcrossYearsDaysPage() {
  const { lovedOneId = '' } = useParams();
  const days = useAcrossYearsDays(lovedOneId);
  const journal = useJournal(lovedOneId);
  const name = journal.data?.lovedOneName;
  if (days.isPending || journal.isPending)
    return (
      <Page title="Across the years" heading="Loading…" busy>
        <Loading />
      </Page>
    );
  if (days.isError || journal.isError)
    return (
      <Page title="Across the years">
        <LoadError
          error={days.error ?? journal.error}
          what="these days"
          onRetry={() => void days.refetch()}
          back={{ to: `/loved-ones/${lovedOneId}`, label: 'Back' }}
        />
      </Page>
    );
  const title = `${possessive(name!)} days across the years`;
  return (
    <Page
      title={title}
      lead={<p>Choose a day to see, year by year, what the family wrote, did, and where {name} was.</p>}
    >
      {days.data.hidden ? (
        <HiddenForYou />
      ) : days.data.days.length === 0 ? (
        <EmptyState title={`No days for ${name} yet`}>
          <p>Days such as a birthday, or a day of your own, are added on the calendar.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="card-list">
            {days.data.days.map((day) => (
              <li key={day.dayId} className="card">
                <Link to={`/loved-ones/${lovedOneId}/across-years/${day.dayId}`}>{day.title}</Link>
                <p className="meta">Since {formatDate(day.anchorDate)}</p>
              </li>
            ))}
          </ul>
          <HideForMe />
        </>
      )}
      <p>
        <Link to={`/loved-ones/${lovedOneId}`}>Back to {possessive(name!)} page</Link>
      </p>
    </Page>
  );
}

/** One day across the years, newest first; only years with something in them. */
export function AcrossYearsPage() {
  const { lovedOneId = '', dayId = '' } = useParams();
  const query = useAcrossYears(dayId);
  if (query.isPending)
    return (
      <Page title="Across the years" heading="Loading…" busy>
        <Loading />
      </Page>
    );
  if (query.isError)
    return (
      <Page title="Across the years">
        <LoadError
          error={query.error}
          what="this day"
          onRetry={() => void query.refetch()}
          back={{ to: `/loved-ones/${lovedOneId}/across-years`, label: 'Back' }}
        />
      </Page>
    );
  const { title, lovedOneName, years, hidden } = query.data;
  const back = `/loved-ones/${lovedOneId}/across-years`;
  return (
    <Page
      title={`${title} across the years`}
      heading={`${title}, across the years`}
      lead={lovedOneName ? <p>What the family wrote, did, and where {lovedOneName} was.</p> : undefined}
    >
      {hidden ? (
        <HiddenForYou />
      ) : years.length === 0 ? (
        <EmptyState title="Nothing here yet">
          <p>What you write for this day, and what you do on it, will be kept here for when you want it.</p>
        </EmptyState>
      ) : (
        <>
          {years.map((year) => (
            <section key={year.date} aria-labelledby={`year-${year.year}`}>
              <h2 id={`year-${year.year}`}>{formatDate(year.date, { weekday: true })}</h2>
              {year.trips.map((trip) => (
                <p key={trip.tripId}>
                  {lovedOneName ?? 'They'} {lovedOneName ? 'was' : 'were'} on{' '}
                  <Link to={`/trips/${trip.tripId}`}>{trip.name}</Link>
                  {trip.places.length > 0 && `, in ${trip.places.join(', ')}`}.
                </p>
              ))}
              {year.rituals.map((ritual, i) => (
                <p key={`${ritual.title}-${i}`}>
                  {ritual.title}
                  {ritual.tookPart && ` · ${ritual.tookPart}`}
                  {ritual.line && ` · “${ritual.line}”`}
                </p>
              ))}
              {year.entries.map((entry) => (
                <article key={entry.id} className="card" aria-labelledby={`entry-${entry.id}`}>
                  <h3 className="card-title" id={`entry-${entry.id}`}>
                    {entry.title ?? (entry.kind === 'letter' ? 'A letter' : 'An entry')}
                  </h3>
                  <p className="meta">{entry.mine ? 'Yours' : `Shared by ${entry.authorName}`}</p>
                  <p style={{ whiteSpace: 'pre-line' }}>{entry.text}</p>
                </article>
              ))}
            </section>
          ))}
          <HideForMe />
        </>
      )}
      <p>
        <Link to={back}>Back to the days</Link>
      </p>
    </Page>
  );
}
