import { useId } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/session.js';
import type { Carrying } from '../../../contracts/trip-rules.js';
import type { Leg, TripDetail } from '../../../contracts/trips.js';
import { InfoIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState } from '../../components/Page.js';
import { onlyMayBeNeeded, provenanceWords } from '../../../domain/travel-rules/provenance-words.js';
import { listWords, sourceName } from '../../lib/format.js';
import { confidenceWords, possessive, severityWords } from '../../lib/words.js';
import { legKind } from './describe.js';
import { LegName } from './LegName.js';
import { RuleTick } from './RuleTick.js';
import { useAnswerAboutLovedOne } from '../loved-ones/mutations.js';
import { messageOf } from '../../lib/api.js';

type LegRules = Carrying['legs'][number];
type Requirement = LegRules['requirements'][number];
type TravelDocument = Carrying['documents'][number];

/** A link to where a rule was read, opened in a new tab; never sends this page's address along. */
function SourceLink({ url, about }: { url: string; about: string }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="source-link">
      Source: {sourceName(url)}
      <span className="visually-hidden"> for “{about}” (opens in a new tab)</span>
    </a>
  );
}

/** "Carrying Jack": for each part of the journey what is asked, then the papers to carry. */
export function CarryingSection({ trip, carrying }: { trip: TripDetail; carrying: Carrying }) {
  const headingId = useId();
  const base = `/trips/${trip.trip.id}`;
  return (
    <section aria-labelledby={headingId} className="carrying">
      <h2 id={headingId}>Carrying {carrying.name}</h2>
      {carrying.keepsakeNames.length > 0 && <p className="meta">{listWords(carrying.keepsakeNames)}</p>}
      {carrying.unavailable !== null ? (
        // Said in full in "What you carry", above: here only that nothing is missing by accident.
        <p className="meta">What applies to each part of the journey will show here once that's changed.</p>
      ) : carrying.legs.length === 0 ? (
        <EmptyState
          title="Add the journey to see what it asks"
          action={
            trip.can.edit && (
              <Link className="button secondary" to={`${base}/legs/new`}>
                Add a departure
              </Link>
            )
          }
        >
          <p>
            Each flight, train, drive or crossing brings its own rules for carrying {carrying.name}. They
            appear here once the journey is added.
          </p>
        </EmptyState>
      ) : (
        carrying.legs.map((rules) => {
          const leg = trip.legs.find((l) => l.id === rules.legId);
          return leg ? <LegSection key={rules.legId} trip={trip} leg={leg} rules={rules} /> : null;
        })
      )}
      {carrying.legs.length > 0 && <Documents trip={trip} carrying={carrying} />}
    </section>
  );
}

function LegSection({ trip, leg, rules }: { trip: TripDetail; leg: Leg; rules: LegRules }) {
  const headingId = useId();
  const of = (severity: Requirement['severity']) => rules.requirements.filter((r) => r.severity === severity);
  const warnings = of('warning');
  const needed = [...of('required'), ...of('recommended')];
  const info = of('info');
  const item = (r: Requirement) => <RequirementItem key={r.key} trip={trip} requirement={r} />;
  const quiet = (r: Requirement) => <RequirementItem key={r.key} trip={trip} requirement={r} plain />;
  return (
    <section aria-labelledby={headingId} className="leg carry-leg">
      <h3 id={headingId} className="leg-title">
        <LegName leg={leg} />
        {leg.isReturn && <span className="tag"> The way home</span>}
      </h3>
      <p className="meta">{legKind(leg)}</p>
      {!rules.carriesAshes && (
        // The rules say why when the ashes join the trip further on (where the family collects them);
        // that is no gap in our research. Otherwise they stayed where they were scattered.
        <p className="meta">
          {rules.gaps[0]?.message ??
            'The ashes stay where they were scattered, so there is nothing to carry on this part of the journey.'}
        </p>
      )}
      {rules.exceptions.map((e) => (
        <Notice key={e.message} tone="calm" title="About the papers">
          <p>{e.message}</p>
        </Notice>
      ))}
      {warnings.length > 0 && <ul className="rule-list">{warnings.map(item)}</ul>}
      {rules.conflicts.map((c) => (
        <Notice key={c.message} tone="calm" title="Our sources disagree">
          <p>{c.message}</p>
        </Notice>
      ))}
      {rules.carriesAshes &&
        rules.gaps.map((g) => (
          <Notice key={g.message} tone="calm" title="Where our research has no rule">
            <p>{g.message}</p>
          </Notice>
        ))}
      {needed.length > 0 && <ul className="rule-list">{needed.map(item)}</ul>}
      {info.length > 0 && (
        <details className="good-to-know">
          <summary>Good to know ({info.length})</summary>
          <ul className="rule-list">{info.map(quiet)}</ul>
        </details>
      )}
      {rules.carriesAshes && rules.requirements.length === 0 && rules.gaps.length === 0 && (
        <p className="meta">We have nothing to add for this part of the journey.</p>
      )}
    </section>
  );
}

/**
 * One thing to know or do, with why (its detail), where it was read, when it was checked and how
 * sure we are. A warning stands out in a warm callout, never an alarm.
 */
function RequirementItem({
  trip,
  requirement: r,
  plain,
}: {
  trip: TripDetail;
  requirement: Requirement;
  /** Under a heading that already says what kind it is ("Good to know"). */
  plain?: boolean;
}) {
  const titleId = useId();
  const warning = r.severity === 'warning';
  return (
    <li className={`requirement severity-${r.severity}`} aria-labelledby={titleId}>
      {!plain && (
        <p className="requirement-kind">
          {warning && <InfoIcon />}
          {/* A requirement from a weak source is only a "may" (review 13, finding 14). */}
          {onlyMayBeNeeded(r) ? 'May be needed' : severityWords[r.severity]}
        </p>
      )}
      <h4 id={titleId}>{r.title}</h4>
      {r.about.length > 0 && <p className="meta">For {listWords(r.about)}</p>}
      <p>{r.detail}</p>
      {r.forThisFamily && <p className="for-this-family">{r.forThisFamily}</p>}
      {r.awaitingOfficial && (
        <p className="stale-note">
          This comes from a secondary source while we look for an official one; please confirm it with{' '}
          {r.awaitingOfficial}.
        </p>
      )}
      <p className="meta checked-line">
        {provenanceWords(r)} {confidenceWords[r.confidence]}
      </p>
      {r.stale && (
        <p className="stale-note">Rules change: it is worth checking the source before you travel.</p>
      )}
      <p className="meta source-line">
        <SourceLink url={r.sourceUrl} about={r.title} />
      </p>
      <RuleTick
        tripId={trip.trip.id}
        canTick={trip.can.tick}
        tickKey={r.key}
        title={r.title}
        word="Done"
        ticked={r.ticked}
        tickedByName={r.tickedByName}
        tickedAt={r.tickedAt}
      />
    </li>
  );
}

/** The papers to carry, and for those a family may not have, what to carry instead. */
function Documents({ trip, carrying }: { trip: TripDetail; carrying: Carrying }) {
  const headingId = useId();
  // Where the urn is sent instead (Germany), its papers go with it, through whoever sends it: the
  // list never says to keep them in the family's hand luggage (review 35, t05).
  const sending = carrying.documents.some((d) => d.status === 'for_sending');
  return (
    <section aria-labelledby={headingId} className="documents">
      <h3 id={headingId}>
        {sending ? `Papers to have ready for ${carrying.name}` : `Papers to carry for ${carrying.name}`}
      </h3>
      {carrying.documents.length === 0 ? (
        <p className="meta">
          We found no papers to list for this journey. The airline may still ask for some; it is worth
          checking with them.
        </p>
      ) : (
        <>
          <p className="meta">
            {sending
              ? `Have them ready for whoever sends ${possessive(carrying.name)} urn: they go with it.`
              : `Keep them with you, in your hand luggage with ${possessive(carrying.name)} things.`}
          </p>
          <ul className="rule-list">
            {carrying.documents.map((d) => (
              <DocumentItem key={d.key} trip={trip} document={d} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DocumentItem({ trip, document: d }: { trip: TripDetail; document: TravelDocument }) {
  const titleId = useId();
  return (
    <li className="requirement document" aria-labelledby={titleId}>
      <h4 id={titleId}>{d.title}</h4>
      <p>{d.detail}</p>
      {d.status === 'ask_first' && (
        <div className="instead">
          <p className="instead-title">Ask before you travel whether you need this one.</p>
        </div>
      )}
      {d.status === 'for_sending' && (
        <div className="instead">
          <p className="instead-title">
            Have this ready for whoever sends the urn: it goes with the urn, not in your bag.
          </p>
        </div>
      )}
      {(d.status === 'not_issued' || d.status === 'may_not_exist') && (
        <div className="instead">
          <p className="instead-title">
            {d.status === 'not_issued'
              ? 'There is no such paper for your loved one, and that is all right.'
              : 'You may not have this one, and that is all right.'}
          </p>
          {d.reason && <p>{capitalise(d.reason)}.</p>}
          {d.instead && (
            <p>
              <strong>Carry instead:</strong> {d.instead}
            </p>
          )}
        </div>
      )}
      <p className="meta source-line">
        <SourceLink url={d.sourceUrl} about={d.title} />
      </p>
      <RuleTick
        tripId={trip.trip.id}
        canTick={trip.can.tick && d.status !== 'not_issued'}
        tickKey={d.key}
        title={d.title}
        word="Packed"
        ticked={d.ticked}
        tickedByName={d.tickedByName}
        tickedAt={d.tickedAt}
      />
    </li>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What this family carries for one loved one, said first and in plain words, before any rule:
 * the papers they have and, where a paper others ask for does not exist for them, what they carry
 * instead. A question we need answered to be exact comes with it, gently.
 */
export function CarrySummary({ carrying, trip }: { carrying: Carrying; trip: TripDetail }) {
  const headingId = useId();
  if (!carrying.summary && !carrying.unavailable && carrying.questions.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="carry-summary">
      <h2 id={headingId}>What you carry for {carrying.name}</h2>
      {carrying.summary && <p>{carrying.summary.text}</p>}
      {carrying.unavailable && <p>{carrying.unavailable}</p>}
      {carrying.questions.map((q) =>
        q.field === 'born_alive' ? (
          <BornAliveQuestion key={q.field} carrying={carrying} message={q.message} />
        ) : q.field === 'home_country' ? (
          <HomeQuestion key={q.field} message={q.message} />
        ) : LOVED_ONE_FIELDS.has(q.field) ? (
          <LovedOneQuestion key={q.field} carrying={carrying} message={q.message} />
        ) : TRIP_FIELDS.has(q.field) ? (
          <TripQuestion key={q.field} trip={trip} message={q.message} />
        ) : (
          <p key={q.field} className="meta">
            {q.message}
          </p>
        ),
      )}
    </section>
  );
}

/** What is asked about the loved one is answered in their details (the weeks, the weight, where). */
const LOVED_ONE_FIELDS = new Set([
  'gestation_weeks',
  'birth_weight_g',
  'loss_region',
  'loss_country',
  'cremated_in',
  'nationality',
]);

/** What is asked about the trip (where they scatter: the place, the state or nation) is in its form. */
const TRIP_FIELDS = new Set(['scatter_place', 'scatter_region']);

function TripQuestion({ trip, message }: { trip: TripDetail; message: string }) {
  return (
    <div className="gentle-question">
      <p>{message}</p>
      {trip.can.edit && (
        <p>
          <Link to={`/trips/${trip.trip.id}/edit`}>Add it under “Where you will scatter” in the trip</Link>
        </p>
      )}
    </div>
  );
}

function LovedOneQuestion({ carrying, message }: { carrying: Carrying; message: string }) {
  const write = useCan('lovedOnes.write');
  return (
    <div className="gentle-question">
      <p>{message}</p>
      {write && (
        <p>
          <Link to={`/loved-ones/${carrying.lovedOneId}/edit`}>
            Add it in {possessive(carrying.name)} details
          </Link>
        </p>
      )}
    </div>
  );
}

/**
 * Where the family lives is the family's country in Settings; until it is chosen, rules that speak
 * only for families living somewhere (a consulate's list) are not guessed at, and this is asked.
 */
function HomeQuestion({ message }: { message: string }) {
  const manage = useCan('family.manage');
  return (
    <div className="gentle-question">
      <p>{message}</p>
      {manage && (
        <p>
          <Link to="/settings">Choose the country you live in, in Settings</Link>
        </p>
      )}
    </div>
  );
}

/**
 * Asked once, gently, where it matters, and never assumed: a baby born alive is registered at any
 * gestation, one born without signs of life before the threshold is not. The family may leave it.
 */
function BornAliveQuestion({ carrying, message }: { carrying: Carrying; message: string }) {
  const answer = useAnswerAboutLovedOne(carrying.lovedOneId);
  return (
    <fieldset className="gentle-question">
      <legend>{message}</legend>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          disabled={answer.isPending}
          onClick={() => answer.mutate({ bornAlive: true })}
        >
          {carrying.name} was born alive
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={answer.isPending}
          onClick={() => answer.mutate({ bornAlive: false })}
        >
          {carrying.name} was born without signs of life
        </button>
      </div>
      <p className="meta">You can leave this for another day; nothing is assumed until you say.</p>
      {answer.isError && (
        <Notice tone="calm" alert>
          {messageOf(answer.error)}
        </Notice>
      )}
    </fieldset>
  );
}
