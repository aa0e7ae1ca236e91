import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { checkpointsByMode, type CheckpointKind } from '../../../contracts/trip-vocabulary.js';
import type { Leg, TripDetail } from '../../../contracts/trips.js';
import { useSignedIn } from '../../app/session.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState } from '../../components/Page.js';
import { formatLocalDateTime, momentPhrase, packedWords, untilWords } from '../../lib/format.js';
import { useJustChosen } from '../../lib/just-chosen.js';
import { useOutbox } from '../../lib/outbox-sync.js';
import { useProblem } from '../../lib/problems.js';
import { useCarriers, useTravelRules, useTrip } from '../../lib/queries.js';
import { bagWords, checkWords } from '../../lib/words.js';
import { ChildHelpsNotice } from '../children/ChildHelpsNotice.js';
import { ArrivedButton } from '../rituals/ArrivedButton.js';
import { RitualCards } from '../rituals/RitualCards.js';
import { CheckCard } from './CheckCard.js';
import { legKind, legTitle } from './describe.js';
import { LegName } from './LegName.js';
import { travelDay } from '../home/TravelDay.js';
import { changeKeys, useChooseCheckpoints, useRemoveLeg } from './mutations.js';
import { TripFrame, TripPending } from './TripFrame.js';

export function TripPage() {
  const { tripId = '' } = useParams();
  const trip = useTrip(tripId);
  // What was read last stays on screen if asking again fails (no signal, say).
  if (!trip.data) return <TripPending error={trip.error} onRetry={() => void trip.refetch()} />;
  return <Journey trip={trip.data} />;
}

function Journey({ trip }: { trip: TripDetail }) {
  const { progress } = trip.trip;
  const base = `/trips/${trip.trip.id}`;
  const hasWayHome = trip.legs.some((l) => l.isReturn);
  const { member } = useSignedIn();
  const outbox = useOutbox(member.id).waiting.filter((w) => w.change.tripId === trip.trip.id);
  const waiting = outbox.length;
  const [now] = useState(Date.now);
  // On the day of travel the departure being checked comes first, so its check is on the first
  // screen of a phone rather than below the trip's overview.
  const today = travelDay(trip, outbox, member.displayName, now)?.leg;
  const otherLegs = trip.legs.filter((leg) => leg !== today);

  return (
    <TripFrame trip={trip} title="Journey and checks">
      <ChildHelpsNotice trip={trip} />
      <ArrivedButton trip={trip} />
      <RitualCards tripId={trip.trip.id} />
      {today && <LegSection trip={trip} leg={today} today />}
      <section aria-labelledby="overview-heading" className="card">
        <h2 id="overview-heading">How it is going</h2>
        <p>
          {packedWords(progress.checklistDone, progress.checklistTotal)}
          {progress.checksTotal > 0 && ` · ${progress.checksComplete} of ${progress.checksTotal} checks done`}
        </p>
        {waiting > 0 && (
          <p className="meta">
            {waiting === 1 ? 'One change' : `${waiting} changes`} made without signal{' '}
            {waiting === 1 ? 'is' : 'are'} not counted here until {waiting === 1 ? 'it is' : 'they are'}{' '}
            saved.
          </p>
        )}
        {trip.trip.requireTwoPeople && <p className="meta">Two people confirm each keepsake on this trip.</p>}
        <div className="button-row">
          <Link className="button secondary small" to={`${base}/checklist`}>
            Open the packing list
          </Link>
          {trip.can.edit && (
            <Link className="button quiet small" to={`${base}/edit`}>
              Edit trip details
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="legs-heading">
        <h2 id="legs-heading">The journey</h2>
        {trip.legs.length === 0 ? (
          <EmptyState
            title="Add the first part of your journey"
            action={
              trip.can.edit && (
                <Link className="button" to={`${base}/legs/new`}>
                  Add a departure
                </Link>
              )
            }
          >
            <p>
              A flight, a train, a drive or a crossing. Each one gets a “Before you leave” check, the way home
              too.
            </p>
          </EmptyState>
        ) : (
          <>
            {today && <p className="meta">Today's departure is at the top of the page.</p>}
            {otherLegs.map((leg) => (
              <LegSection key={leg.id} trip={trip} leg={leg} />
            ))}
            {trip.can.edit && (
              <div className="button-row">
                {!hasWayHome && (
                  <Link className="button" to={`${base}/legs/new?way=home`}>
                    Add the way home
                  </Link>
                )}
                <Link className="button secondary" to={`${base}/legs/new`}>
                  Add another departure
                </Link>
              </div>
            )}
          </>
        )}
      </section>
    </TripFrame>
  );
}

/**
 * One part of the journey: what it is, its checks, and the checkpoints to choose. `today` is the
 * departure of the day at the top of the page: its heading says so and its check comes straight
 * after when it leaves, so the button is on a phone's first screen; the rest follows the checks.
 */
function LegSection({ trip, leg, today = false }: { trip: TripDetail; leg: Leg; today?: boolean }) {
  const headingId = useId();
  const [dialog, ask] = useConfirm();
  const choose = useChooseCheckpoints(leg.id);
  const removal = useRemoveLeg(leg.id);
  // One notice for this leg's changes: the latest one's problem, if it failed.
  const { problem, clear } = useProblem(changeKeys.leg(leg.id));
  // The switch shows what was just chosen until the trip comes back from the server.
  const carriers = useCarriers();
  const carrierName = (code: string) => carriers.data?.[leg.mode].find((c) => c.code === code)?.name ?? code;
  const [choosing, hold] = useJustChosen<{ kind: CheckpointKind; wanted: boolean }>();
  const before = leg.checks.find((c) => c.kind === 'before_you_leave');
  const checkpoints = leg.checks.filter((c) => c.kind !== 'before_you_leave');
  const on = new Set(checkpoints.map((c) => c.kind));
  const soon = untilWords(leg.departureUtc);

  const isOn = (kind: CheckpointKind) => (choosing?.kind === kind ? choosing.wanted : on.has(kind));

  const toggle = (kind: CheckpointKind, wanted: boolean) => {
    const checkpoints = checkpointsByMode[leg.mode].filter((k) => (k === kind ? wanted : on.has(k)));
    clear();
    choose.mutate({ kind, wanted, checkpoints }, hold({ kind, wanted }));
  };

  const remove = async () => {
    const yes = await ask({
      title: `Remove ${legTitle(leg)}?`,
      body: <p>Its checks and the record of who confirmed them are removed with it.</p>,
      confirmLabel: 'Remove it',
      cancelLabel: 'Keep it',
    });
    if (!yes) return;
    removal.mutate();
  };

  const Heading = today ? 'h2' : 'h3';
  const about = (
    <p className="meta">
      {legKind(leg)} · {leg.label && `${leg.label} · `}
      {leg.carrier && `${carrierName(leg.carrier)} · `}
      {bagWords[leg.bag]}
      {leg.connection &&
        (leg.mode === 'sea' ? ' · A port of call: the ashes stay on board' : ' · Only changing planes here')}
    </p>
  );

  return (
    <section aria-labelledby={headingId} className="leg" id={`leg-${leg.id}`}>
      {dialog}
      <Heading id={headingId} className="leg-title">
        <LegName leg={leg} />
        {today && <span className="tag"> Today</span>}
        {leg.isReturn && <span className="tag"> The way home</span>}
      </Heading>
      {!today && about}
      <p className="meta">
        {today ? (
          <>
            Leaves <time dateTime={leg.departureUtc}>{momentPhrase(leg.departureUtc)}</time>
          </>
        ) : (
          <>
            Leaves <time dateTime={leg.departureUtc}>{formatLocalDateTime(leg.departureLocal)}</time>
          </>
        )}{' '}
        ({leg.departureZone}){soon && `, ${soon}`}
      </p>
      {problem && (
        <Notice tone="warm" alert>
          <p>{problem}</p>
        </Notice>
      )}
      {!today && <LegWarnings trip={trip} leg={leg} />}
      {before && <CheckCard trip={trip} check={before} legName={legTitle(leg)} level={today ? 3 : 4} big />}
      {today && about}
      {today && <LegWarnings trip={trip} leg={leg} />}
      {checkpoints.map((check) => (
        <CheckCard key={check.id} trip={trip} check={check} legName={legTitle(leg)} level={today ? 3 : 4} />
      ))}
      {trip.can.edit && (
        <details className="checkpoint-choice">
          <summary>Choose the checkpoints for this part</summary>
          <fieldset className="field" disabled={choosing !== undefined}>
            <legend className="field-label">Checkpoints</legend>
            <p className="field-hint">
              Moments on the way where keepsakes get left behind. Switch on the ones that help.
            </p>
            {checkpointsByMode[leg.mode].map((kind) => (
              <div className="check-row" key={kind}>
                <input
                  id={`${headingId}-${kind}`}
                  type="checkbox"
                  checked={isOn(kind)}
                  onChange={(e) => toggle(kind, e.target.checked)}
                />
                <label htmlFor={`${headingId}-${kind}`}>{checkWords[kind].title}</label>
              </div>
            ))}
          </fieldset>
        </details>
      )}
      {trip.can.edit && (
        <div className="button-row">
          <Link className="button secondary small" to={`/trips/${trip.trip.id}/legs/${leg.id}/edit`}>
            Edit <span className="visually-hidden">{legTitle(leg)}</span>
          </Link>
          <button type="button" className="button quiet small" onClick={() => void remove()}>
            Remove <span className="visually-hidden">{legTitle(leg)}</span>
          </button>
        </div>
      )}
    </section>
  );
}

/**
 * The travel rules' warnings for this part of the journey (a container the X-ray cannot see through,
 * a country that does not let a family carry an urn), where the family looks before leaving.
 */
function LegWarnings({ trip, leg }: { trip: TripDetail; leg: Leg }) {
  const rules = useTravelRules(trip.trip.id);
  const titles = [
    ...new Set(
      (rules.data?.carrying ?? []).flatMap((c) =>
        c.legs
          .filter((l) => l.legId === leg.id)
          .flatMap((l) => l.requirements.filter((r) => r.severity === 'warning').map((r) => r.title)),
      ),
    ),
  ];
  if (titles.length === 0) return null;
  return (
    <div className="leg-warnings">
      <Notice tone="warm" title="Please take care">
        <ul>
          {titles.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ul>
        <p>
          <Link to={`/trips/${trip.trip.id}/carry`}>
            What to do, and where we read it<span className="visually-hidden"> ({legTitle(leg)})</span>
          </Link>
        </p>
      </Notice>
    </div>
  );
}
