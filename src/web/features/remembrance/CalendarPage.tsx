import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Occurrence } from '../../../contracts/remembrance.js';
import { useCan } from '../../app/session.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState, Loading, LoadError, Page } from '../../components/Page.js';
import { messageOf } from '../../lib/api.js';
import { sourceName } from '../../lib/format.js';
import { countryPhrase } from '../../lib/places.js';
import { useCalendar } from '../../lib/queries.js';
import { CalendarFeed } from './CalendarFeed.js';
import { AddDay } from './DayForm.js';
import { byMonth, dayWords, monthWords, timeWords, yearsLine } from './describe.js';
import { useRemoveDay } from './mutations.js';

export function CalendarPage() {
  const calendar = useCalendar();
  const write = useCan('lovedOnes.write');
  const supporters = useCan('family.invite');

  return (
    <Page
      title="Calendar"
      lead={
        <p>
          The days that matter in the coming year: your loved ones&rsquo; days, your rituals, awareness days
          and the moments of your trips.
        </p>
      }
      actions={
        <>
          <Link className="button secondary small" to="/settings/reminders">
            Reminder settings
          </Link>
          {supporters && (
            <Link className="button secondary small" to="/supporters">
              Supporters
            </Link>
          )}
        </>
      }
    >
      {calendar.data && calendar.data.awareness.from !== 'settings' && (
        <CountryPrompt inferred={calendar.data.awareness.country} />
      )}
      {!calendar.data ? (
        calendar.isError ? (
          <LoadError error={calendar.error} what="the calendar" onRetry={() => void calendar.refetch()} />
        ) : (
          <Loading label="Loading the calendar…" />
        )
      ) : calendar.data.occurrences.length === 0 ? (
        <EmptyState title="No days in the coming year yet">
          <p>
            A loved one&rsquo;s dates, a planned trip or a day of your own will appear here, with a gentle
            reminder before each.
          </p>
        </EmptyState>
      ) : (
        <Days occurrences={calendar.data.occurrences} today={calendar.data.from} />
      )}
      {write && <AddDay />}
      <CalendarFeed />
    </Page>
  );
}

/**
 * Where the awareness days come from when no country is chosen in Settings: the country given for
 * where a loved one died (said, so it can be changed), or none yet (asked for, once, kindly).
 */
function CountryPrompt({ inferred }: { inferred: string | null }) {
  const manage = useCan('family.manage');
  const settings = manage && (
    <p>
      <Link to="/settings">
        {inferred ? 'Choose another country in Settings' : 'Choose your country in Settings'}
      </Link>
    </p>
  );
  if (inferred) {
    return (
      <Notice tone="calm" title="Awareness days">
        <p>
          These are the awareness days kept in {countryPhrase(inferred)}, the country you gave for where your
          loved one died.
        </p>
        {settings}
      </Notice>
    );
  }
  return (
    <Notice tone="calm" title="Awareness days">
      <p>
        {manage
          ? 'Choose your country to see awareness days such as the Wave of Light.'
          : 'Once your family’s country is chosen in Settings, awareness days such as the Wave of Light appear here.'}
      </p>
      {settings}
    </Notice>
  );
}

function Days({ occurrences, today }: { occurrences: Occurrence[]; today: string }) {
  const write = useCan('lovedOnes.write');
  const [dialog, ask] = useConfirm();
  const removal = useRemoveDay();
  const removed = removal.isSuccess ? removal.variables.title : null;

  const remove = async (day: Occurrence) => {
    removal.reset();
    const yes = await ask({
      title: `Remove “${day.title}” from the calendar?`,
      body: (
        <p>
          {day.recurrence === 'once'
            ? 'Its reminders stop too.'
            : `It goes from every ${day.recurrence === 'monthly' ? 'month' : 'year'}, and its reminders stop too.`}{' '}
          Nothing else changes.
        </p>
      ),
      confirmLabel: 'Remove it',
      cancelLabel: 'Keep it',
    });
    if (!yes) return;
    removal.mutate(day);
  };

  return (
    <>
      {dialog}
      {removal.isError && (
        <Notice tone="warm" alert>
          <p>{messageOf(removal.error)}</p>
        </Notice>
      )}
      <p role="status" className="meta">
        {removed ? `“${removed}” is no longer on the calendar.` : ''}
      </p>
      {byMonth(occurrences).map(({ month, days }) => (
        <Month key={month} month={month}>
          {days.map((day) => (
            <DayItem
              key={`${day.dayId}:${day.date}`}
              day={day}
              today={today}
              onRemove={write && day.editable ? () => void remove(day) : undefined}
            />
          ))}
        </Month>
      ))}
    </>
  );
}

function Month({ month, children }: { month: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="month">
      <h2 id={headingId}>{monthWords(`${month}-01`)}</h2>
      <ul className="day-list">{children}</ul>
    </section>
  );
}

function DayItem({ day, today, onRemove }: { day: Occurrence; today: string; onRemove?: () => void }) {
  const titleId = useId();
  const years = yearsLine(day, today);
  const source = day.sourceUrl ? sourceName(day.sourceUrl) : null;
  return (
    <li className={`day card kind-${day.kind}`} aria-labelledby={titleId}>
      <p className="day-date">
        <time dateTime={day.date}>{dayWords(day.date)}</time>
        {day.date === today && <span className="tag">Today</span>}
      </p>
      <h3 id={titleId} className="card-title">
        {day.title}
      </h3>
      {day.time && (
        <p>
          At <time dateTime={`${day.date}T${day.time}`}>{timeWords(day.time)}</time> local time
          {day.kind === 'awareness' && day.durationMinutes === 60 && ', for an hour'}
        </p>
      )}
      {years && <p className="years-line">{years}</p>}
      {day.note && <p className="meta">{day.note}</p>}
      {(day.sourceUrl || day.tripId || onRemove) && (
        <div className="button-row day-links">
          {day.sourceUrl && (
            <a href={day.sourceUrl} target="_blank" rel="noopener noreferrer">
              Source: {source}
              <span className="visually-hidden"> for “{day.title}” (opens in a new tab)</span>
            </a>
          )}
          {day.tripId && (
            <Link to={`/trips/${day.tripId}`}>
              Open the trip<span className="visually-hidden"> for “{day.title}”</span>
            </Link>
          )}
          {onRemove && (
            <button type="button" className="button quiet small" onClick={onRemove}>
              Remove<span className="visually-hidden"> “{day.title}”</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}
