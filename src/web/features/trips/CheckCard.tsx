import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { LegCheck, Traveller, TripDetail, TripKeepsake } from '../../../contracts/trips.js';
import { useSignedIn } from '../../app/session.js';
import { SelectField } from '../../components/fields.js';
import { CheckIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { messageOf } from '../../lib/api.js';
import { listWords, momentPhrase } from '../../lib/format.js';
import { useHasPassed } from '../../lib/moment.js';
import { isEarly } from '../../../domain/trips/checks.js';
import { confirmKey, drop, waitingAbout, type Waiting } from '../../lib/outbox.js';
import { sendOrKeep, useOutbox } from '../../lib/outbox-sync.js';
import { checkWords } from '../../lib/words.js';
import { inBag, lovedOneNames, myTraveller } from './describe.js';
import { ChildHelpLine } from '../children/ChildHelpLine.js';

type Confirmation = LegCheck['keepsakes'][number]['confirmations'][number];
/** A confirmation as shown: from the server, or kept on this device until there is signal. */
type ShownConfirmation = Confirmation & { waiting: Waiting | null };

/**
 * The confirmations of one keepsake at one check, with those made without signal added and those
 * undone without signal taken away, so the card shows what the person did.
 */
function shownConfirmations(
  check: LegCheck,
  tripKeepsakeId: string,
  waiting: readonly Waiting[],
  recordedByName: string,
): ShownConfirmation[] {
  const state = check.keepsakes.find((k) => k.tripKeepsakeId === tripKeepsakeId);
  const fromServer = (state?.confirmations ?? [])
    .filter((c) => !waitingAbout(waiting, confirmKey(check.id, tripKeepsakeId, c.travellerId)))
    .map((c) => ({ ...c, waiting: null }));
  const kept = waiting.flatMap((w) =>
    w.change.kind === 'confirm' && w.change.checkId === check.id && w.change.tripKeepsakeId === tripKeepsakeId
      ? [
          {
            id: w.id,
            travellerId: w.change.travellerId,
            travellerName: w.change.travellerName,
            recordedByName,
            confirmedAt: w.madeAt,
            // Recorded at the tap (the server keeps it), so the same rule as the server's applies.
            early: isEarly(w.madeAt, check.opensAt),
            waiting: w,
          },
        ]
      : [],
  );
  return [...fromServer, ...kept];
}

const people = (confirmations: readonly ShownConfirmation[]) =>
  new Set(confirmations.map((c) => c.travellerId)).size;

/** "Packed early" for the packing checks, "Confirmed early" for the moments on the way. */
const earlyWord = (check: LegCheck) =>
  check.kind === 'before_you_leave' || check.kind === 'checkout' ? 'Packed early' : 'Confirmed early';

/** A check as this device shows it: the server's word, with changes kept on the phone added. */
export interface ShownCheck {
  states: Array<{ keepsake: TripKeepsake; confirmations: ShownConfirmation[]; complete: boolean }>;
  complete: boolean;
  /** When confirmations from before the check opened would have completed it, if they would. */
  packedEarlyAt: string | null;
  /** Some of it waits on this phone for signal. */
  waitingHere: boolean;
}

/**
 * Works a check out as shown: while changes about it wait on this phone, from the confirmations
 * shown (the same rule as the server's: only those since it opened count); otherwise the server's.
 */
export function shownCheck(
  trip: TripDetail,
  check: LegCheck,
  waiting: readonly Waiting[],
  recordedByName: string,
): ShownCheck {
  const keptHere = waiting.filter((w) => 'checkId' in w.change && w.change.checkId === check.id);
  const waitingHere = keptHere.length > 0;
  const states = trip.keepsakes.map((keepsake) => {
    const confirmations = shownConfirmations(check, keepsake.id, keptHere, recordedByName);
    const server = check.keepsakes.find((k) => k.tripKeepsakeId === keepsake.id);
    const complete = !waitingHere
      ? (server?.complete ?? false)
      : people(confirmations.filter((c) => !c.early)) >= check.requiredConfirmers;
    return { keepsake, confirmations, complete };
  });
  const complete = !waitingHere ? check.complete : states.length > 0 && states.every((s) => s.complete);
  const earlyTimes = states.flatMap((s) => s.confirmations.filter((c) => c.early).map((c) => c.confirmedAt));
  const earlyEnough =
    states.length > 0 &&
    states.every((s) => people(s.confirmations.filter((c) => c.early)) >= check.requiredConfirmers);
  const packedEarlyAt = complete
    ? null
    : !waitingHere
      ? check.packedEarlyAt
      : earlyEnough
        ? (earlyTimes.sort().at(-1) ?? null)
        : null;
  return { states, complete, packedEarlyAt, waitingHere };
}

/** "Packed early, on Tue 3 Dec." / "Packed early, yesterday." / "Packed early today." */
function earlyWhen(check: LegCheck, at: string): string {
  const day = momentPhrase(at, undefined, undefined, { time: false });
  return `${earlyWord(check)}${day === 'today' ? ' today' : `, ${day}`}.`;
}

/**
 * One check on one leg ("Before you leave", or a checkpoint such as "After the security tray"). It
 * is done only when every travelling keepsake has been confirmed by enough different people since
 * the check opened, the evening before the departure (domain/trips/opens.ts); until then it says
 * plainly that it is not done, and who has confirmed so far, and when. Confirmations from before it
 * opened are "packed early": shown, with their day, and asked for again once it opens.
 */
export function CheckCard({
  trip,
  check,
  legName,
  big,
  level = 4,
  questionAbove = false,
}: {
  trip: TripDetail;
  check: LegCheck;
  /** "Heathrow to Madrid": every leg has a "Before you leave", so each card's name says whose. */
  legName: string;
  big?: boolean;
  /** The heading's level where the card sits (4 inside a leg on the trip page). */
  level?: 2 | 3 | 4;
  /** The question ("Is Jack packed?") is already the page's heading (home on the day of travel). */
  questionAbove?: boolean;
}) {
  const headingId = useId();
  const words = checkWords[check.kind];
  const names = lovedOneNames(trip);
  const { member } = useSignedIn();
  const { waiting } = useOutbox(member.id);
  const open = useHasPassed(check.opensAt);
  const { states, complete, packedEarlyAt, waitingHere } = shownCheck(
    trip,
    check,
    waiting,
    member.displayName,
  );
  const Heading = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';

  return (
    <section
      aria-labelledby={headingId}
      className={`card check-card${complete ? ' complete' : ''}${big ? '' : ' small'}`}
    >
      <div className="check-head">
        <Heading id={headingId}>
          {words.title} <span className="visually-hidden">({legName})</span>
        </Heading>
        {/* A status, so a screen reader hears "Done" when the last confirmation lands. */}
        <span role="status">
          {complete ? (
            <span className="tag done">
              <CheckIcon /> Done
            </span>
          ) : packedEarlyAt && !open ? (
            <span className="tag waiting">{earlyWord(check)}</span>
          ) : (
            <span className="tag waiting">Not done yet</span>
          )}
        </span>
      </div>
      {trip.keepsakes.length === 0 ? (
        <p className="meta">No keepsakes are coming on this trip, so there is nothing to check here.</p>
      ) : (
        <>
          {!questionAbove && (
            <p className={big ? 'check-question' : 'meta'}>{words.question(listWords(names))}</p>
          )}
          {complete && !waitingHere && check.completedAt && (
            <p className="meta">Done {momentPhrase(check.completedAt)}.</p>
          )}
          {packedEarlyAt && (
            <p className="meta early-note">
              {earlyWhen(check, packedEarlyAt)}{' '}
              {open
                ? check.kind === 'before_you_leave' || check.kind === 'checkout'
                  ? 'Please check once more before you leave, so it is done for this departure.'
                  : 'Please confirm it once more on the way, so it is done for this departure.'
                : `We will ask once more ${momentPhrase(check.opensAt)}, the evening before you leave.`}
            </p>
          )}
          {states.map(({ keepsake, confirmations, complete: keepsakeComplete }) => (
            <KeepsakeConfirm
              key={keepsake.id}
              trip={trip}
              check={check}
              keepsake={keepsake}
              confirmations={confirmations}
              complete={keepsakeComplete}
            />
          ))}
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
  confirmations: ShownConfirmation[];
  complete: boolean;
}) {
  const session = useSignedIn();
  const client = useQueryClient();
  const box = useRef<HTMLDivElement>(null);
  // Who has confirmed since the check opened; before it opens, an early confirmation is enough for
  // now (asking again then would change nothing), and once it opens they are asked once more.
  const open = useHasPassed(check.opensAt);
  const confirmedBy = new Set(confirmations.filter((c) => !c.early).map((c) => c.travellerId));
  const asked = new Set(confirmations.filter((c) => !c.early || !open).map((c) => c.travellerId));
  const candidates = trip.travellers.filter((t) => !asked.has(t.id));
  const me = myTraveller(trip, session.member.id);
  const preferred = candidates.find((t) => t.id === me?.id) ?? candidates[0];
  const [chosen, setChosen] = useState<string>('');
  const who = candidates.some((t) => t.id === chosen) ? chosen : (preferred?.id ?? '');
  const stillNeeded = check.requiredConfirmers - confirmedBy.size;

  // A confirmation or its undo. With no signal, both are kept on this device and sent later (see
  // lib/outbox-sync.ts).
  const change = useMutation({
    mutationFn: async (action: { undo: ShownConfirmation } | { confirm: Traveller }) => {
      if ('confirm' in action) {
        const traveller = action.confirm;
        await sendOrKeep(client, session.member.id, {
          kind: 'confirm',
          tripId: trip.trip.id,
          checkId: check.id,
          tripKeepsakeId: keepsake.id,
          travellerId: traveller.id,
          travellerName: traveller.name,
          label: `${traveller.name} has ${keepsake.name}`,
        });
        return;
      }
      const c = action.undo;
      // Not sent yet: taking it back is only a matter of this device.
      if (c.waiting) return drop(c.waiting.id);
      await sendOrKeep(client, session.member.id, {
        kind: 'unconfirm',
        tripId: trip.trip.id,
        checkId: check.id,
        tripKeepsakeId: keepsake.id,
        travellerId: c.travellerId,
        confirmationId: c.id,
        label: `Undoing ${c.travellerName}’s confirmation of ${keepsake.name}`,
      });
    },
    onSuccess: () => {
      // The button may be gone now; keep keyboard focus here, on the keepsake's record.
      requestAnimationFrame(() => {
        if (!box.current?.contains(document.activeElement)) box.current?.focus();
      });
    },
  });
  const busy = change.isPending;

  const confirm = () => {
    const traveller = trip.travellers.find((t) => t.id === who);
    if (traveller) change.mutate({ confirm: traveller });
  };
  const undo = (c: ShownConfirmation) => change.mutate({ undo: c });

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
                <CheckIcon /> {c.early ? `${earlyWord(check)} by` : 'Confirmed by'} {c.travellerName}{' '}
                <time dateTime={c.confirmedAt}>{momentPhrase(c.confirmedAt)}</time>
                {c.recordedByName !== c.travellerName && (
                  <span className="meta"> (recorded by {c.recordedByName})</span>
                )}
                {c.waiting && (
                  <span className="meta waiting-note">
                    {' '}
                    — kept on this phone; it is saved when you are back online
                  </span>
                )}
              </span>
              {trip.can.confirm && !(c.early && open && !c.waiting) && (
                <button type="button" className="button quiet small" disabled={busy} onClick={() => undo(c)}>
                  Undo<span className="visually-hidden"> {c.travellerName}’s confirmation</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!complete && <ChildHelpLine tripId={trip.trip.id} checkId={check.id} tripKeepsakeId={keepsake.id} />}
      {change.isError && (
        <Notice tone="warm" alert>
          <p>{messageOf(change.error)}</p>
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
          {candidates.length === 0 && confirmedBy.size < asked.size ? null : candidates.length === 0 ? (
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
              <button type="button" className="button" disabled={busy || !who} onClick={confirm}>
                {busy ? 'Saving…' : `I have ${keepsake.name}`}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
