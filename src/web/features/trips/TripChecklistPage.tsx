import { useId } from 'react';
import { useParams } from 'react-router';
import type { ChecklistItem, TripDetail } from '../../../contracts/trips.js';
import { useSignedIn } from '../../app/session.js';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { PinIcon } from '../../components/icons.js';
import { Notice } from '../../components/Notice.js';
import { EmptyState, Loading, LoadError } from '../../components/Page.js';
import { momentPhrase, packedWords } from '../../lib/format.js';
import { useJustChosen } from '../../lib/just-chosen.js';
import { itemKey, waitingAbout, type Waiting } from '../../lib/outbox.js';
import { useOutbox } from '../../lib/outbox-sync.js';
import { useProblem } from '../../lib/problems.js';
import { useChecklist, useTrip } from '../../lib/queries.js';
import { possessive } from '../../lib/words.js';
import { AddItem, SaveAsList } from './ChecklistForms.js';
import { inBag } from './describe.js';
import { changeKeys, useRemoveChecklistItem, useTickItem } from './mutations.js';
import { TripFrame, TripPending } from './TripFrame.js';

export function TripChecklistPage() {
  const { tripId = '' } = useParams();
  const trip = useTrip(tripId);
  // What was read last stays on screen if asking again fails (no signal, say).
  if (!trip.data) return <TripPending error={trip.error} onRetry={() => void trip.refetch()} />;
  return (
    <TripFrame trip={trip.data} title="Packing list">
      <PackingList trip={trip.data} />
    </TripFrame>
  );
}

function PackingList({ trip }: { trip: TripDetail }) {
  const tripId = trip.trip.id;
  const list = useChecklist(tripId);
  const [dialog, ask] = useConfirm();
  const removal = useRemoveChecklistItem(tripId);
  // One notice for the list's ticks and removals: the latest one's problem, if it failed.
  const { problem, clear } = useProblem(changeKeys.checklist(tripId));

  const { member } = useSignedIn();
  const { waiting } = useOutbox(member.id);

  /** A travelling keepsake is never unticked silently, with or without signal. */
  const untickPinned = (item: ChecklistItem): Promise<boolean> =>
    ask({
      title: `${item.label} is travelling with you. Untick it anyway?`,
      body: <p>It stays on the list, and the family will see who unticked it and when.</p>,
      confirmLabel: 'Untick it',
      cancelLabel: 'Keep it ticked',
    });

  const remove = (item: ChecklistItem) => {
    clear();
    removal.mutate(item);
  };

  if (!list.data)
    return list.isError ? (
      <LoadError error={list.error} what="the packing list" onRetry={() => void list.refetch()} />
    ) : (
      <Loading label="Loading the packing list…" />
    );

  // Ticks kept on this device (no signal yet) show as made, with a note that they are waiting.
  const items = list.data.items.map((item) => withWaiting(item, waitingAbout(waiting, itemKey(item.id))));
  const done = items.filter((i) => i.checked).length;
  const pinned = items.filter((i) => i.pinned);
  const shared = items.filter((i) => !i.pinned && i.scope === 'shared');
  const personal = items.filter((i) => !i.pinned && i.scope === 'personal');
  const owners = [...new Set(personal.map((i) => i.ownerName ?? 'Someone'))];
  const row = (item: ShownItem) => (
    <ItemRow
      key={item.id}
      item={item}
      canTick={trip.can.tick}
      canRemove={trip.can.edit && !item.pinned}
      tripId={tripId}
      memberId={member.id}
      onStart={clear}
      untickPinned={untickPinned}
      onRemove={() => remove(item)}
    />
  );

  return (
    <>
      {dialog}
      <p className="lead" role="status">
        {packedWords(done, items.length)}
      </p>
      {problem && (
        <Notice tone="warm" alert>
          <p>{problem}</p>
        </Notice>
      )}
      {items.length === 0 && (
        <EmptyState title="Nothing on the list yet">
          <p>
            Add what you want to remember below. Keepsakes that travel with you appear here by themselves.
          </p>
        </EmptyState>
      )}
      {pinned.length > 0 && (
        <section aria-labelledby="pinned-heading">
          <h2 id="pinned-heading">Travelling keepsakes</h2>
          <ul className="checklist">{pinned.map(row)}</ul>
        </section>
      )}
      {shared.length > 0 && (
        <section aria-labelledby="shared-heading">
          <h2 id="shared-heading">For everyone</h2>
          <ul className="checklist">{shared.map(row)}</ul>
        </section>
      )}
      {owners.map((owner) => (
        <section key={owner} aria-label={`${possessive(owner)} things`}>
          <h2>{possessive(owner)} things</h2>
          <ul className="checklist">
            {personal.filter((i) => (i.ownerName ?? 'Someone') === owner).map(row)}
          </ul>
        </section>
      ))}
      {trip.can.edit && <AddItem trip={trip} />}
      {trip.can.edit && items.some((i) => !i.pinned) && <SaveAsList tripId={tripId} />}
    </>
  );
}

type ShownItem = ChecklistItem & { waiting: boolean };

function withWaiting(item: ChecklistItem, kept: Waiting | undefined): ShownItem {
  if (kept?.change.kind !== 'checklist') return { ...item, waiting: false };
  return { ...item, checked: kept.change.checked, waiting: true };
}

function ItemRow({
  item,
  canTick,
  canRemove,
  tripId,
  memberId,
  onStart,
  untickPinned,
  onRemove,
}: {
  item: ShownItem;
  canTick: boolean;
  canRemove: boolean;
  tripId: string;
  memberId: string;
  /** Puts the list's notice away as a tick starts. */
  onStart: () => void;
  untickPinned: (item: ChecklistItem) => Promise<boolean>;
  onRemove: () => void;
}) {
  const id = useId();
  // Saved, or kept on this device for later (no signal); other failures show in the list's notice.
  const tick = useTickItem(tripId, memberId);
  // What the person just did, shown at once until the server's answer replaces the item. A
  // pinned keepsake being unticked waits for the question, and then for the answer.
  const [justChosen, hold] = useJustChosen<boolean>();
  const checked = justChosen ?? item.checked;
  const change = (next: boolean) => {
    if (!next && item.pinned) {
      void untickPinned(item).then((yes) => {
        if (!yes) return;
        onStart();
        tick.mutate({ item, checked: false, confirmUntick: true });
      });
      return;
    }
    onStart();
    tick.mutate({ item, checked: next, confirmUntick: false }, hold(next));
  };
  const notes: string[] = [];
  if (item.keepsake) {
    notes.push(
      `${item.keepsake.carrierName ? `Carried by ${item.keepsake.carrierName}` : 'Nobody chosen to carry it yet'}, ${inBag(item.keepsake.bagDescription)}`,
    );
  }
  if (item.waiting)
    notes.push(
      `${item.checked ? 'Ticked' : 'Unticked'} here without signal; it is saved when you are back online`,
    );
  else if (item.checked && item.checkedByName && item.checkedAt)
    notes.push(`Packed by ${item.checkedByName} ${momentPhrase(item.checkedAt)}`);
  if (!item.waiting && !item.checked && item.untickedByName && item.untickedAt)
    notes.push(`Unticked by ${item.untickedByName} ${momentPhrase(item.untickedAt)}`);

  return (
    <li className={`checklist-item${item.pinned ? ' pinned' : ''}${checked ? ' checked' : ''}`}>
      <div className="tick">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={!canTick}
          onChange={(e) => change(e.target.checked)}
          aria-describedby={`${id}-notes`}
        />
        <div className="tick-text">
          <label htmlFor={id} className="tick-label">
            {item.label}
          </label>
          <div id={`${id}-notes`}>
            {item.pinned && (
              <span className="pin-note">
                <PinIcon /> Travels with you — stays on the list
              </span>
            )}
            {notes.map((note) => (
              <span key={note} className="meta" style={{ display: 'block' }}>
                {note}
              </span>
            ))}
          </div>
        </div>
      </div>
      {canRemove && (
        <button type="button" className="button quiet small remove" onClick={onRemove}>
          Remove <span className="visually-hidden">{item.label}</span>
        </button>
      )}
    </li>
  );
}
