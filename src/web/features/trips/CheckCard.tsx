import { useId, useRef, useState } from 'react';
import type { LegCheck, TripDetail, TripKeepsake } from '../../../contracts/trips.js';
import { useSignedIn } from '../../app/session.js';
import { SelectField } from '../../components/fields.js';
import { CheckIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { api, messageOf } from '../../lib/api.js';
import { listWords, momentPhrase } from '../../lib/format.js';
import { useTripAnswer } from '../../lib/queries.js';
import { checkWords } from '../../lib/words.js';
import { inBag, lovedOneNames, myTraveller } from './describe.js';

/**
 * One check on one leg ("Before you leave", or a checkpoint such as "After the security tray"). It
 * is done only when every travelling keepsake has been confirmed by enough different people; until
 * then it says plainly that it is not done, and who has confirmed so far, and when.
 */
export function CheckCard({ trip, check, big }: { trip: TripDetail; check: LegCheck; big?: boolean }) {
  const headingId = useId();
  const words = checkWords[check.kind];
  const names = lovedOneNames(trip);

  return (
    <section
      aria-labelledby={headingId}
      className={`card check-card${check.complete ? ' complete' : ''}${big ? '' : ' small'}`}
    >
      <div className="check-head">
        <h4 id={headingId}>{words.title}</h4>
        {/* A status, so a screen reader hears "Done" when the last confirmation lands. */}
        <span role="status">
          {check.complete ? (
            <span className="tag done">
              <CheckIcon /> Done
            </span>
          ) : (
            <span className="tag waiting">Not done yet</span>
          )}
        </span>
      </div>
      {trip.keepsakes.length === 0 ? (
        <p className="meta">No keepsakes are coming on this trip, so there is nothing to check here.</p>
      ) : (
        <>
          <p className={big ? 'check-question' : 'meta'}>{words.question(listWords(names))}</p>
          {check.complete && check.completedAt && (
            <p className="meta">Done {momentPhrase(check.completedAt)}.</p>
          )}
          {trip.keepsakes.map((keepsake) => {
            const state = check.keepsakes.find((k) => k.tripKeepsakeId === keepsake.id);
            return (
              <KeepsakeConfirm
                key={keepsake.id}
                trip={trip}
                check={check}
                keepsake={keepsake}
                confirmations={state?.confirmations ?? []}
                complete={state?.complete ?? false}
              />
            );
          })}
        </>
      )}
    </section>
  );
}

function KeepsakeConfirm({
  trip,
  check,
  keepsake,
  confirmations,
  complete,
}: {
  trip: TripDetail;
  check: LegCheck;
  keepsake: TripKeepsake;
  confirmations: LegCheck['keepsakes'][number]['confirmations'];
  complete: boolean;
}) {
  const session = useSignedIn();
  const answer = useTripAnswer();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const confirmedBy = new Set(confirmations.map((c) => c.travellerId));
  const candidates = trip.travellers.filter((t) => !confirmedBy.has(t.id));
  const me = myTraveller(trip, session.member.id);
  const preferred = candidates.find((t) => t.id === me?.id) ?? candidates[0];
  const [chosen, setChosen] = useState<string>('');
  const who = candidates.some((t) => t.id === chosen) ? chosen : (preferred?.id ?? '');
  const stillNeeded = check.requiredConfirmers - confirmedBy.size;

  const run = async (work: () => Promise<TripDetail>) => {
    setBusy(true);
    setProblem(null);
    try {
      answer(await work());
      // The button may be gone now; keep keyboard focus here, on the keepsake's record.
      requestAnimationFrame(() => {
        if (!box.current?.contains(document.activeElement)) box.current?.focus();
      });
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = () =>
    run(() =>
      api.post<TripDetail>(`/api/leg-checks/${check.id}/confirmations`, {
        travellerId: who,
        tripKeepsakeIds: [keepsake.id],
      }),
    );
  const undo = (confirmationId: string) =>
    run(() => api.delete<TripDetail>(`/api/check-confirmations/${confirmationId}`));

  return (
    <div className="keepsake-check" ref={box} tabIndex={-1}>
      <p>
        <strong>{keepsake.name}</strong>
        <span className="meta">
          {' '}
          — {keepsake.carrierName
            ? `carried by ${keepsake.carrierName}`
            : 'nobody chosen to carry it yet'}, {inBag(keepsake.bagDescription)}
        </span>
      </p>
      {confirmations.length > 0 && (
        <ul className="confirmations">
          {confirmations.map((c) => (
            <li key={c.id}>
              <span>
                <CheckIcon /> Confirmed by {c.travellerName}{' '}
                <time dateTime={c.confirmedAt}>{momentPhrase(c.confirmedAt)}</time>
                {c.recordedByName !== c.travellerName && (
                  <span className="meta"> (recorded by {c.recordedByName})</span>
                )}
              </span>
              {trip.can.confirm && (
                <button
                  type="button"
                  className="button quiet small"
                  disabled={busy}
                  onClick={() => void undo(c.id)}
                >
                  Undo<span className="visually-hidden"> {c.travellerName}’s confirmation</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <Notice tone="warm" alert>
          <p>{problem}</p>
        </Notice>
      )}
      {!complete && trip.can.confirm && (
        <>
          {confirmedBy.size > 0 && stillNeeded > 0 && (
            <p className="meta">
              {stillNeeded === 1 ? 'One more person' : `${stillNeeded} more people`} to confirm — it can be a
              child travelling with you.
            </p>
          )}
          {candidates.length === 0 ? (
            <p className="meta">
              Everyone on the trip has confirmed. Add another traveller on the People page to make a second
              confirmation.
            </p>
          ) : (
            <div className="confirm-row">
              {candidates.length > 1 ? (
                <SelectField
                  label="Who is confirming?"
                  name={`who-${check.id}-${keepsake.id}`}
                  value={who}
                  onChange={setChosen}
                  options={candidates.map((t) => ({ value: t.id, label: t.name }))}
                />
              ) : (
                <p className="meta confirming-as">Confirming as {preferred?.name}</p>
              )}
              <button type="button" className="button" disabled={busy || !who} onClick={() => void confirm()}>
                {busy ? 'Saving…' : `I have ${keepsake.name}`}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
